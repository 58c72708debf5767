import AnswerEvalText

private struct MatchKey: Hashable {
  var cue: Int
  var start: Int
  var end: Int
}

/// One cue match in an answer: which cue, which of its phrases, and the tokens it covers.
public struct CueMatch: Sendable, Equatable {
  /// Index into ``CueMatcher/cues``.
  public var cue: Int
  public var signal: String
  public var weight: Double
  /// Token indices in ``AnalyzedText/tokens`` (end exclusive).
  public var tokens: Range<Int>
  public var sentence: Int
}

/// All the cues of a rubric compiled once into one token trie, so matching an answer costs the same
/// however many cues there are: each token position walks the trie as far as the text allows.
///
/// ```swift
/// let matcher = CueMatcher(packs: rubric.packs)
/// matcher.matches(in: text)   // [CueMatch(cue: 3, signal: "cost", tokens: 12..<16, …), …]
/// ```
/// - Complexity: building is linear in the total size of the phrases; matching is O(n · d) for n tokens
///   and the longest path d through the trie (bounded by the longest phrase and its gaps).
public struct CueMatcher: Sendable {
  /// The cues, in pack order, with the pack id of each.
  public let cues: [(pack: String, cue: Cue)]

  private struct Node: Sendable {
    var edges: [Int32: Int32] = [:]
    var prefixEdges: [(prefix: String, node: Int32)] = []
    var suffixEdges: [(suffix: String, node: Int32)] = []
    var numberEdge: Int32 = -1
    var anyEdge: Int32 = -1
    var gapEdges: [(max: Int, node: Int32)] = []
    /// Pattern ids accepted here.
    var accepts: [Int32] = []
  }

  /// For each pattern id: the cue index and whether it is an exception.
  private let patterns: [(cue: Int32, exception: Bool)]
  private let nodes: [Node]
  /// Stems and exact forms of the phrases' words → term id.
  private let stems: [String: Int32]
  private let exacts: [String: Int32]

  public init(packs: [CuePack]) {
    var cues: [(String, Cue)] = []
    for pack in packs { for cue in pack.cues { cues.append((pack.id, cue)) } }
    self.cues = cues
    var nodes = [Node()]
    var stems: [String: Int32] = [:]
    var exacts: [String: Int32] = [:]
    var patterns: [(Int32, Bool)] = []

    // Stem ids and exact ids share one numbering so a node's edges can hold both.
    func term(_ word: String, stem: Bool) -> Int32 {
      if let id = stem ? stems[word] : exacts[word] { return id }
      let id = Int32(stems.count + exacts.count)
      if stem { stems[word] = id } else { exacts[word] = id }
      return id
    }
    func child(_ node: Int32, _ test: PhrasePattern.Test) -> Int32 {
      func new() -> Int32 {
        nodes.append(Node())
        return Int32(nodes.count - 1)
      }
      let n = Int(node)
      switch test {
      case .stem(let s), .exact(let s):
        let key = term(s, stem: test == .stem(s))
        if let next = nodes[n].edges[key] { return next }
        let next = new()
        nodes[n].edges[key] = next
        return next
      case .prefix(let p):
        if let existing = nodes[n].prefixEdges.first(where: { $0.prefix == p }) { return existing.node }
        let next = new()
        nodes[n].prefixEdges.append((p, next))
        return next
      case .suffix(let p):
        if let existing = nodes[n].suffixEdges.first(where: { $0.suffix == p }) { return existing.node }
        let next = new()
        nodes[n].suffixEdges.append((p, next))
        return next
      case .number:
        if nodes[n].numberEdge >= 0 { return nodes[n].numberEdge }
        let next = new()
        nodes[n].numberEdge = next
        return next
      case .any:
        if nodes[n].anyEdge >= 0 { return nodes[n].anyEdge }
        let next = new()
        nodes[n].anyEdge = next
        return next
      }
    }
    func insert(_ pattern: PhrasePattern, id: Int32) {
      var frontier: [Int32] = [0]
      for element in pattern.elements {
        var next: [Int32] = []
        switch element {
        case .alternatives(let alternatives):
          for node in frontier {
            for sequence in alternatives {
              var n = node
              for test in sequence { n = child(n, test) }
              if !next.contains(n) { next.append(n) }
            }
          }
        case .gap(let max):
          for node in frontier {
            if let existing = nodes[Int(node)].gapEdges.first(where: { $0.max == max }) {
              next.append(existing.node)
            } else {
              nodes.append(Node())
              let created = Int32(nodes.count - 1)
              nodes[Int(node)].gapEdges.append((max, created))
              next.append(created)
            }
          }
        }
        frontier = next
      }
      for node in frontier where !nodes[Int(node)].accepts.contains(id) { nodes[Int(node)].accepts.append(id) }
    }

    for (index, entry) in cues.enumerated() {
      for phrase in entry.1.phrases {
        patterns.append((Int32(index), false))
        insert(phrase, id: Int32(patterns.count - 1))
      }
      for phrase in entry.1.exceptions {
        patterns.append((Int32(index), true))
        insert(phrase, id: Int32(patterns.count - 1))
      }
    }
    self.nodes = nodes
    self.stems = stems
    self.exacts = exacts
    self.patterns = patterns
  }

  /// The number of trie nodes (for diagnostics and benchmarks).
  public var nodeCount: Int { nodes.count }

  /// Every match of every cue in `text`, minus matches overlapped by one of the same cue's exceptions,
  /// ordered by start token, then cue.
  public func matches(in text: AnalyzedText, only cueFilter: Int? = nil) -> [CueMatch] {
    let tokens = text.tokens
    var stemKeys = [Int32](repeating: -1, count: tokens.count)
    var exactKeys = [Int32](repeating: -1, count: tokens.count)
    for (i, token) in tokens.enumerated() {
      exactKeys[i] = exacts[token.normalized] ?? -1
      if token.kind == .word { stemKeys[i] = stems[Stemmer.stem(token.normalized)] ?? -1 }
    }
    var found: [(pattern: Int32, range: Range<Int>, sentence: Int)] = []
    var stack: [(node: Int32, position: Int)] = []
    // (node, position) pairs already pushed through a gap from the current start; reused across starts.
    var seen = Set<Int64>()
    nodes.withUnsafeBufferPointer { nodes in
      for sentence in text.sentences.indices {
        let range = text.sentences[sentence].tokens
        for start in range {
          // Nothing can start here unless the root has an edge for this token.
          let root = nodes[0]
          let first = tokens[start]
          guard
            (exactKeys[start] >= 0 && root.edges[exactKeys[start]] != nil)
              || (stemKeys[start] >= 0 && root.edges[stemKeys[start]] != nil) || root.anyEdge >= 0
              || (root.numberEdge >= 0 && first.kind == .number) || !root.prefixEdges.isEmpty
              || !root.suffixEdges.isEmpty
          else { continue }
          stack.append((0, start))
          if !seen.isEmpty { seen.removeAll(keepingCapacity: true) }
          while let (nodeID, position) = stack.popLast() {
            let node = nodes[Int(nodeID)]
            for id in node.accepts where position > start {
              found.append((id, start..<position, sentence))
            }
            for gap in node.gapEdges {
              for k in 0...gap.max where position + k < range.upperBound {
                let key = Int64(gap.node) << 32 | Int64(position + k)
                if seen.insert(key).inserted { stack.append((gap.node, position + k)) }
              }
            }
            guard position < range.upperBound else { continue }
            let token = tokens[position]
            if exactKeys[position] >= 0, let next = node.edges[exactKeys[position]] {
              stack.append((next, position + 1))
            }
            if stemKeys[position] >= 0, let next = node.edges[stemKeys[position]] { stack.append((next, position + 1)) }
            if token.kind == .word {
              for edge in node.prefixEdges where token.normalized.hasPrefix(edge.prefix) {
                stack.append((edge.node, position + 1))
              }
              for edge in node.suffixEdges
              where token.normalized.utf8.count >= edge.suffix.utf8.count + 2 && token.normalized.hasSuffix(edge.suffix)
              {
                stack.append((edge.node, position + 1))
              }
            }
            if node.numberEdge >= 0, token.kind == .number { stack.append((node.numberEdge, position + 1)) }
            if node.anyEdge >= 0 { stack.append((node.anyEdge, position + 1)) }
          }
        }
      }
    }
    var exceptions: [Int: [Range<Int>]] = [:]
    for f in found where patterns[Int(f.pattern)].exception {
      exceptions[Int(patterns[Int(f.pattern)].cue), default: []].append(f.range)
    }
    var matches: [CueMatch] = []
    var emitted = Set<MatchKey>()
    for f in found where !patterns[Int(f.pattern)].exception {
      let cueIndex = Int(patterns[Int(f.pattern)].cue)
      if let only = cueFilter, only != cueIndex { continue }
      if let blocked = exceptions[cueIndex], blocked.contains(where: { $0.overlaps(f.range) }) { continue }
      guard emitted.insert(MatchKey(cue: cueIndex, start: f.range.lowerBound, end: f.range.upperBound)).inserted else {
        continue
      }
      let cue = cues[cueIndex].cue
      matches.append(
        CueMatch(cue: cueIndex, signal: cue.signal, weight: cue.weight, tokens: f.range, sentence: f.sentence))
    }
    matches.sort {
      ($0.tokens.lowerBound, $0.cue, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.cue, $1.tokens.upperBound)
    }
    return matches
  }
}
