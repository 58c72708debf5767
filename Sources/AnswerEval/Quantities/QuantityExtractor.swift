import AnswerEvalText

/// Finds the quantities of an answer: numerals (``NumeralReader``) with the units, symbols and scale
/// words around them, rates, approximation, ranges, before→after pairs and deltas; then marks the
/// incidental ones (``QuantityIncidentals``). Whether a quantity measures the story (`impact`) is decided
/// by ``AnswerContext/quantities``, which knows the story.
///
/// Every word it reads is a cue of the rubric's `quantities` pack; this type holds only the mechanics.
///
/// ```
/// "We cut p95 from 500ms to ~50ms, saving $2.5M a year."
/// → 500 ms (duration, before) · 50 ms (duration, after, approximate) · 2 500 000 USD/yr (money)
/// ```
/// - Complexity: O(n) in the number of tokens.
struct QuantityExtractor {
  let text: AnalyzedText
  let cues: QuantityCues
  private let reader: NumeralReader

  init(text: AnalyzedText, cues: QuantityCues) {
    self.text = text
    self.cues = cues
    reader = NumeralReader(text: text, cues: cues)
  }

  private var tokens: [Token] { text.tokens }

  /// All quantities, in text order, with incidental ones given their `reason` (`impact` is left false).
  func extract() -> [Quantity] {
    let links = Self.linkTokens(text)
    var all: [Quantity] = []
    for (index, sentence) in text.sentences.enumerated() {
      var found: [Quantity] = []
      var i = sentence.tokens.lowerBound
      while i < sentence.tokens.upperBound {
        // Only a number, or a token a `quantities` cue that can open one starts at, can start a quantity
        // (a sign, a prefix, a quantity word and a spelled numeral's first word are all cues; see
        // `QuantityCues.opens`): most tokens are neither.
        if tokens[i].kind != .number && !cues.opens(i) || links.contains(i) {
          i += 1
          continue
        }
        if let next = quantities(
          at: i, end: sentence.tokens.upperBound, sentence: index, previousEnd: found.last?.tokens.upperBound,
          into: &found)
        {
          i = max(next, i + 1)
        } else {
          i += 1
        }
      }
      if !found.isEmpty { all += combine(found) }
    }
    QuantityIncidentals(text: text, cues: cues).mark(&all)
    return all
  }

  // MARK: One quantity

  private func span(_ tokens: Range<Int>) -> Range<Int> {
    self.tokens[tokens.lowerBound].range.lowerBound..<self.tokens[tokens.upperBound - 1].range.upperBound
  }

  private func unit(at k: Int, end: Int) -> QuantityCues.Match? {
    guard k < end else { return nil }
    return cues.start(at: k) { role in
      guard case .unit(_, _, let gluedOnly) = role else { return false }
      return !gluedOnly || tokens[k].glued
    }
  }

  /// Appends the quantities starting at token `i` (several for a dotted "192.168.1.2") to `found`, and
  /// returns the token after them (nil: no quantity starts there). `previousEnd` is the token after the
  /// sentence's last quantity so far (only its end is needed: passing the quantity itself copied it once per
  /// token). The quantities go straight into `found`: returned in an array of their own, each was copied
  /// into it again.
  private func quantities(
    at i: Int, end: Int, sentence: Int, previousEnd: Int?, into found: inout [Quantity]
  ) -> Int? {
    var j = i
    var negative = false
    if let sign = cues.start(at: j, { $0 == .sign }), sign.tokens.upperBound < end {
      negative = true
      j = sign.tokens.upperBound
    }
    var prefix: (kind: Quantity.Kind, unit: String)?
    if let match = cues.start(at: j, \.isPrefix), match.tokens.upperBound < end,
      case .prefix(let kind, let unit) = match.role,
      !(kind == .percent && previousEnd == i)
    {
      prefix = (kind, unit)
      j = match.tokens.upperBound
    }
    if prefix == nil, !negative, let match = cues.start(at: j, \.isWord), case .word(let kind, let value) = match.role {
      found.append(
        Quantity(kind: kind, value: value, range: span(match.tokens), tokens: match.tokens, sentence: sentence))
      return match.tokens.upperBound
    }
    guard let numerals = reader.read(at: j, end: end) else { return nil }
    if numerals.count > 1 || numerals[0].range != nil {
      for numeral in numerals {
        found.append(
          Quantity(
            kind: .count, value: numeral.value, range: numeral.range ?? span(numeral.tokens), tokens: numeral.tokens,
            sentence: sentence, reason: numeral.reason, bare: true))
      }
      return j + 1
    }
    let numeral = numerals[0]
    if numeral.reason == "ordinal" { return numeral.tokens.upperBound }
    var value = negative ? -numeral.value : numeral.value
    var last = numeral.tokens.upperBound
    var scaled = false
    if numeral.kind == nil, !numeral.spelled, let match = cues.start(at: last, \.isScale),
      case .scale(let factor) = match.role
    {
      // A one-letter scale ("k", "M") counts glued to its number, or closing the sentence ("2.33 k").
      let single = text.normalizedCount(match.tokens.lowerBound) == 1
      let closes = match.tokens.upperBound >= end || tokens[match.tokens.upperBound].kind == .punctuation
      if !single || tokens[match.tokens.lowerBound].glued || closes {
        value *= factor
        last = match.tokens.upperBound
        scaled = true
      }
    }
    var unitMatch = unit(at: last, end: end)
    if unitMatch == nil, last + 1 < end, text.normalized(last, is: "-"), tokens[last].glued, tokens[last + 1].glued {
      unitMatch = unit(at: last + 1, end: end)  // "30-day", "three-fold"
    }
    if unitMatch == nil, numeral.kind == .fraction, last + 1 < end, cues.has(last, { $0 == .article }) {
      unitMatch = unit(at: last + 1, end: end)  // "half an hour"
    }
    var kind: Quantity.Kind
    var unitName = ""
    if let match = unitMatch { last = match.tokens.upperBound }
    // "10+ engineers", "1M+ requests": a lower bound.
    let orMore = last < end && text.normalized(last, is: "+") && tokens[last].glued
    if orMore { last += 1 }
    if let prefix {
      (kind, unitName) = (prefix.kind, prefix.unit)
    } else if let match = unitMatch, case .unit(let unitKind, let name, _) = match.role {
      (kind, unitName) = (unitKind, name)
    } else if let numeralKind = numeral.kind {
      kind = numeralKind
    } else {
      kind = value.rounded() == value && (numeral.integer || scaled) ? .count : .number
    }
    if [.count, .number, .money, .size, .measure].contains(kind), let base = rateBase(after: last, end: end) {
      if kind == .count || kind == .number {
        kind = .rate
        unitName = base
      } else {
        unitName += base
      }
    }
    let first = min(i, numeral.tokens.lowerBound)
    let bare = prefix == nil && unitMatch == nil && !scaled && numeral.kind == nil
    found.append(
      Quantity(
        kind: kind, value: value, unit: unitName, approximate: orMore, range: span(first..<last),
        tokens: first..<last, sentence: sentence, reason: numeral.reason, bare: bare))
    return last
  }

  /// The time base of a rate written after a quantity, with up to three words between ("1.5 million
  /// webhooks per day", "600 parcels a night").
  private func rateBase(after last: Int, end: Int) -> String? {
    var k = last
    while k < end, k <= last + 3 {
      if let match = cues.start(at: k, \.isPer), case .per(let base) = match.role { return base }
      guard tokens[k].kind == .word, !cues.has(k, { $0 == .joiner || $0 == .range }) else { return nil }
      k += 1
    }
    return nil
  }

  // MARK: Combining

  /// Where a quantity's lead starts: at an approximation word before it ("about", "~", "sub-").
  private func lead(_ quantity: Quantity) -> Int {
    cues.end(at: quantity.tokens.lowerBound, { $0 == .approximate })?.tokens.lowerBound ?? quantity.tokens.lowerBound
  }

  /// The role of the cue that fills exactly the tokens between two quantities, if one passes `test`.
  private func between(_ from: Int, _ to: Int, _ test: (QuantityLexicon.Role) -> Bool) -> QuantityLexicon.Role? {
    guard from < to else { return nil }
    return cues.firstStarting(at: from) { $0.tokens.upperBound == to && test($0.role) }?.role
  }

  /// Two quantities that can be the ends of a range or a change: one is a bare number, or both are of the
  /// same kind ("7h → 95 min").
  private func compatible(_ a: Quantity, _ b: Quantity) -> Bool {
    if a.bare || b.bare { return a.reason == nil && b.reason == nil }
    return a.kind == b.kind
  }

  /// Approximation, "one over three", ranges, before→after pairs and deltas within one sentence.
  private func combine(_ input: [Quantity]) -> [Quantity] {
    var found = input
    for k in found.indices where lead(found[k]) != found[k].tokens.lowerBound { found[k].approximate = true }
    var k = 0
    while k + 1 < found.count {
      let (a, b) = (found[k], found[k + 1])
      // The parts of "192.168.1.2" share their token: nothing joins them.
      guard a.tokens.upperBound < b.tokens.lowerBound else {
        k += 1
        continue
      }
      // "one over three", "1 over 20"
      if a.bare, b.bare, a.reason == nil, b.reason == nil, b.value != 0,
        between(a.tokens.upperBound, b.tokens.lowerBound, { $0 == .over }) != nil
      {
        var merged = a
        merged.value = a.value / b.value
        merged.kind = .fraction
        merged.tokens = a.tokens.lowerBound..<b.tokens.upperBound
        merged.range = a.range.lowerBound..<b.range.upperBound
        merged.bare = false
        found.replaceSubrange(k...(k + 1), with: [merged])
        continue
      }
      // "5–10%", "30 to 60 days", "two or three weeks", "between 3 and 5 days"
      let joinerToken = a.tokens.upperBound
      let dash = text.normalized(joinerToken, is: "-")
      let joined =
        between(joinerToken, lead(b), { $0 == .range }) != nil
        || (!dash && between(joinerToken, lead(b), { $0 == .joiner }) != nil
          && cues.end(at: lead(a), { $0 == .rangeOpen }) != nil)
      // A dash joins a range when it is glued on both sides or spaced on both ("5–10", "5 - 10").
      let symmetric = !dash || tokens[joinerToken].glued == tokens[lead(b)].glued
      if joined, symmetric, compatible(a, b), a.bare || a.unit == b.unit, a.value < b.value,
        cues.end(at: lead(a), { $0 == .from }) == nil
      {
        var merged = b
        merged.value = a.value
        merged.high = b.value
        merged.tokens = a.tokens.lowerBound..<b.tokens.upperBound
        merged.range = a.range.lowerBound..<b.range.upperBound
        merged.approximate = a.approximate || b.approximate
        merged.bare = a.bare && b.bare
        if b.bare && !a.bare { (merged.kind, merged.unit) = (a.kind, a.unit) }
        found.replaceSubrange(k...(k + 1), with: [merged])
        continue
      }
      k += 1
    }
    for k in found.indices.dropLast() {
      let (a, b) = (found[k], found[k + 1])
      guard a.tokens.upperBound < b.tokens.lowerBound, compatible(a, b) else { continue }
      let from = cues.end(at: lead(a), { $0 == .from }) != nil
      // "from 120 tickets to 30": after "from", a counted noun may stand before "to".
      var joinStart = a.tokens.upperBound
      while from, a.bare, joinStart < a.tokens.upperBound + 2, joinStart < lead(b), tokens[joinStart].kind == .word,
        cues.start(at: joinStart, { $0 == .to }) == nil
      {
        joinStart += 1
      }
      guard let joiner = between(joinStart, lead(b), { $0 == .to || $0 == .arrow }) else { continue }
      if joiner == .to && !from { continue }
      found[k].role = .before
      found[k + 1].role = .after
      if a.bare && !b.bare {
        (found[k].kind, found[k].unit, found[k].bare) = (b.kind, b.unit, false)
      } else if b.bare && !a.bare {
        (found[k + 1].kind, found[k + 1].unit, found[k + 1].bare) = (a.kind, a.unit, false)
      }
    }
    for k in found.indices where found[k].role == nil && found[k].reason == nil {
      let after = found[k].tokens.upperBound
      if cues.end(at: lead(found[k]), { $0 == .delta }) != nil || cues.start(at: after, { $0 == .deltaAfter }) != nil
        || (!found[k].bare && cues.start(at: after, { $0 == .deltaComparative }) != nil)
      {
        found[k].role = .delta
      }
    }
    return found
  }

  // MARK: Links

  /// Tokens inside a web address ("https://…", "www.…"): their digits are no quantities.
  static func linkTokens(_ text: AnalyzedText) -> Set<Int> {
    // Most answers hold no link: one pass over the whole text says so, and no chunk needs looking at.
    guard mayHoldLink(text.utf16) else { return [] }
    var result = Set<Int>()
    var chunkStart = 0
    for i in 0...text.tokens.count {
      // Adjacent in the text, even across a sentence break ("…/search?q=30%25").
      if i < text.tokens.count, i > chunkStart, text.tokens[i].range.lowerBound == text.tokens[i - 1].range.upperBound {
        continue
      }
      if i > chunkStart,
        isLink(text.utf16, text.tokens[chunkStart].range.lowerBound..<text.tokens[i - 1].range.upperBound)
      {
        result.formUnion(chunkStart..<i)
      }
      chunkStart = i
    }
    return result
  }

  /// Whether `utf16` contains `://` or `www.` (any case): no part of it can be a link otherwise. Read four
  /// units at a time: only a four holding a colon or a dot is looked at unit by unit.
  static func mayHoldLink(_ utf16: [UInt16]) -> Bool {
    utf16.withUnsafeBufferPointer { units in
      var i = 0
      while i < units.count {
        i = FourUnits.skip(units, from: i, to: units.count) {
          FourUnits.equal(0x3A, in: $0) | FourUnits.equal(0x2E, in: $0)
        }
        guard i < units.count else { break }
        if linkMark(units, at: i) { return true }
        i += 1
      }
      return false
    }
  }

  /// Whether the code units `range` of `utf16` contain `://` or start with `www.` (any case).
  private static func isLink(_ utf16: [UInt16], _ range: Range<Int>) -> Bool {
    utf16.withUnsafeBufferPointer { text in
      let units = UnsafeBufferPointer(rebasing: text[range])
      return units.count >= 4 && units[3] == 0x2E && linkMark(units, at: 3)
        || units.indices.contains { units[$0] == 0x3A && linkMark(units, at: $0) }
    }
  }

  /// Whether `units[k]` is the colon of `://` or the dot of `www.` (any case), all within `units`.
  @inline(__always)
  private static func linkMark(_ units: UnsafeBufferPointer<UInt16>, at k: Int) -> Bool {
    switch units[k] {
    case 0x3A: k + 2 < units.count && units[k + 1] == 0x2F && units[k + 2] == 0x2F
    case 0x2E: k >= 3 && (units[k - 3] | 0x20, units[k - 2] | 0x20, units[k - 1] | 0x20) == (0x77, 0x77, 0x77)
    default: false
    }
  }
}
