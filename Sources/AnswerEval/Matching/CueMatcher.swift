import AnswerEvalText

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
/// Every word test of a phrase — a stem, an exact form, a prefix (`optimi*`), a suffix (`*ed`) — is a
/// *term* with a number. Before walking, each token of the answer gets the list of terms it passes (its
/// exact form and its stem looked up by their UTF-8 bytes; prefixes and suffixes found by walking small
/// byte tries), so the walk itself only looks up (node, term) pairs in one hash table, and no string is
/// built or hashed while matching.
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

  /// Each cue's signal and weight, copied out of the cues for the matches.
  private let signals: [String]
  private let weights: [Double]
  /// For each pattern id: the cue index and whether it is an exception.
  private let patternCue: [Int32]
  private let patternIsException: [Bool]
  /// Per node: the accepted pattern ids (`accepts[acceptStart[n]..<acceptStart[n + 1]]`), the gap edges
  /// (`gaps[gapStart[n]..<gapStart[n + 1]]`), the `#number` and `#any` children (-1: none).
  private let acceptStart: [Int32]
  private let accepts: [Int32]
  private let gapStart: [Int32]
  private let gaps: [(max: Int32, node: Int32)]
  private let numberChild: [Int32]
  private let anyChild: [Int32]
  /// (node, term) → child.
  private let edges: EdgeTable
  /// Terms: exact forms and stems by their UTF-8 bytes, prefixes and suffixes (reversed) in byte tries.
  private let exactTerms: ByteTable
  private let stemTerms: ByteTable
  private let prefixes: AffixTrie
  private let suffixes: AffixTrie
  /// For each term: whether the root has an edge for it, so that a token no phrase starts with is skipped
  /// at once.
  private let isRootTerm: [Bool]
  /// Prefixes and suffixes that are not ASCII (compared as strings, like `hasPrefix`).
  private let unicodeAffixes: [(term: Int32, text: String, isPrefix: Bool)]

  public init(packs: [CuePack]) {
    var cues: [(String, Cue)] = []
    for pack in packs { for cue in pack.cues { cues.append((pack.id, cue)) } }
    self.cues = cues
    signals = cues.map(\.1.signal)
    weights = cues.map(\.1.weight)
    var builder = Builder()
    for (index, entry) in cues.enumerated() {
      for phrase in entry.1.phrases { builder.insert(phrase, cue: Int32(index), exception: false) }
      for phrase in entry.1.exceptions { builder.insert(phrase, cue: Int32(index), exception: true) }
    }
    patternCue = builder.patterns.map(\.cue)
    patternIsException = builder.patterns.map(\.exception)
    var acceptStart: [Int32] = [0], accepts: [Int32] = []
    var gapStart: [Int32] = [0], gaps: [(max: Int32, node: Int32)] = []
    for node in builder.nodes {
      accepts += node.accepts
      acceptStart.append(Int32(accepts.count))
      gaps += node.gaps
      gapStart.append(Int32(gaps.count))
    }
    self.acceptStart = acceptStart
    self.accepts = accepts
    self.gapStart = gapStart
    self.gaps = gaps
    numberChild = builder.nodes.map(\.number)
    anyChild = builder.nodes.map(\.any)
    edges = EdgeTable(builder.edges, nodeCount: builder.nodes.count)
    exactTerms = ByteTable(builder.exacts)
    stemTerms = ByteTable(builder.stems)
    var prefixes = AffixTrie(), suffixes = AffixTrie()
    var unicodeAffixes: [(Int32, String, Bool)] = []
    for (text, term) in builder.prefixes {
      if text.utf8.allSatisfy({ $0 < 0x80 }) {
        prefixes.insert(Array(text.utf8), term: term)
      } else {
        unicodeAffixes.append((term, text, true))
      }
    }
    for (text, term) in builder.suffixes {
      if text.utf8.allSatisfy({ $0 < 0x80 }) {
        suffixes.insert(Array(text.utf8.reversed()), term: term)
      } else {
        unicodeAffixes.append((term, text, false))
      }
    }
    self.prefixes = prefixes
    self.suffixes = suffixes
    self.unicodeAffixes = unicodeAffixes
    var isRootTerm = [Bool](repeating: false, count: Int(builder.termCount))
    for key in builder.edges.keys where key >> 32 == 0 { isRootTerm[Int(truncatingIfNeeded: key)] = true }
    self.isRootTerm = isRootTerm
    nodeCount = builder.nodes.count
  }

  /// The number of trie nodes (for diagnostics and benchmarks).
  public let nodeCount: Int

  /// Every match of every cue in `text`, minus matches overlapped by one of the same cue's exceptions,
  /// ordered by start token, then cue.
  public func matches(in text: AnalyzedText, only cueFilter: Int? = nil) -> [CueMatch] {
    let tokens = text.tokens
    // Each token's terms: termStart[i]..<termStart[i + 1] in terms.
    var terms: [Int32] = []
    terms.reserveCapacity(tokens.count * 2)
    var termStart = [Int32](repeating: 0, count: tokens.count + 1)
    var isNumber = [Bool](repeating: false, count: tokens.count)
    for (i, token) in tokens.enumerated() {
      isNumber[i] = token.kind == .number
      termsOf(token, into: &terms)
      termStart[i + 1] = Int32(terms.count)
    }

    var found: [(start: Int32, cue: Int32, end: Int32, sentence: Int32)] = []
    var exceptions: [(cue: Int32, range: Range<Int>)] = []
    var stack: [(node: Int32, position: Int32)] = []
    // (gap node, position) pairs already pushed from the current start.
    var seen: [Int64] = []
    let rootAny = anyChild[0] >= 0, rootNumber = numberChild[0] >= 0
    for sentence in text.sentences.indices {
      let range = text.sentences[sentence].tokens
      let end = Int32(range.upperBound)
      for start in range {
        // Nothing can start here unless the root has an edge for one of this token's terms.
        guard
          rootAny || (rootNumber && isNumber[start])
            || terms[Int(termStart[start])..<Int(termStart[start + 1])].contains(where: { isRootTerm[Int($0)] })
        else { continue }
        stack.append((0, Int32(start)))
        seen.removeAll(keepingCapacity: true)
        while let (node, position) = stack.popLast() {
          let n = Int(node)
          if position > Int32(start) {
            for a in Int(acceptStart[n])..<Int(acceptStart[n + 1]) {
              let pattern = Int(accepts[a])
              if patternIsException[pattern] {
                exceptions.append((patternCue[pattern], start..<Int(position)))
              } else {
                found.append((Int32(start), patternCue[pattern], position, Int32(sentence)))
              }
            }
          }
          for g in Int(gapStart[n])..<Int(gapStart[n + 1]) {
            let gap = gaps[g]
            var k: Int32 = 0
            while k <= gap.max && position + k < end {
              let key = Int64(gap.node) << 32 | Int64(position + k)
              if !seen.contains(key) {
                seen.append(key)
                stack.append((gap.node, position + k))
              }
              k += 1
            }
          }
          guard position < end else { continue }
          let p = Int(position)
          for t in Int(termStart[p])..<Int(termStart[p + 1]) {
            let child = edges.child(node, terms[t])
            if child >= 0 { stack.append((child, position + 1)) }
          }
          if numberChild[n] >= 0, isNumber[p] { stack.append((numberChild[n], position + 1)) }
          if anyChild[n] >= 0 { stack.append((anyChild[n], position + 1)) }
        }
      }
    }
    // One match per (start, cue, end), in that order.
    found.sort { ($0.start, $0.cue, $0.end) < ($1.start, $1.cue, $1.end) }
    var matches: [CueMatch] = []
    var previous: (start: Int32, cue: Int32, end: Int32)? = nil
    for f in found {
      if let p = previous, p == (f.start, f.cue, f.end) { continue }
      previous = (f.start, f.cue, f.end)
      let cueIndex = Int(f.cue)
      if let only = cueFilter, only != cueIndex { continue }
      let range = Int(f.start)..<Int(f.end)
      if exceptions.contains(where: { $0.cue == f.cue && $0.range.overlaps(range) }) { continue }
      matches.append(
        CueMatch(
          cue: cueIndex, signal: signals[cueIndex], weight: weights[cueIndex], tokens: range, sentence: Int(f.sentence))
      )
    }
    return matches
  }

  /// Appends the terms `token` passes: its exact form, its stem and prefixes and suffixes (words only).
  private func termsOf(_ token: Token, into terms: inout [Int32]) {
    var normalized = token.normalized
    normalized.withUTF8 { bytes in
      if let exact = exactTerms.term(bytes) { terms.append(exact) }
      guard token.kind == .word else { return }
      let stemTerm: Int32?
      if let (length, y) = Stemmer.stem(bytes) {
        stemTerm = stemTerms.term(UnsafeBufferPointer(rebasing: bytes[..<length]), appending: y ? 0x79 : nil)
      } else {
        stemTerm = stemTerms.term(bytes)
      }
      if let stemTerm { terms.append(stemTerm) }
      prefixes.walk(bytes, reversed: false) { term, length in
        // Like `hasPrefix`: the prefix must end on a character boundary.
        if length == bytes.count || Self.isBoundary(bytes[length]) || token.normalized.hasPrefix(prefixText(term)) {
          terms.append(term)
        }
      }
      suffixes.walk(bytes, reversed: true) { term, length in
        guard bytes.count >= length + 2 else { return }
        if Self.isBoundary(bytes[bytes.count - length]) && Self.isBoundary(bytes[bytes.count - length - 1])
          || token.normalized.hasSuffix(suffixText(term))
        {
          terms.append(term)
        }
      }
    }
    guard token.kind == .word else { return }
    for affix in unicodeAffixes {
      if affix.isPrefix ? token.normalized.hasPrefix(affix.text) : token.normalized.hasSuffix(affix.text),
        affix.isPrefix || token.normalized.utf8.count >= affix.text.utf8.count + 2
      {
        terms.append(affix.term)
      }
    }
  }

  /// A byte after which a character certainly ends: ASCII other than a carriage return.
  @inline(__always)
  private static func isBoundary(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }

  private func prefixText(_ term: Int32) -> String { prefixes.text(of: term) }
  private func suffixText(_ term: Int32) -> String { String(suffixes.text(of: term).reversed()) }
}

// MARK: - Building

extension CueMatcher {
  fileprivate struct Node {
    var gaps: [(max: Int32, node: Int32)] = []
    var number: Int32 = -1
    var any: Int32 = -1
    var accepts: [Int32] = []
  }

  /// The trie while phrases go in.
  fileprivate struct Builder {
    var nodes = [Node()]
    var edges: [UInt64: Int32] = [:]
    var exacts: [String: Int32] = [:]
    var stems: [String: Int32] = [:]
    var prefixes: [String: Int32] = [:]
    var suffixes: [String: Int32] = [:]
    var termCount: Int32 = 0
    var patterns: [(cue: Int32, exception: Bool)] = []

    mutating func term(_ text: String, in table: WritableKeyPath<Builder, [String: Int32]>) -> Int32 {
      if let id = self[keyPath: table][text] { return id }
      let id = termCount
      termCount += 1
      self[keyPath: table][text] = id
      return id
    }

    mutating func newNode() -> Int32 {
      nodes.append(Node())
      return Int32(nodes.count - 1)
    }

    mutating func child(_ node: Int32, _ test: PhrasePattern.Test) -> Int32 {
      let term: Int32
      switch test {
      case .stem(let s): term = self.term(s, in: \.stems)
      case .exact(let s): term = self.term(s, in: \.exacts)
      case .prefix(let s): term = self.term(s, in: \.prefixes)
      case .suffix(let s): term = self.term(s, in: \.suffixes)
      case .number:
        if nodes[Int(node)].number < 0 { nodes[Int(node)].number = newNode() }
        return nodes[Int(node)].number
      case .any:
        if nodes[Int(node)].any < 0 { nodes[Int(node)].any = newNode() }
        return nodes[Int(node)].any
      }
      let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(term))
      if let next = edges[key] { return next }
      let next = newNode()
      edges[key] = next
      return next
    }

    mutating func insert(_ pattern: PhrasePattern, cue: Int32, exception: Bool) {
      patterns.append((cue, exception))
      let id = Int32(patterns.count - 1)
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
            if let existing = nodes[Int(node)].gaps.first(where: { $0.max == Int32(max) }) {
              next.append(existing.node)
            } else {
              let created = newNode()
              nodes[Int(node)].gaps.append((Int32(max), created))
              next.append(created)
            }
          }
        }
        frontier = next
      }
      for node in frontier where !nodes[Int(node)].accepts.contains(id) { nodes[Int(node)].accepts.append(id) }
    }
  }
}

// MARK: - Tables

/// (node, term) → child node in one open-addressing hash table.
private struct EdgeTable: Sendable {
  private let slots: [(key: UInt64, value: Int32)]
  private let mask: Int
  private let shift: UInt64

  init(_ edges: [UInt64: Int32], nodeCount: Int) {
    var bits: UInt64 = 4
    while (1 << bits) < edges.count * 2 { bits += 1 }
    let capacity = 1 << Int(bits)
    var slots = [(key: UInt64, value: Int32)](repeating: (.max, -1), count: capacity)
    for (key, value) in edges {
      var slot = Self.slot(key, shift: 64 - bits)
      while slots[slot].key != .max { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = (key, value)
    }
    self.slots = slots
    mask = capacity - 1
    shift = 64 - bits
  }

  @inline(__always)
  static func slot(_ key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  @inline(__always)
  func child(_ node: Int32, _ term: Int32) -> Int32 {
    let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(term))
    var slot = Self.slot(key, shift: shift)
    return slots.withUnsafeBufferPointer { slots in
      while true {
        let entry = slots[slot]
        if entry.key == key { return entry.value }
        if entry.key == .max { return -1 }
        slot = (slot + 1) & mask
      }
    }
  }
}

/// UTF-8 byte strings → term, in one open-addressing hash table (FNV-1a), so a token is looked up without
/// hashing a `String`. Byte equality is string equality here: terms and tokens are both NFC.
private struct ByteTable: Sendable {
  private let bytes: [UInt8]
  /// Per slot: offset and length in `bytes`, and the term (-1: empty).
  private let slots: [(offset: Int32, length: Int32, term: Int32)]
  private let mask: Int

  init(_ terms: [String: Int32]) {
    var capacity = 16
    while capacity < terms.count * 2 { capacity *= 2 }
    var bytes: [UInt8] = []
    var slots = [(offset: Int32, length: Int32, term: Int32)](repeating: (0, 0, -1), count: capacity)
    for (text, term) in terms {
      let utf8 = Array(text.utf8)
      var slot = utf8.withUnsafeBufferPointer { Self.hash($0, nil) } & (capacity - 1)
      while slots[slot].term >= 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = (Int32(bytes.count), Int32(utf8.count), term)
      bytes += utf8
    }
    self.bytes = bytes
    self.slots = slots
    mask = capacity - 1
  }

  /// FNV-1a over `key` followed by `extra`.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>, _ extra: UInt8?) -> Int {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
    if let extra { h = (h ^ UInt64(extra)) &* 0x100_0000_01B3 }
    return Int(truncatingIfNeeded: h ^ (h >> 32))
  }

  /// The term of `key` followed by `extra` (one more byte), or nil.
  @inline(__always)
  func term(_ key: UnsafeBufferPointer<UInt8>, appending extra: UInt8? = nil) -> Int32? {
    let length = key.count + (extra == nil ? 0 : 1)
    var slot = Self.hash(key, extra) & mask
    return bytes.withUnsafeBufferPointer { stored in
      while true {
        let entry = slots[slot]
        if entry.term < 0 { return nil }
        if Int(entry.length) == length {
          let offset = Int(entry.offset)
          var equal = true
          for i in 0..<key.count where stored[offset + i] != key[i] {
            equal = false
            break
          }
          if equal, let extra, stored[offset + key.count] != extra { equal = false }
          if equal { return entry.term }
        }
        slot = (slot + 1) & mask
      }
    }
  }
}

/// ASCII prefixes (or reversed suffixes) in a byte trie: walking a word's bytes finds every one it starts
/// (or ends) with.
private struct AffixTrie: Sendable {
  /// Per node: its children (byte → node) and the term that ends there (-1: none).
  private var children: [[(byte: UInt8, node: Int32)]] = [[]]
  private var terms: [Int32] = [-1]
  private var texts: [Int32: String] = [:]

  mutating func insert(_ bytes: [UInt8], term: Int32) {
    var node = 0
    for byte in bytes {
      if let next = children[node].first(where: { $0.byte == byte }) {
        node = Int(next.node)
      } else {
        children.append([])
        terms.append(-1)
        children[node].append((byte, Int32(children.count - 1)))
        node = children.count - 1
      }
    }
    terms[node] = term
    texts[term] = String(decoding: bytes, as: UTF8.self)
  }

  var isEmpty: Bool { children[0].isEmpty }

  /// The inserted bytes of `term` (reversed for suffixes), as text.
  func text(of term: Int32) -> String { texts[term] ?? "" }

  /// Calls `body(term, length)` for every inserted string that `word` starts with (ends with, when
  /// `reversed`).
  @inline(__always)
  func walk(_ word: UnsafeBufferPointer<UInt8>, reversed: Bool, _ body: (Int32, Int) -> Void) {
    guard !isEmpty else { return }
    var node = 0
    var depth = 0
    while depth < word.count {
      let byte = reversed ? word[word.count - 1 - depth] : word[depth]
      guard let next = children[node].first(where: { $0.byte == byte }) else { return }
      node = Int(next.node)
      depth += 1
      if terms[node] >= 0 { body(terms[node], depth) }
    }
  }
}
