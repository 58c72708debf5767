/// Turns bytes or a string into an ``AnalyzedText``: decode → Markdown structure → normalize →
/// sentences → tokens.
///
/// Sentences come from ICU's sentence break iterator, run block by block (so list items and headings are
/// boundaries), then corrected where ICU breaks after an abbreviation (``SentenceAbbreviations``).
/// Tokens come from ICU's word break iterator inside each sentence; the rule status tells numbers from
/// letters from kana and ideographs (Chinese, Japanese and Thai get ICU's dictionary segmentation). A
/// number glued to a unit ("500ms", "2.5M", "3x") is split into a number token and a glued word token.
///
/// One analyzer holds one word and one sentence break iterator and reuses them: give each thread its own.
///
/// ```swift
/// let analyzer = try TextAnalyzer()
/// let text = try analyzer.analyze("We chose Kafka vs. RabbitMQ. It cost $2.5M.", source: "a.md")
/// text.sentences.map { text.string($0.range) }  // ["We chose Kafka vs. RabbitMQ.", "It cost $2.5M."]
/// ```
public final class TextAnalyzer {
  private let wordBreaker: Breaker
  private let sentenceBreaker: Breaker

  /// - Throws: ``TextError/icu(operation:status:name:)`` when ICU lacks break rules for `locale`.
  public init(locale: String = "en") throws(TextError) {
    wordBreaker = try Breaker(.word, locale: locale)
    sentenceBreaker = try Breaker(.sentence, locale: locale)
  }

  /// Decodes and analyzes the bytes of an answer.
  /// - Throws: ``TextError`` naming `source` for undecodable or binary input.
  public func analyze(bytes: [UInt8], source: String, lossy: Bool = false) throws(TextError) -> (
    text: AnalyzedText, decoded: TextDecoder.Decoded
  ) {
    var clock = NoStageClock()
    return try analyze(bytes: bytes, source: source, lossy: lossy, clock: &clock)
  }

  /// ``analyze(bytes:source:lossy:)``, telling `clock` as each stage ends (decode, structure, normalize,
  /// tokenize).
  public func analyze<Clock: StageClock>(
    bytes: [UInt8], source: String, lossy: Bool = false, clock: inout Clock
  ) throws(TextError) -> (text: AnalyzedText, decoded: TextDecoder.Decoded) {
    let decoded = try TextDecoder.decode(bytes, source: source, lossy: lossy)
    clock.lap(.decode)
    return (try analyze(decoded.text, source: source, clock: &clock), decoded)
  }

  /// Analyzes a string (already decoded, without a byte-order mark).
  /// - Complexity: O(n) in the length of the text.
  public func analyze(_ text: String, source: String) throws(TextError) -> AnalyzedText {
    var clock = NoStageClock()
    return try analyze(text, source: source, clock: &clock)
  }

  /// ``analyze(_:source:)``, telling `clock` as each stage ends (structure, normalize, tokenize).
  public func analyze<Clock: StageClock>(_ text: String, source: String, clock: inout Clock) throws(TextError)
    -> AnalyzedText
  {
    let utf16 = text.utf16Units
    let structure = MarkdownStructure(parsing: utf16)
    clock.lap(.structure)
    let normalized = try NormalizedText(folding: structure.masked)
    clock.lap(.normalize)
    var sentences: [Sentence] = []
    var tokens: [Token] = []
    var normalizedUTF8 = UTF8Sink(units: normalized.units.count)
    defer { normalizedUTF8.deallocate() }
    // About one token per five UTF-16 units in English prose, so this is room enough most of the time: a long
    // answer's tokens are not copied at every doubling (for a 50 MiB answer, 0.18 M fewer page faults: about
    // 700 MB of fresh pages), and room that stays unused is address space, not memory, once the array is large
    // enough to be mapped on its own.
    tokens.reserveCapacity(utf16.count / 4)
    try structure.masked.withUnsafeBufferPointer { (masked) throws(TextError) in
      for (blockIndex, block) in structure.blocks.enumerated() where block.kind != .code {
        try splitSentences(masked, block.range, block: blockIndex, into: &sentences)
      }
      for index in sentences.indices {
        let first = tokens.count
        try tokenize(
          masked, sentences[index].range, sentence: index, normalized: normalized, into: &tokens,
          bytes: &normalizedUTF8)
        sentences[index].tokens = first..<tokens.count
      }
    }
    let analyzed = AnalyzedText(
      source: source, text: text, utf16: utf16, structure: structure, tokens: tokens,
      normalizedUTF8: normalizedUTF8.bytes, sentences: sentences)
    clock.lap(.tokenize)
    return analyzed
  }

  // MARK: Sentences

  private func splitSentences(
    _ masked: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, block: Int, into sentences: inout [Sentence]
  ) throws(TextError) {
    var pieces: [Range<Int>] = []
    try sentenceBreaker.segment(masked, range) { start, end, _ in
      if let trimmed = Self.trim(masked, start..<end) { pieces.append(trimmed) }
    }
    var k = 0
    while k < pieces.count {
      var piece = pieces[k]
      while k + 1 < pieces.count, SentenceAbbreviations.endsWithAbbreviation(masked, piece) {
        k += 1
        piece = piece.lowerBound..<pieces[k].upperBound
      }
      sentences.append(Sentence(range: piece, block: block, tokens: 0..<0))
      k += 1
    }
  }

  /// The range without leading and trailing white space (and masked markup); nil when nothing is left.
  static func trim(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Range<Int>? {
    var start = range.lowerBound, end = range.upperBound
    while start < end, isSpace(text[start]) { start += 1 }
    while end > start, isSpace(text[end - 1]) { end -= 1 }
    return start < end ? start..<end : nil
  }

  /// White space: tab to carriage return, space, no-break space, the spaces of U+2000–U+200B, line and
  /// paragraph separators, U+202F, U+205F, the ideographic space and the byte-order mark. Units between
  /// space and U+00A0 (letters, digits, punctuation: most units asked about) are ruled out by two
  /// comparisons.
  @inline(__always)
  static func isSpace(_ u: UInt16) -> Bool {
    if u <= 0x20 { return u == 0x20 || (u >= 0x09 && u <= 0x0D) }
    if u < 0xA0 { return false }
    return u == 0xA0 || (u >= 0x2000 && u <= 0x200B) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F
      || u == 0x3000 || u == 0xFEFF
  }

  // MARK: Tokens

  /// Appends the tokens of sentence `sentence` (source `range`) to `tokens`, and their normalized forms' UTF-8
  /// to `bytes`.
  private func tokenize(
    _ masked: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, sentence: Int, normalized: NormalizedText,
    into tokens: inout [Token], bytes: inout UTF8Sink
  ) throws(TextError) {
    var previousEnd = -1
    try normalized.units.withUnsafeBufferPointer { (folded) throws(TextError) in
      try wordBreaker.segment(masked, range) { start, end, status in
        if Self.isSpace(masked[start]) { return }
        let units = normalized.unitRange(ofSource: start..<end)
        if units.isEmpty { return }  // default-ignorable characters only (a lone ZWJ, a soft hyphen)
        let glued = previousEnd == start
        previousEnd = end
        let own = UnsafeBufferPointer(rebasing: folded[units])
        let kind = Self.kind(status: status, masked: masked, start: start, units: own)
        if kind == .word, let split = Self.numberPrefixLength(own) {
          // "500ms" → "500" + glued "ms"
          let splitAt = Int(normalized.sourceStarts[units.lowerBound + split])
          tokens.append(
            Token(
              kind: .number, range: start..<splitAt,
              normalizedBytes: bytes.append(UnsafeBufferPointer(rebasing: own[..<split])),
              glued: glued, sentence: sentence))
          tokens.append(
            Token(
              kind: .word, range: splitAt..<end,
              normalizedBytes: bytes.append(UnsafeBufferPointer(rebasing: own[split...])),
              glued: true, sentence: sentence))
          return
        }
        tokens.append(
          Token(
            kind: kind, range: start..<end, normalizedBytes: bytes.append(own), glued: glued,
            sentence: sentence))
      }
    }
  }

  static func kind(status: Int32, masked: UnsafeBufferPointer<UInt16>, start: Int, units: UnsafeBufferPointer<UInt16>)
    -> Token.Kind
  {
    switch status {
    case 100..<200:
      return units.contains(where: { isLetterUnit($0) }) ? .word : .number
    case 200..<300: return .word
    case 300..<500:
      // ICU gives Hiragana words the ideograph status; kana are told by their script.
      return units.allSatisfy(isKanaUnit) ? .kana : .ideographic
    default:
      if masked[start] < 0x80 { return asciiSymbols[Int(masked[start])] ? .symbol : .punctuation }
      var scalarValue = UInt32(masked[start])
      if UTF16.isLeadSurrogate(masked[start]), start + 1 < masked.count {
        scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (UInt32(masked[start + 1]) - 0xDC00)
      }
      guard let scalar = Unicode.Scalar(scalarValue) else { return .symbol }
      switch scalar.properties.generalCategory {
      case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return .symbol
      default: return scalar.value > 0x7F && scalar.properties.isEmoji ? .symbol : .punctuation
      }
    }
  }

  /// For each ASCII character: whether it is a symbol (math, currency, modifier or other) rather than
  /// punctuation, from its general category as in ``kind(status:masked:start:units:)``.
  static let asciiSymbols: [Bool] = (0..<128).map { value in
    switch Unicode.Scalar(UInt8(value)).properties.generalCategory {
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: true
    default: false
    }
  }

  /// Hiragana, Katakana (with its phonetic extensions and the prolonged sound mark) and halfwidth Katakana.
  @inline(__always)
  static func isKanaUnit(_ u: UInt16) -> Bool {
    (u >= 0x3040 && u <= 0x30FF) || (u >= 0x31F0 && u <= 0x31FF) || (u >= 0xFF66 && u <= 0xFF9F)
  }

  @inline(__always)
  static func isLetterUnit(_ u: UInt16) -> Bool {
    (u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u != 0xD7 && u != 0xF7)
  }

  /// For a normalized word like "500ms", "2.5m" or "3x": the length of its leading number ("500", "2.5",
  /// "3"), when letters follow it. nil for words that do not start with a digit ("p95", "gpt").
  @inline(__always)
  static func numberPrefixLength(_ units: UnsafeBufferPointer<UInt16>) -> Int? {
    var i = units.startIndex
    func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    guard i < units.endIndex, isDigit(units[i]) else { return nil }
    while i < units.endIndex {
      let u = units[i]
      if isDigit(u) {
        i += 1
      } else if u == 0x2E || u == 0x2C, i + 1 < units.endIndex, isDigit(units[i + 1]) {
        i += 1
      } else {
        break
      }
    }
    guard i < units.endIndex, isLetterUnit(units[i]) else { return nil }
    return i - units.startIndex
  }
}
