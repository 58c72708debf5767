import AnswerEvalText

/// What each cue of a rubric's `quantities` packs means to the extractor, read from its `signal` and
/// `value` (the signals are documented at the top of `Rubrics/packs/quantities.en.yaml`).
///
/// ```
/// signal unit.duration, value ms   →  .unit(.duration, "ms", gluedOnly: false)
/// signal scale, value 1000         →  .scale(1000)
/// signal incidental.version, bare  →  .incidental("version", bareOnly: true)
/// ```
struct QuantityLexicon: Sendable {
  /// The `detector:` of the packs the extractor reads.
  static let detector = "quantities"

  enum Role: Equatable, Sendable {
    case unit(Quantity.Kind, String, gluedOnly: Bool)
    case prefix(Quantity.Kind, String)
    case scale(Double)
    case number
    case ordinal
    case fraction(Double)
    case article
    case joiner
    case point
    case sign
    case over
    case word(Quantity.Kind, Double)
    case per(String)
    case approximate
    case range
    case rangeOpen
    case from
    case to
    case arrow
    case delta
    case deltaAfter
    case deltaComparative
    case impact
    case year
    case yearAfter
    case incidental(String, bareOnly: Bool)
  }

  /// The role of each cue of the rubric's matcher (nil for cues of other detectors).
  let roles: [Role?]
  /// Number words whose values are already known (`twenty` → 20, `th` → nil): those the compiled-rubric
  /// cache read back, so that grading one answer never waits for ICU to build its number parser (about
  /// 2 ms). Other words are asked of ``NumberWordValues`` as they come.
  let numberWords: [String: Double?]

  /// The roles of `matcher`'s cues, where `cueDetectors[i]` is the `detector:` of cue i's pack. Built once
  /// per ``CompiledRubric`` (``CompiledRubric/quantityLexicon``).
  init(matcher: CueMatcher, cueDetectors: [String], numberWords: [String: Double?] = [:]) {
    roles = matcher.cues.indices.map { index in
      guard cueDetectors[index] == Self.detector else { return nil }
      let cue = matcher.cues[index].cue
      return Self.role(signal: cue.signal, value: cue.value)
    }
    self.numberWords = numberWords
  }

  /// Every word a `number` or `ordinal` cue names exactly (`=twenty`), in cue order, each once.
  func spelledWords(of matcher: CueMatcher) -> [String] {
    var words: [String] = []
    var seen: Set<String> = []
    for (index, role) in roles.enumerated() where role == .number || role == .ordinal {
      for phrase in matcher.cues[index].cue.phrases {
        for case .alternatives(let sequences) in phrase.elements {
          for case .exact(let word) in sequences.joined() where seen.insert(word).inserted { words.append(word) }
        }
      }
    }
    return words
  }

  /// The value of a number word or ordinal (nil: none).
  func value(ofNumberWord word: String) -> Double? {
    if let known = numberWords[word] { return known }
    return NumberWordValues.shared.value(of: word)
  }

  /// The role a signal and value stand for; nil for a signal the extractor does not know (the pack test
  /// checks there is none).
  static func role(signal: String, value: String?) -> Role? {
    let parts = signal.split(separator: ".", maxSplits: 1).map(String.init)
    let head = parts[0]
    let tail = parts.count > 1 ? parts[1] : ""
    let number = value.flatMap(Double.init)
    switch head {
    case "unit", "glued-unit":
      guard let kind = Quantity.Kind(rawValue: tail), let value else { return nil }
      return .unit(kind, value, gluedOnly: head == "glued-unit")
    case "prefix":
      guard let kind = Quantity.Kind(rawValue: tail), let value else { return nil }
      return .prefix(kind, value)
    case "scale": return number.map { .scale($0) }
    case "number": return .number
    case "ordinal": return .ordinal
    case "fraction": return number.map { .fraction($0) }
    case "article": return .article
    case "joiner": return .joiner
    case "point": return .point
    case "sign": return .sign
    case "over": return .over
    case "word":
      guard let kind = Quantity.Kind(rawValue: tail), let number else { return nil }
      return .word(kind, number)
    case "per": return value.map { .per($0) }
    case "approximate": return .approximate
    case "range": return tail == "open" ? .rangeOpen : .range
    case "from": return .from
    case "to": return .to
    case "arrow": return .arrow
    case "delta":
      switch tail {
      case "after": return .deltaAfter
      case "comparative": return .deltaComparative
      default: return .delta
      }
    case "impact": return .impact
    case "year": return tail == "after" ? .yearAfter : .year
    case "incidental":
      guard !tail.isEmpty else { return nil }
      return .incidental(tail, bareOnly: value == "bare")
    default: return nil
    }
  }
}

/// One answer's `quantities` cue matches, indexed by the token they start and end at.
struct QuantityCues {
  struct Match {
    var role: QuantityLexicon.Role
    var tokens: Range<Int>
  }

  /// The matches, in text order.
  private let entries: [Match]
  /// The matches by the token they start at, longest first, one bucket after the other:
  /// `entries[byStart[i]]` for i in `startOffset[t]..<startOffset[t + 1]` start at token t. (One array for
  /// all tokens, not an array per token: most tokens start no quantity cue; and indices, not copies of the
  /// matches: a large answer has hundreds of thousands of them.)
  private let byStart: [Int32]
  private let startOffset: [Int32]
  /// The same by the token they end just before.
  private let byEnd: [Int32]
  private let endOffset: [Int32]
  /// Bit `t % 64` of word `t / 64`: whether a quantity can start at token t by its cues (``opens(_:)``),
  /// set as the matches are read: asked of nearly every token, where reading its matches' roles would copy
  /// each.
  private let opening: [UInt64]
  private(set) var incidentals: [(reason: String, bareOnly: Bool, tokens: Range<Int>)] = []
  /// Sentences with an outcome verb.
  private(set) var impactSentences: Set<Int> = []
  let lexicon: QuantityLexicon

  init(matches: some Sequence<CueMatch>, lexicon: QuantityLexicon, tokenCount: Int) {
    self.lexicon = lexicon
    var entries: [Match] = []
    var opening = [UInt64](repeating: 0, count: tokenCount / 64 + 1)
    for match in matches {
      guard match.cue < lexicon.roles.count, let role = lexicon.roles[match.cue] else { continue }
      entries.append(Match(role: role, tokens: match.tokens))
      switch role {
      case .incidental(let reason, let bareOnly): incidentals.append((reason, bareOnly, match.tokens))
      case .impact: impactSentences.insert(match.sentence)
      default: break
      }
      if Self.opens(role, length: match.tokens.count), match.tokens.lowerBound < tokenCount {
        opening[match.tokens.lowerBound / 64] |= 1 << UInt64(match.tokens.lowerBound % 64)
      }
    }
    self.entries = entries
    self.opening = opening
    (byStart, startOffset) = Self.buckets(entries, count: tokenCount + 1, byEnd: false)
    (byEnd, endOffset) = Self.buckets(entries, count: tokenCount + 1, byEnd: true)
  }

  /// The indices of `entries` grouped by the token they start at (or end just before) in a counting sort,
  /// each group longest first and otherwise in the order given.
  private static func buckets(_ entries: [Match], count: Int, byEnd: Bool) -> ([Int32], [Int32]) {
    // An entry's key read in place: a copy of the entry would copy its role too.
    func key(_ index: Int) -> Int { byEnd ? entries[index].tokens.upperBound : entries[index].tokens.lowerBound }
    var offset = [Int32](repeating: 0, count: count + 1)
    // The keys shared by several entries, as they are found: only their buckets need sorting.
    var shared: [Int] = []
    for index in entries.indices {
      let k = key(index)
      offset[k + 1] += 1
      if offset[k + 1] == 2 { shared.append(k) }
    }
    for i in 0..<count { offset[i + 1] += offset[i] }
    guard !entries.isEmpty else { return ([], offset) }
    var next = offset
    var sorted = [Int32](repeating: 0, count: entries.count)
    for index in entries.indices {
      let k = key(index)
      sorted[Int(next[k])] = Int32(index)
      next[k] += 1
    }
    for k in shared {
      // Insertion sort: stable, and a bucket holds a handful of matches.
      let bucket = Int(offset[k])..<Int(offset[k + 1])
      for i in bucket.dropFirst() {
        let item = sorted[i], length = entries[Int(item)].tokens.count
        var j = i
        while j > bucket.lowerBound, entries[Int(sorted[j - 1])].tokens.count < length {
          sorted[j] = sorted[j - 1]
          j -= 1
        }
        sorted[j] = item
      }
    }
    return (sorted, offset)
  }

  /// Where the matches starting at `token` are in `byStart`.
  @inline(__always)
  private func startRange(_ token: Int) -> Range<Int> {
    guard token >= 0, token + 1 < startOffset.count else { return 0..<0 }
    return Int(startOffset[token])..<Int(startOffset[token + 1])
  }

  /// The first match starting at `token` (longest first) that passes `test`.
  func firstStarting(at token: Int, where test: (Match) -> Bool) -> Match? {
    for i in startRange(token) where test(entries[Int(byStart[i])]) { return entries[Int(byStart[i])] }
    return nil
  }

  /// The longest match starting at `token` whose role passes `test`.
  func start(at token: Int, _ test: (QuantityLexicon.Role) -> Bool) -> Match? {
    firstStarting(at: token) { test($0.role) }
  }

  /// The longest match ending just before `token` whose role passes `test`.
  func end(at token: Int, _ test: (QuantityLexicon.Role) -> Bool) -> Match? {
    guard token >= 0, token + 1 < endOffset.count else { return nil }
    for i in Int(endOffset[token])..<Int(endOffset[token + 1]) where test(entries[Int(byEnd[i])].role) {
      return entries[Int(byEnd[i])]
    }
    return nil
  }

  /// True when some match starts at `token`.
  func startsAny(_ token: Int) -> Bool { !startRange(token).isEmpty }

  /// True when a quantity can start at `token` by the cues there: a sign, a prefix or a quantity word
  /// starts at it, or it is a one-token element that can open a spelled number (a number word, a scale, an
  /// ordinal, a fraction or an article). ``QuantityExtractor`` never finds a quantity starting at a joiner,
  /// a unit, a rate word or an approximation word ("about" joins the quantity after it when quantities are
  /// combined), so it does not try there.
  func opens(_ token: Int) -> Bool {
    token >= 0 && token / 64 < opening.count && opening[token / 64] & 1 << UInt64(token % 64) != 0
  }

  /// Whether a match with `role`, `length` tokens long, lets a quantity start where it starts.
  private static func opens(_ role: QuantityLexicon.Role, length: Int) -> Bool {
    switch role {
    case .sign, .prefix, .word: return true
    case .scale, .number, .ordinal, .fraction, .article: return length == 1
    default: return false
    }
  }

  /// Calls `body` with the role of each single-token match at `token`, in the order ``single(_:_:)`` tries
  /// them: one pass where several questions about the same token would each walk its matches.
  @inline(__always)
  func forEachSingle(at token: Int, _ body: (QuantityLexicon.Role) -> Void) {
    for i in startRange(token) where entries[Int(byStart[i])].tokens.count == 1 { body(entries[Int(byStart[i])].role) }
  }

  /// True when a single-token match with role `role` covers `token`.
  func has(_ token: Int, _ test: (QuantityLexicon.Role) -> Bool) -> Bool {
    firstStarting(at: token) { $0.tokens.count == 1 && test($0.role) } != nil
  }

  /// The role of the single-token match at `token` that passes `test`.
  func single(_ token: Int, _ test: (QuantityLexicon.Role) -> Bool) -> QuantityLexicon.Role? {
    firstStarting(at: token) { $0.tokens.count == 1 && test($0.role) }?.role
  }
}
