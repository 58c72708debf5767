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
  /// Whether each cue has exceptions: a match of a cue without any (most) is not looked up among them.
  private let cueHasExceptions: [Bool]
  /// For each pattern id: the cue index, whether it is an exception, and how many `#any` tokens its phrase
  /// starts with (`lead`): it goes into the trie without them, and its matches start that many tokens before
  /// the token its walk starts at.
  private struct Pattern: Sendable {
    var cue: Int32
    var lead: Int32
    var isException: Bool
  }
  private let patterns: [Pattern]
  /// What the walk reads of a node, side by side (one cache line): its accepted pattern ids
  /// (`accepts[acceptStart..<acceptEnd]`), gap edges (`gaps[gapStart..<gapEnd]`), `#number` and `#any`
  /// children (-1: none), and bit `term & 63` set for each term it has an edge for, so that most lookups
  /// that would miss are skipped without touching the edge table (leaves have no bits at all).
  private struct NodeInfo: Sendable {
    var acceptStart: Int32 = 0, acceptEnd: Int32 = 0
    var gapStart: Int32 = 0, gapEnd: Int32 = 0
    var number: Int32 = -1, any: Int32 = -1
    var termBits: UInt64 = 0
  }
  private let nodes: [NodeInfo]
  private let accepts: [Int32]
  /// Gap edges: the most tokens skipped, the node after the gap and its number among gap nodes.
  private let gaps: [(max: Int32, node: Int32, ordinal: Int32)]
  private let gapNodeCount: Int
  /// (node, term) → child, below the root; the root's children by term.
  private let edges: EdgeTable
  private let rootChild: [Int32]
  /// Terms: exact forms and stems by their UTF-8 bytes, prefixes and suffixes (reversed) in byte tries.
  private let exactTerms: ByteTable
  private let stemTerms: ByteTable
  private let prefixes: AffixTrie
  private let suffixes: AffixTrie
  /// Prefixes and suffixes that are not ASCII (compared as strings, like `hasPrefix`).
  private let unicodeAffixes: [(term: Int32, text: String, isPrefix: Bool)]

  public init(packs: [CuePack]) {
    var cues: [(String, Cue)] = []
    for pack in packs { for cue in pack.cues { cues.append((pack.id, cue)) } }
    self.cues = cues
    signals = cues.map(\.1.signal)
    weights = cues.map(\.1.weight)
    cueHasExceptions = cues.map { !$0.1.exceptions.isEmpty }
    var builder = Builder()
    for (index, entry) in cues.enumerated() {
      for phrase in entry.1.phrases { builder.insert(phrase, cue: Int32(index), exception: false) }
      for phrase in entry.1.exceptions { builder.insert(phrase, cue: Int32(index), exception: true) }
    }
    let edgeList = builder.mergeEquivalentNodes()
    patterns = builder.patterns.map { Pattern(cue: $0.cue, lead: $0.lead, isException: $0.exception) }
    var nodes = [NodeInfo](repeating: NodeInfo(), count: builder.nodes.count)
    var accepts: [Int32] = []
    var gaps: [(max: Int32, node: Int32, ordinal: Int32)] = []
    var gapOrdinal: [Int32: Int32] = [:]
    for (n, node) in builder.nodes.enumerated() {
      // Each node's accepted patterns in increasing order, and its gaps by `max` (one gap per `max`).
      nodes[n].acceptStart = Int32(accepts.count)
      builder.forEachAccept(of: node) { accepts.append($0) }
      accepts[Int(nodes[n].acceptStart)...].sort()
      nodes[n].acceptEnd = Int32(accepts.count)
      nodes[n].gapStart = Int32(gaps.count)
      builder.forEachGap(of: node) { gaps.append(($0.max, $0.node, -1)) }
      gaps[Int(nodes[n].gapStart)...].sort { $0.max < $1.max }
      for g in Int(nodes[n].gapStart)..<gaps.count {
        let ordinal = gapOrdinal[gaps[g].node] ?? Int32(gapOrdinal.count)
        gapOrdinal[gaps[g].node] = ordinal
        gaps[g].ordinal = ordinal
      }
      nodes[n].gapEnd = Int32(gaps.count)
      nodes[n].number = node.number
      nodes[n].any = node.any
    }
    var rootChild = [Int32](repeating: -1, count: Int(builder.termCount))
    for (key, child) in edgeList {
      let node = Int(key >> 32), term = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
      if node == 0 { rootChild[term] = child }
      nodes[node].termBits |= 1 << UInt64(term & 63)
    }
    // In key order the root's edges (node 0) come first.
    edges = EdgeTable(edgeList[(edgeList.firstIndex { $0.key >> 32 != 0 } ?? edgeList.endIndex)...])
    self.rootChild = rootChild
    self.nodes = nodes
    self.accepts = accepts
    self.gaps = gaps
    gapNodeCount = gapOrdinal.count
    exactTerms = ByteTable(builder.exacts)
    stemTerms = ByteTable(builder.stems)
    var prefixes = AffixTrie(), suffixes = AffixTrie()
    var unicodeAffixes: [(Int32, String, Bool)] = []
    for (text, term) in builder.prefixes.sorted(by: { $0.value < $1.value }) {
      if text.utf8.allSatisfy({ $0 < 0x80 }) {
        prefixes.insert(Array(text.utf8), term: term)
      } else {
        unicodeAffixes.append((term, text, true))
      }
    }
    for (text, term) in builder.suffixes.sorted(by: { $0.value < $1.value }) {
      if text.utf8.allSatisfy({ $0 < 0x80 }) {
        suffixes.insert(Array(text.utf8.reversed()), term: term)
      } else {
        unicodeAffixes.append((term, text, false))
      }
    }
    self.prefixes = prefixes
    self.suffixes = suffixes
    self.unicodeAffixes = unicodeAffixes
    nodeCount = builder.nodes.count
  }

  /// The number of trie nodes (for diagnostics and benchmarks).
  public let nodeCount: Int

  /// What a ``TermCache`` knows this matcher by: each matcher built or read has its own.
  private final class Identity: Sendable {}
  private let identity = Identity()

  /// Every match of every cue in `text`, minus matches overlapped by one of the same cue's exceptions,
  /// ordered by start token, then cue.
  ///
  /// A ``TermCache`` kept from answer to answer (by one thread) saves looking up the terms of words seen
  /// before; the matches are the same with it or without.
  public func matches(in text: AnalyzedText, only cueFilter: Int? = nil) -> [CueMatch] {
    matches(in: text, only: cueFilter, cache: nil)
  }

  /// With `groups` (a group number, below `groupCount`, for each cue), the matches come grouped: the matches of
  /// group 0 first, then those of group 1, …, each group in the order above. In the order given the matches
  /// of a group are in sentence order too, so grouping them by sentence as well needs no further sorting.
  func matches(
    in text: AnalyzedText, only cueFilter: Int? = nil, cache: TermCache?, groups: [Int]? = nil, groupCount: Int = 1
  ) -> [CueMatch] {
    let tokens = text.tokens
    // Each token's terms (termStart[i]..<termStart[i + 1] in terms) and their bits (`term & 63`, like a
    // node's `termBits`): a node with no bit in common with the token has no edge for any of its terms,
    // which one test tells, where testing term by term was a branch per term that the CPU mostly guessed
    // wrong.
    var terms = GrowableBuffer<Int32>(capacity: 2 * tokens.count + 16)
    var termStart = [Int32](repeating: 0, count: tokens.count + 1)
    var tokenBits = [UInt64](repeating: 0, count: tokens.count)
    var isNumber = [Bool](repeating: false, count: tokens.count)
    var computed: [Int32] = []
    cache?.use(for: ObjectIdentifier(identity))
    // The tokens, their normalized bytes and the per-token tables are read and written in place, through
    // buffers (with the cache unwrapped once, not once per token).
    text.normalizedUTF8.withUnsafeBufferPointer { bytes in
      tokens.withUnsafeBufferPointer { tokens in
        termStart.withUnsafeMutableBufferPointer { termStart in
          tokenBits.withUnsafeMutableBufferPointer { tokenBits in
            isNumber.withUnsafeMutableBufferPointer { isNumber in
              /// Finds token i's terms (into `computed`, and after the terms before) and their bits. (The
              /// arrays it writes are passed to it, not captured: captured, each access was checked at run
              /// time.)
              func find(_ i: Int, _ computed: inout [Int32], _ terms: inout GrowableBuffer<Int32>) {
                computed.removeAll(keepingCapacity: true)
                termsOf(
                  UnsafeBufferPointer(rebasing: bytes[tokens[i].normalizedBytes]), isWord: tokens[i].kind == .word,
                  into: &computed)
                var bits: UInt64 = 0
                for term in computed { bits |= 1 << UInt64(term & 63) }  // terms are never negative
                tokenBits[i] = bits
                computed.withUnsafeBufferPointer { terms.append(contentsOf: $0) }
              }
              if let cache {
                for i in tokens.indices {
                  isNumber[i] = tokens[i].kind == .number
                  let key = ShortKey(bytes, tokens[i].normalizedBytes, tag: tokens[i].kind == .word)
                  if let key, let kept = cache.terms(of: key) {
                    terms.append(kept)
                    tokenBits[i] = kept.bits
                  } else {
                    find(i, &computed, &terms)
                    if let key {
                      computed.withUnsafeBufferPointer { cache.insert(key, terms: $0, bits: tokenBits[i]) }
                    }
                  }
                  termStart[i + 1] = Int32(terms.count)
                }
              } else {
                for i in tokens.indices {
                  isNumber[i] = tokens[i].kind == .number
                  find(i, &computed, &terms)
                  termStart[i + 1] = Int32(terms.count)
                }
              }
            }
          }
        }
      }
    }

    // Every match of a cue, and of an exception (set apart), as the walk accepts their patterns. A match
    // starts before its walk's start by its phrase's leading `#any` tokens, which must be in the sentence.
    var found: [(start: Int32, cue: Int32, end: Int32, sentence: Int32)] = []
    found.reserveCapacity(tokens.count + tokens.count / 2)  // about one match per token
    var exceptions: [(cue: Int32, range: Range<Int>)] = []
    // The walk's (node, position) pairs still to visit.
    var stack = GrowableBuffer<(node: Int32, position: Int32)>(capacity: 64)
    // (gap node, position) pairs already pushed from the current start: a bit per position after the start
    // for each gap node, valid while its generation is the current start (positions further on: a list).
    var seenBits = [UInt64](repeating: 0, count: gapNodeCount)
    var seenGeneration = [Int32](repeating: -1, count: gapNodeCount)
    var seenFar: [Int64] = []
    let rootAny = nodes[0].any >= 0, rootNumber = nodes[0].number >= 0
    // The walk reads and writes these tables in its innermost loops: through buffers, without the arrays'
    // bounds and uniqueness checks.
    func walk(
      _ nodes: UnsafeBufferPointer<NodeInfo>, _ gaps: UnsafeBufferPointer<(max: Int32, node: Int32, ordinal: Int32)>,
      _ accepts: UnsafeBufferPointer<Int32>, _ patterns: UnsafeBufferPointer<Pattern>,
      _ rootChild: UnsafeBufferPointer<Int32>,
      _ terms: UnsafeBufferPointer<Int32>, _ termStart: UnsafeBufferPointer<Int32>,
      _ isNumber: UnsafeBufferPointer<Bool>, _ tokenBits: UnsafeBufferPointer<UInt64>,
      _ seenBits: UnsafeMutableBufferPointer<UInt64>, _ seenGeneration: UnsafeMutableBufferPointer<Int32>,
      _ found: inout [(start: Int32, cue: Int32, end: Int32, sentence: Int32)],
      _ exceptions: inout [(cue: Int32, range: Range<Int>)],
      _ stack: inout GrowableBuffer<(node: Int32, position: Int32)>, _ seenFar: inout [Int64]
    ) {
      for sentence in text.sentences.indices {
        let range = text.sentences[sentence].tokens
        let end = Int32(range.upperBound), sentenceStart = Int32(range.lowerBound)
        for start in range {
          let generation = Int32(start)
          // The root's children for this token, pushed as the root's pop would push them (the root has no
          // gaps: no phrase starts with one, and a matcher read from an archive is checked for that).
          for t in Int(termStart[start])..<Int(termStart[start + 1]) {
            let child = rootChild[Int(terms[t])]
            if child >= 0 { stack.append((child, generation + 1)) }
          }
          if rootNumber && isNumber[start] { stack.append((nodes[0].number, generation + 1)) }
          if rootAny { stack.append((nodes[0].any, generation + 1)) }
          // Nothing starts here.
          guard !stack.isEmpty else { continue }
          // Mostly empty: emptying an array that never held anything still asks for a new buffer.
          if !seenFar.isEmpty { seenFar.removeAll(keepingCapacity: true) }
          while let (node, position) = stack.popLast() {
            // Never the root: every node popped is past the start.
            let info = nodes[Int(node)]
            for a in Int(info.acceptStart)..<Int(info.acceptEnd) {
              let pattern = patterns[Int(accepts[a])]
              let first = generation - pattern.lead
              guard first >= sentenceStart else { continue }
              if pattern.isException {
                exceptions.append((pattern.cue, Int(first)..<Int(position)))
              } else {
                found.append((first, pattern.cue, position, Int32(sentence)))
              }
            }
            for g in Int(info.gapStart)..<Int(info.gapEnd) {
              let gap = gaps[g]
              let ordinal = Int(gap.ordinal)
              // A node after a gap that only has edges for terms goes on only at a token with a term among
              // them (by its bits): the others are not pushed, as their pops would do nothing.
              let after = nodes[Int(gap.node)]
              let onlyTerms =
                after.acceptStart == after.acceptEnd && after.gapStart == after.gapEnd && after.number < 0
                && after.any < 0
              if seenGeneration[ordinal] != generation {
                seenGeneration[ordinal] = generation
                seenBits[ordinal] = 0
              }
              var k: Int32 = 0
              while k <= gap.max && position + k < end {
                let offset = position + k - generation
                let fresh: Bool
                if offset < 64 {
                  fresh = seenBits[ordinal] & (1 << UInt64(offset)) == 0
                  seenBits[ordinal] |= 1 << UInt64(offset)
                } else {
                  let key = Int64(gap.node) << 32 | Int64(position + k)
                  fresh = !seenFar.contains(key)
                  if fresh { seenFar.append(key) }
                }
                if fresh && (!onlyTerms || after.termBits & tokenBits[Int(position + k)] != 0) {
                  stack.append((gap.node, position + k))
                }
                k += 1
              }
            }
            guard position < end else { continue }
            let p = Int(position)
            if info.termBits & tokenBits[p] != 0 {
              for t in Int(termStart[p])..<Int(termStart[p + 1]) {
                let term = terms[t]
                guard info.termBits & (1 << UInt64(term & 63)) != 0 else { continue }  // terms are never negative
                let child = edges.child(node, term)
                if child >= 0 { stack.append((child, position + 1)) }
              }
            }
            if info.number >= 0, isNumber[p] { stack.append((info.number, position + 1)) }
            if info.any >= 0 { stack.append((info.any, position + 1)) }
          }
        }
      }
    }
    nodes.withUnsafeBufferPointer { nodes in
      gaps.withUnsafeBufferPointer { gaps in
        accepts.withUnsafeBufferPointer { accepts in
          patterns.withUnsafeBufferPointer { patterns in
            rootChild.withUnsafeBufferPointer { rootChild in
              terms.withBuffer { terms in
                termStart.withUnsafeBufferPointer { termStart in
                  isNumber.withUnsafeBufferPointer { isNumber in
                    tokenBits.withUnsafeBufferPointer { tokenBits in
                      seenBits.withUnsafeMutableBufferPointer { seenBits in
                        seenGeneration.withUnsafeMutableBufferPointer { seenGeneration in
                          walk(
                            nodes, gaps, accepts, patterns, rootChild, terms, termStart, isNumber, tokenBits,
                            seenBits, seenGeneration, &found, &exceptions, &stack, &seenFar)
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    // Exceptions by cue, then start, each with the furthest end of any exception of its cue up to it.
    exceptions.sort { ($0.cue, $0.range.lowerBound) < ($1.cue, $1.range.lowerBound) }
    var furthestEnd = [Int](repeating: 0, count: exceptions.count)
    for i in exceptions.indices {
      let sameCueBefore = i > 0 && exceptions[i - 1].cue == exceptions[i].cue
      furthestEnd[i] = max(exceptions[i].range.upperBound, sameCueBefore ? furthestEnd[i - 1] : 0)
    }
    /// Whether an exception of `cue` overlaps `range`: of its exceptions that start before `range` ends, the
    /// one reaching furthest must reach past its start.
    func blocked(_ cue: Int32, _ range: Range<Int>) -> Bool {
      var low = 0, high = exceptions.count
      while low < high {
        let middle = (low + high) / 2
        let e = exceptions[middle]
        if (e.cue, e.range.lowerBound) < (cue, range.upperBound) { low = middle + 1 } else { high = middle }
      }
      return low > 0 && exceptions[low - 1].cue == cue && furthestEnd[low - 1] > range.lowerBound
    }
    // One match per (start, cue, end), in that order.
    Self.sortNearlySorted(&found)
    // Which matches are kept (the others' cue set to -1), and how many of each group: where each group starts.
    // All through buffers: there is about one match per token.
    var groupStart = [Int](repeating: 0, count: groupCount + 1)
    let total = groupStart.withUnsafeMutableBufferPointer { groupStart in
      found.withUnsafeMutableBufferPointer { found in
        var previous = (start: Int32(-1), cue: Int32(-1), end: Int32(-1))
        for k in found.indices {
          let f = found[k]
          let cueIndex = Int(f.cue)
          let duplicate = previous == (f.start, f.cue, f.end)
          previous = (f.start, f.cue, f.end)
          if duplicate || (cueFilter != nil && cueFilter != cueIndex)
            || (cueHasExceptions[cueIndex] && blocked(f.cue, Int(f.start)..<Int(f.end)))
          {
            found[k].cue = -1
          } else {
            groupStart[(groups?[cueIndex] ?? 0) + 1] += 1
          }
        }
      }
      for g in 0..<groupCount { groupStart[g + 1] += groupStart[g] }
      return groupStart[groupCount]
    }
    // Each kept match written in place, at the next place of its group.
    return [CueMatch](unsafeUninitializedCapacity: total) { matches, count in
      groupStart.withUnsafeMutableBufferPointer { next in
        found.withUnsafeBufferPointer { found in
          for f in found where f.cue >= 0 {
            let cueIndex = Int(f.cue), group = groups?[cueIndex] ?? 0
            (matches.baseAddress! + next[group]).initialize(
              to: CueMatch(
                cue: cueIndex, signal: signals[cueIndex], weight: weights[cueIndex],
                tokens: Int(f.start)..<Int(f.end), sentence: Int(f.sentence)))
            next[group] += 1
          }
        }
      }
      count = total
    }
  }

  /// Sorts the walk's matches by (start, cue, end). The walk found them start by start, so they are nearly
  /// in order already: only matches of the same start, and those moved back by a leading `#any`, are out of
  /// place. An insertion sort puts them right in time linear in their number; past a budget of moves that
  /// only a pathological rubric would need, the library's sort finishes the job. Returns whether the insertion
  /// sort was enough.
  @discardableResult
  static func sortNearlySorted(_ found: inout [(start: Int32, cue: Int32, end: Int32, sentence: Int32)]) -> Bool {
    func less(
      _ a: (start: Int32, cue: Int32, end: Int32, sentence: Int32),
      _ b: (start: Int32, cue: Int32, end: Int32, sentence: Int32)
    ) -> Bool { (a.start, a.cue, a.end) < (b.start, b.cue, b.end) }
    var budget = 8 * found.count + 64
    let sorted = found.withUnsafeMutableBufferPointer { found -> Bool in
      for i in found.indices.dropFirst() where less(found[i], found[i - 1]) {
        let item = found[i]
        var j = i
        while j > 0, less(item, found[j - 1]) {
          found[j] = found[j - 1]
          j -= 1
        }
        found[j] = item
        budget -= i - j
        if budget < 0 { return false }
      }
      return true
    }
    if !sorted { found.sort(by: less) }
    return sorted
  }

  /// Appends the terms a token passes (`bytes`: its normalized form, ``Token/normalizedBytes``): its exact
  /// form, and for a word its stem, prefixes and suffixes.
  private func termsOf(_ bytes: UnsafeBufferPointer<UInt8>, isWord: Bool, into terms: inout [Int32]) {
    /// The token as a string, for the few comparisons that need one: an affix whose edge is not plainly a
    /// character boundary, and the affixes that are not ASCII.
    var normalized: String { String(decoding: bytes, as: UTF8.self) }
    if let exact = exactTerms.term(bytes) { terms.append(exact) }
    guard isWord else { return }
    let stemTerm: Int32?
    if let (length, y) = Stemmer.stem(bytes) {
      stemTerm = stemTerms.term(UnsafeBufferPointer(rebasing: bytes[..<length]), appending: y ? 0x79 : nil)
    } else {
      stemTerm = stemTerms.term(bytes)
    }
    if let stemTerm { terms.append(stemTerm) }
    prefixes.walk(bytes, reversed: false) { term, length in
      // Like `hasPrefix`: the prefix must end on a character boundary.
      if length == bytes.count || Self.isBoundary(bytes[length]) || normalized.hasPrefix(prefixText(term)) {
        terms.append(term)
      }
    }
    suffixes.walk(bytes, reversed: true) { term, length in
      guard bytes.count >= length + 2 else { return }
      if Self.isBoundary(bytes[bytes.count - length]) && Self.isBoundary(bytes[bytes.count - length - 1])
        || normalized.hasSuffix(suffixText(term))
      {
        terms.append(term)
      }
    }
    guard !unicodeAffixes.isEmpty else { return }
    let string = normalized
    for affix in unicodeAffixes {
      if affix.isPrefix ? string.hasPrefix(affix.text) : string.hasSuffix(affix.text),
        affix.isPrefix || bytes.count >= affix.text.utf8.count + 2
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
  /// A node of the trie while phrases go in: its `#number` and `#any` children, and the first of its
  /// accepted patterns and of its gaps in the builder's shared lists (-1: none). A node holds no array of
  /// its own: a rubric's trie has tens of thousands of nodes before they are merged, most accepting one
  /// pattern, and an array each was most of the compile's allocations.
  fileprivate struct Node {
    var number: Int32 = -1
    var any: Int32 = -1
    var firstAccept: Int32 = -1
    var firstGap: Int32 = -1
  }

  /// The trie while phrases go in.
  fileprivate struct Builder {
    var nodes = [Node()]
    /// Accepted patterns and gap edges of all nodes, each node's linked from its `firstAccept` and
    /// `firstGap` through `next` (-1: the last), newest first.
    var acceptList: [(pattern: Int32, next: Int32)] = []
    var gapList: [(max: Int32, node: Int32, next: Int32)] = []
    var edges: [UInt64: Int32] = [:]
    var exacts: [String: Int32] = [:]
    var stems: [String: Int32] = [:]
    var prefixes: [String: Int32] = [:]
    var suffixes: [String: Int32] = [:]
    var termCount: Int32 = 0
    var patterns: [(cue: Int32, exception: Bool, lead: Int32)] = []

    enum TermKind { case exact, stem, prefix, suffix }

    mutating func term(_ text: String, _ kind: TermKind) -> Int32 {
      func lookup(_ table: inout [String: Int32], _ next: inout Int32) -> Int32 {
        if let id = table[text] { return id }
        let id = next
        next += 1
        table[text] = id
        return id
      }
      switch kind {
      case .exact: return lookup(&exacts, &termCount)
      case .stem: return lookup(&stems, &termCount)
      case .prefix: return lookup(&prefixes, &termCount)
      case .suffix: return lookup(&suffixes, &termCount)
      }
    }

    mutating func newNode() -> Int32 {
      nodes.append(Node())
      return Int32(nodes.count - 1)
    }

    /// Calls `body` with each pattern `node` accepts, newest first.
    func forEachAccept(of node: Node, _ body: (Int32) -> Void) {
      var a = node.firstAccept
      while a >= 0 {
        body(acceptList[Int(a)].pattern)
        a = acceptList[Int(a)].next
      }
    }

    /// Calls `body` with each gap edge of `node`, newest first.
    func forEachGap(of node: Node, _ body: ((max: Int32, node: Int32)) -> Void) {
      var g = node.firstGap
      while g >= 0 {
        body((gapList[Int(g)].max, gapList[Int(g)].node))
        g = gapList[Int(g)].next
      }
    }

    mutating func child(_ node: Int32, _ test: PhrasePattern.Test) -> Int32 {
      let term: Int32
      switch test {
      case .stem(let s): term = self.term(s, .stem)
      case .exact(let s): term = self.term(s, .exact)
      case .prefix(let s): term = self.term(s, .prefix)
      case .suffix(let s): term = self.term(s, .suffix)
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

    /// Merges nodes that match alike from any token on — the same accepted patterns, and edges for the
    /// same tests to nodes merged alike — as a trie is minimized into a DAWG. A phrase's alternatives
    /// (`(cut|reduced) (latency|cost) by #any`) put one copy of everything after them under each
    /// alternative; merged, the walk reads one node where it read many, in a table a fraction of the size.
    /// Matches are the same: a node's matches depend only on what can be reached from it.
    ///
    /// Every edge leads to a node created after its source, so going from the last node to the first
    /// meets each child before its parents. The root stays node 0, and the nodes kept keep their order.
    /// Returns the kept edges, ((node << 32) | term, child), sorted by key; `edges` is emptied.
    mutating func mergeEquivalentNodes() -> [(key: UInt64, value: Int32)] {
      // Node n's edges, by term, are `edgeOf[firstEdge[n]..<firstEdge[n + 1]]` (a counting sort by node);
      // the dictionary goes before the merge's own tables come.
      var firstEdge = [Int32](repeating: 0, count: nodes.count + 1)
      for key in edges.keys { firstEdge[Int(key >> 32) + 1] += 1 }
      for n in nodes.indices { firstEdge[n + 1] += firstEdge[n] }
      var edgeOf = [(term: Int32, child: Int32)](repeating: (0, 0), count: edges.count)
      do {
        var fill = firstEdge
        for (key, child) in edges {
          let n = Int(key >> 32)
          edgeOf[Int(fill[n])] = (Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), child)
          fill[n] += 1
        }
      }
      edges = [:]
      for n in nodes.indices where firstEdge[n + 1] - firstEdge[n] > 1 {
        edgeOf[Int(firstEdge[n])..<Int(firstEdge[n + 1])].sort { $0.term < $1.term }
      }
      let representative = representatives(firstEdge, edgeOf)
      // The nodes kept, numbered in their old order; every reference goes to the kept node of its class.
      var number = [Int32](repeating: -1, count: nodes.count)
      var kept: [Node] = []
      for n in nodes.indices where representative[n] == Int32(n) {
        number[n] = Int32(kept.count)
        kept.append(nodes[n])
      }
      func renumbered(_ child: Int32) -> Int32 { child < 0 ? -1 : number[Int(representative[Int(child)])] }
      // Every node's representative is kept, so gaps of nodes dropped are renumbered harmlessly.
      for g in gapList.indices { gapList[g].node = renumbered(gapList[g].node) }
      for k in kept.indices {
        kept[k].number = renumbered(kept[k].number)
        kept[k].any = renumbered(kept[k].any)
      }
      // Kept nodes in order, each one's edges by term: sorted by key.
      var keptEdges: [(key: UInt64, value: Int32)] = []
      for n in nodes.indices where number[n] >= 0 {
        for (term, child) in edgeOf[Int(firstEdge[n])..<Int(firstEdge[n + 1])] {
          keptEdges.append((UInt64(UInt32(number[n])) << 32 | UInt64(UInt32(term)), renumbered(child)))
        }
      }
      nodes = kept
      return keptEdges
    }

    /// For each node, the first node from the last that has the same signature: its accepted patterns
    /// (sorted), its gaps (one per `max`, sorted), `#number` and `#any` children, and edges (`edgeOf`, by
    /// term, from `firstEdge[n]` to `firstEdge[n + 1]`), with children already replaced by the node that
    /// stands for them.
    ///
    /// The signatures of the nodes that stand for others are kept one after another in one array and found
    /// by hash in an open-addressing table, not as an array each: a rubric's trie has tens of thousands of
    /// nodes, and the compile's peak memory was theirs.
    private func representatives(_ firstEdge: [Int32], _ edgeOf: [(term: Int32, child: Int32)]) -> [Int32] {
      var representative = [Int32](repeating: -1, count: nodes.count)
      // The signatures of the representatives: `stored[signatureStart[n]..<signatureEnd[n]]` for node n.
      var stored: [Int32] = []
      var signatureStart = [Int32](repeating: 0, count: nodes.count)
      var signatureEnd = [Int32](repeating: 0, count: nodes.count)
      var slotMask = 1
      while slotMask < 2 * nodes.count { slotMask <<= 1 }
      var slots = [Int32](repeating: -1, count: slotMask)
      slotMask -= 1
      var signature: [Int32] = []
      var gapPairs: [(max: Int32, node: Int32)] = []
      for n in nodes.indices.reversed() {
        func merged(_ child: Int32) -> Int32 { child < 0 ? -1 : representative[Int(child)] }
        signature.removeAll(keepingCapacity: true)
        signature.append(0)
        forEachAccept(of: nodes[n]) { signature.append($0) }
        signature[0] = Int32(signature.count - 1)
        signature[1...].sort()
        gapPairs.removeAll(keepingCapacity: true)
        forEachGap(of: nodes[n]) { gapPairs.append($0) }
        gapPairs.sort { $0.max < $1.max }
        signature.append(Int32(gapPairs.count))
        for gap in gapPairs {
          signature.append(gap.max)
          signature.append(merged(gap.node))
        }
        signature.append(merged(nodes[n].number))
        signature.append(merged(nodes[n].any))
        for (term, child) in edgeOf[Int(firstEdge[n])..<Int(firstEdge[n + 1])] {
          signature.append(term)
          signature.append(merged(child))
        }
        var hasher = Hasher()
        signature.withUnsafeBytes { hasher.combine(bytes: $0) }
        var slot = hasher.finalize() & slotMask
        while slots[slot] >= 0 {
          let other = Int(slots[slot])
          if stored[Int(signatureStart[other])..<Int(signatureEnd[other])].elementsEqual(signature) { break }
          slot = (slot + 1) & slotMask
        }
        if slots[slot] >= 0 {
          representative[n] = slots[slot]
        } else {
          slots[slot] = Int32(n)
          representative[n] = Int32(n)
          signatureStart[n] = Int32(stored.count)
          stored.append(contentsOf: signature)
          signatureEnd[n] = Int32(stored.count)
        }
      }
      return representative
    }

    mutating func insert(_ pattern: PhrasePattern, cue: Int32, exception: Bool) {
      // A phrase's leading `#any` tokens ("#any (way|option)") stay out of the trie: the pattern's matches
      // start that many tokens earlier instead (``CueMatcher/patternLead``). With no `#any` child, the root
      // starts a walk only at tokens some phrase starts with, not at every token.
      var elements = pattern.elements[...]
      var lead: Int32 = 0
      while elements.count > 1, elements.first == .alternatives([[.any]]) {
        if case .gap = elements[elements.startIndex + 1] { break }
        elements = elements.dropFirst()
        lead += 1
      }
      patterns.append((cue, exception, lead))
      let id = Int32(patterns.count - 1)
      var frontier: [Int32] = [0]
      var next: [Int32] = []
      for element in elements {
        next.removeAll(keepingCapacity: true)
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
            var existing: Int32 = -1
            forEachGap(of: nodes[Int(node)]) { gap in if gap.max == Int32(max) { existing = gap.node } }
            if existing < 0 {
              existing = newNode()
              gapList.append((Int32(max), existing, nodes[Int(node)].firstGap))
              nodes[Int(node)].firstGap = Int32(gapList.count - 1)
            }
            next.append(existing)
          }
        }
        swap(&frontier, &next)
      }
      for node in frontier {
        var accepted = false
        forEachAccept(of: nodes[Int(node)]) { if $0 == id { accepted = true } }
        guard !accepted else { continue }
        acceptList.append((id, nodes[Int(node)].firstAccept))
        nodes[Int(node)].firstAccept = Int32(acceptList.count - 1)
      }
    }
  }
}

// MARK: - Tables

extension GrowableBuffer where Element == Int32 {
  /// Appends the first `kept.count` of a word's terms kept in the ``TermCache``: all three stored, and as
  /// many counted as there are, without a branch per term.
  @inline(__always)
  mutating func append(_ kept: TermCache.TermSet) {
    reserve(TermCache.termsPerWord)
    (base + count).initialize(to: kept.terms.0)
    (base + count + 1).initialize(to: kept.terms.1)
    (base + count + 2).initialize(to: kept.terms.2)
    count += Int(kept.count)
  }
}

/// (node, term) → child node in one open-addressing hash table. Where an edge lands depends on the order
/// of insertion, which is by key, so the same edges always give the same table.
private struct EdgeTable: Sendable {
  private let slots: [(key: UInt64, value: Int32)]
  private let mask: Int
  private let shift: UInt64

  init(_ edges: some Collection<(key: UInt64, value: Int32)>) {
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
    for (text, term) in terms.sorted(by: { $0.value < $1.value }) {
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
  fileprivate var children: [[(byte: UInt8, node: Int32)]] = [[]]
  fileprivate var terms: [Int32] = [-1]
  fileprivate var texts: [Int32: String] = [:]

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

// MARK: - The compiled-rubric cache

extension CueMatcher {
  /// Writes the built trie and tables (not the cues, which come with the rubric) for ``RubricCache``.
  func archive(to writer: inout ArchiveWriter) {
    writer.raw(patterns.map(\.cue))
    writer.raw(patterns.map(\.isException))
    writer.raw(patterns.map(\.lead))
    writer.raw(nodes)
    writer.raw(accepts)
    writer.raw(gaps)
    writer.int(gapNodeCount)
    edges.archive(to: &writer)
    writer.raw(rootChild)
    exactTerms.archive(to: &writer)
    stemTerms.archive(to: &writer)
    prefixes.archive(to: &writer)
    suffixes.archive(to: &writer)
    writer.array(unicodeAffixes) {
      $0.int(Int($1.term))
      $0.string($1.text)
      $0.bool($1.isPrefix)
    }
    writer.int(nodeCount)
  }

  /// The matcher ``archive(to:)`` wrote for the cues of `packs`. Every index the walk follows is checked
  /// against the array it indexes, so damaged bytes throw instead of matching out of bounds.
  init(packs: [CuePack], archive reader: inout ArchiveReader) throws(ArchiveReader.Damaged) {
    var cues: [(String, Cue)] = []
    for pack in packs { for cue in pack.cues { cues.append((pack.id, cue)) } }
    self.cues = cues
    signals = cues.map(\.1.signal)
    weights = cues.map(\.1.weight)
    cueHasExceptions = cues.map { !$0.1.exceptions.isEmpty }
    let patternCue = try reader.raw(Int32.self)
    let patternIsException = try reader.raw(Bool.self)
    let patternLead = try reader.raw(Int32.self)
    nodes = try reader.raw(NodeInfo.self)
    accepts = try reader.raw(Int32.self)
    gaps = try reader.raw((max: Int32, node: Int32, ordinal: Int32).self)
    gapNodeCount = try reader.int()
    edges = try EdgeTable(archive: &reader)
    rootChild = try reader.raw(Int32.self)
    exactTerms = try ByteTable(archive: &reader)
    stemTerms = try ByteTable(archive: &reader)
    prefixes = try AffixTrie(archive: &reader)
    suffixes = try AffixTrie(archive: &reader)
    unicodeAffixes = try reader.array { r throws(ArchiveReader.Damaged) in
      (term: Int32(truncatingIfNeeded: try r.int()), text: try r.string(), isPrefix: try r.bool())
    }
    nodeCount = try reader.int()
    let n = Int32(nodes.count), termCount = rootChild.count
    func isNode(_ node: Int32) -> Bool { node >= 0 && node < n }
    func isTerm(_ term: Int32) -> Bool { term >= 0 && Int(term) < termCount }
    // The patterns' three arrays are checked before they are read as patterns (a damaged byte is no `Bool`).
    guard patternCue.count == patternIsException.count, patternCue.count == patternLead.count,
      patternIsException.withUnsafeBytes({ $0.allSatisfy { $0 <= 1 } })
    else { throw ArchiveReader.Damaged() }
    patterns = patternCue.indices.map {
      Pattern(cue: patternCue[$0], lead: patternLead[$0], isException: patternIsException[$0])
    }
    guard nodeCount == nodes.count, n > 0, nodes[0].gapStart == nodes[0].gapEnd,
      patternLead.allSatisfy({ 0...255 ~= $0 }),
      patternCue.allSatisfy({ $0 >= 0 && Int($0) < cues.count }),
      accepts.allSatisfy({ $0 >= 0 && Int($0) < patternCue.count }),
      gapNodeCount >= 0, gaps.allSatisfy({ isNode($0.node) && $0.ordinal >= 0 && Int($0.ordinal) < gapNodeCount }),
      nodes.allSatisfy({ node in
        0 <= node.acceptStart && node.acceptStart <= node.acceptEnd && Int(node.acceptEnd) <= accepts.count
          && 0 <= node.gapStart && node.gapStart <= node.gapEnd && Int(node.gapEnd) <= gaps.count
          && (node.number == -1 || isNode(node.number)) && (node.any == -1 || isNode(node.any))
      }),
      edges.children.allSatisfy({ $0 == -1 || isNode($0) }), rootChild.allSatisfy({ $0 == -1 || isNode($0) }),
      (exactTerms.terms + stemTerms.terms + prefixes.terms + suffixes.terms).allSatisfy({ $0 == -1 || isTerm($0) }),
      unicodeAffixes.allSatisfy({ isTerm($0.term) })
    else { throw ArchiveReader.Damaged() }
  }
}

extension EdgeTable {
  /// Only the filled slots, by key, as the matcher inserts them: the table is rebuilt on reading (the same
  /// table), which costs less than reading its empty half. Keys and children go in two arrays: an entry has
  /// four bytes of padding, which hold whatever memory held.
  func archive(to writer: inout ArchiveWriter) {
    let entries = slots.filter { $0.key != .max }.sorted { $0.key < $1.key }
    writer.raw(entries.map(\.key))
    writer.raw(entries.map(\.value))
  }

  /// The table ``archive(to:)`` wrote.
  init(archive reader: inout ArchiveReader) throws(ArchiveReader.Damaged) {
    let keys = try reader.raw(UInt64.self), values = try reader.raw(Int32.self)
    guard keys.count == values.count, !keys.contains(.max) else { throw ArchiveReader.Damaged() }
    self.init(zip(keys, values).map { (key: $0, value: $1) })
  }

  /// The child of every edge.
  var children: [Int32] { slots.compactMap { $0.key == .max ? nil : $0.value } }
}

extension ByteTable {
  func archive(to writer: inout ArchiveWriter) {
    writer.raw(bytes)
    writer.raw(slots)
  }

  /// The table ``archive(to:)`` wrote: a power of two of at least 16 slots, one of them empty, each inside
  /// the bytes.
  init(archive reader: inout ArchiveReader) throws(ArchiveReader.Damaged) {
    let bytes = try reader.raw(UInt8.self)
    let slots = try reader.raw((offset: Int32, length: Int32, term: Int32).self)
    // A lookup probes until it finds its key or an empty slot, so one must be empty.
    guard slots.count >= 16, slots.count.nonzeroBitCount == 1, slots.contains(where: { $0.term == -1 }),
      slots.allSatisfy({ $0.offset >= 0 && $0.length >= 0 && Int($0.offset) + Int($0.length) <= bytes.count })
    else { throw ArchiveReader.Damaged() }
    self.bytes = bytes
    self.slots = slots
    mask = slots.count - 1
  }

  /// The term of every slot (-1 in empty ones).
  var terms: [Int32] { slots.map(\.term) }
}

extension AffixTrie {
  func archive(to writer: inout ArchiveWriter) {
    // Bytes and nodes apart: an edge has three bytes of padding.
    writer.array(children) {
      $0.raw($1.map(\.byte))
      $0.raw($1.map(\.node))
    }
    writer.raw(terms)
    writer.array(texts.sorted { $0.key < $1.key }) {
      $0.int(Int($1.key))
      $0.string($1.value)
    }
  }

  /// The trie ``archive(to:)`` wrote; every child must be one of its nodes.
  init(archive reader: inout ArchiveReader) throws(ArchiveReader.Damaged) {
    children = try reader.array { r throws(ArchiveReader.Damaged) in
      let bytes = try r.raw(UInt8.self), nodes = try r.raw(Int32.self)
      guard bytes.count == nodes.count else { throw ArchiveReader.Damaged() }
      return zip(bytes, nodes).map { (byte: $0, node: $1) }
    }
    terms = try reader.raw(Int32.self)
    let count = children.count
    guard count > 0, terms.count == count,
      children.allSatisfy({ $0.allSatisfy { $0.node > 0 && Int($0.node) < count } })
    else { throw ArchiveReader.Damaged() }
    for _ in 0..<(try reader.length()) { texts[Int32(truncatingIfNeeded: try reader.int())] = try reader.string() }
  }
}
