/// An answer ready for the detectors: its structure, tokens (each with its normalized form) and sentences,
/// all with exact offsets back into the original text. The tokens' normalized forms lie side by side in one
/// buffer of UTF-8 (``normalizedUTF8``): a token holds no string of its own.
///
/// The whole normalized text (``NormalizedText``, about 14 bytes per UTF-16 unit with its offset maps) is
/// needed only to cut tokens, so it is not kept: a large answer holds that much less while it is graded.
///
/// ```swift
/// let text = try TextAnalyzer().analyze("We cut p95 latency from 500ms to 50ms.", source: "a.md")
/// text.tokens.indices.map(text.normalized)  // ["we", "cut", "p95", "latency", "from", "500", "ms", "to", "50", "ms", "."]
/// text.normalized(5, is: "500")    // true, from the bytes (no string is built)
/// text.span(text.tokens[5].range) // Span(start: 22, end: 25, line: 1, column: 23, text: "500")
/// ```
public struct AnalyzedText: Sendable {
  /// A path, `<stdin>`, or a `--stdin-name` label.
  public let source: String
  public let text: String
  /// The original text in UTF-16 units: every internal range indexes this.
  public let utf16: [UInt16]
  public let structure: MarkdownStructure
  public let tokens: [Token]
  /// The tokens' normalized forms (NFKC_Casefold and punctuation folding, ``NormalizedText``) in UTF-8, one
  /// after another in token order: token i's are `normalizedUTF8[tokens[i].normalizedBytes]`.
  public let normalizedUTF8: [UInt8]
  public let sentences: [Sentence]
  /// UTF-16 offset → Unicode-scalar offset, for 0...utf16.count; empty when the text has no surrogate pair
  /// (nearly every answer), where each offset is its own.
  let scalarOffsets: [Int32]
  /// UTF-16 offsets where lines start.
  let lineStarts: [Int]
  /// The text's statistics (counted once: detectors ask for them often).
  public let statistics: TextStatistics
  /// Every character is ASCII (as many UTF-8 bytes as UTF-16 units).
  let isASCII: Bool

  init(
    source: String, text: String, utf16: [UInt16], structure: MarkdownStructure, tokens: [Token],
    normalizedUTF8: [UInt8], sentences: [Sentence]
  ) {
    self.source = source
    self.text = text
    self.utf16 = utf16
    self.structure = structure
    self.tokens = tokens
    self.normalizedUTF8 = normalizedUTF8
    self.sentences = sentences
    // One pass over the units, through buffers and four at a time while none of them is a line break or a
    // surrogate (most of any text): where lines start, and how many scalars take two units.
    var lineStarts = [0]
    var pairs = 0
    let n = utf16.count
    utf16.withUnsafeBufferPointer { units in
      var i = 0
      while i < n {
        i = FourUnits.skip(units, from: i, to: n) { FourUnits.lineBreaks(in: $0) | FourUnits.surrogates(in: $0) }
        guard i < n else { break }
        let u = units[i]
        if UTF16.isTrailSurrogate(u) { pairs += 1 }
        if u == 0x0A || (u == 0x0D && (i + 1 == n || units[i + 1] != 0x0A)) { lineStarts.append(i + 1) }
        i += 1
      }
    }
    self.lineStarts = lineStarts
    // Scalar offsets apart from UTF-16 ones only when some scalar takes two units.
    if pairs == 0 {
      scalarOffsets = []
    } else {
      var scalar: Int32 = 0
      scalarOffsets = [Int32](unsafeUninitializedCapacity: n + 1) { offsets, initialized in
        utf16.withUnsafeBufferPointer { units in
          for i in 0..<n {
            offsets[i] = scalar
            if !UTF16.isTrailSurrogate(units[i]) { scalar += 1 }
          }
        }
        offsets[n] = scalar
        initialized = n + 1
      }
    }
    isASCII = text.utf8.count == utf16.count
    var words = 0
    for i in tokens.indices where tokens[i].kind.isWordLike { words += 1 }
    statistics = TextStatistics(
      characters: n - pairs,
      words: words,
      sentences: sentences.count,
      paragraphs: structure.blocks.reduce(0) { $0 + ($1.kind == .code || $1.kind == .heading ? 0 : 1) })
  }

  /// The original text of a UTF-16 range.
  public func string(_ range: Range<Int>) -> String {
    // In ASCII text a UTF-16 offset is a UTF-8 offset: the string's own bytes are copied, not transcoded
    // (through its storage: offsetting its indices and converting a substring cost more than the copy).
    if isASCII,
      let string = text.utf8.withContiguousStorageIfAvailable({
        String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
      })
    {
      return string
    }
    return utf16.string(range)
  }

  /// The Unicode-scalar offset of a UTF-16 offset.
  public func scalarOffset(_ utf16Offset: Int) -> Int {
    scalarOffsets.isEmpty ? utf16Offset : Int(scalarOffsets[utf16Offset])
  }

  /// The UTF-16 offset of a Unicode-scalar offset (the inverse of ``scalarOffset(_:)``).
  /// - Complexity: O(log n).
  public func utf16Offset(ofScalar scalar: Int) -> Int {
    if scalarOffsets.isEmpty { return min(max(scalar, 0), utf16.count) }
    var low = 0, high = scalarOffsets.count - 1
    while low < high {
      let mid = (low + high) / 2
      if Int(scalarOffsets[mid]) < scalar { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// 1-based line and column (in scalars) of a UTF-16 offset.
  public func lineAndColumn(_ utf16Offset: Int) -> (line: Int, column: Int) {
    var low = 0, high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= utf16Offset { low = mid } else { high = mid - 1 }
    }
    return (low + 1, scalarOffset(utf16Offset) - scalarOffset(lineStarts[low]) + 1)
  }

  /// The reported form of a UTF-16 range of the original text.
  public func span(_ range: Range<Int>) -> Span {
    let (line, column) = lineAndColumn(range.lowerBound)
    return Span(
      start: scalarOffset(range.lowerBound), end: scalarOffset(range.upperBound), line: line, column: column,
      text: string(range))
  }

  /// The normalized form of token `index` (its ``Token/normalizedBytes``) as a string.
  public func normalized(_ index: Int) -> String {
    normalizedUTF8.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[tokens[index].normalizedBytes]), as: UTF8.self)
    }
  }

  /// Whether the normalized form of token `index` is `word`, compared byte by byte (no string is built).
  @inlinable
  public func normalized(_ index: Int, is word: StaticString) -> Bool {
    let range = tokens[index].normalizedBytes
    return word.withUTF8Buffer { word in
      word.count == range.count
        && normalizedUTF8.withUnsafeBufferPointer { word.elementsEqual(UnsafeBufferPointer(rebasing: $0[range])) }
    }
  }

  /// How many characters the normalized form of token `index` has (`normalized(index).count`): its bytes
  /// when they are ASCII other than a carriage return (one byte, one character), else the string's count.
  @inlinable
  public func normalizedCount(_ index: Int) -> Int {
    let range = tokens[index].normalizedBytes
    let simple = normalizedUTF8.withUnsafeBufferPointer {
      UnsafeBufferPointer(rebasing: $0[range]).allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
    return simple ? range.count : normalized(index).count
  }

  /// Whether tokens `a` and `b` have the same normalized form (compared byte by byte).
  @inlinable
  public func sameNormalized(_ a: Int, _ b: Int) -> Bool {
    let first = tokens[a].normalizedBytes, second = tokens[b].normalizedBytes
    return first.count == second.count
      && normalizedUTF8.withUnsafeBufferPointer {
        UnsafeBufferPointer(rebasing: $0[first]).elementsEqual(UnsafeBufferPointer(rebasing: $0[second]))
      }
  }

  /// The tokens of a sentence.
  public func tokens(of sentence: Sentence) -> ArraySlice<Token> { tokens[sentence.tokens] }
}
