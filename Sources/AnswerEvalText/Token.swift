/// One token of an answer.
///
/// `range` is in UTF-16 units of the original text (``AnalyzedText/span(_:)`` turns it into a reported
/// ``Span``); `normalizedBytes` is where its folded form (``NormalizedText``), the form cues match against,
/// lies in ``AnalyzedText/normalizedUTF8`` (``AnalyzedText/normalized(_:)`` makes it a string). A token holds
/// no string, so copying one retains nothing and an answer's tokens are freed at once.
public struct Token: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case word, number, ideographic, kana, symbol, punctuation

    /// Words, numbers, ideographs and kana count as words in the statistics.
    @inlinable public var isWordLike: Bool { self != .punctuation && self != .symbol }
  }

  // Stored in this order, the two one-byte fields last, so a token takes 48 bytes rather than 56 (Swift lays
  // out stored properties in the order they are declared): a large answer has about one token per 5 bytes.
  public var range: Range<Int>
  /// Its normalized form's UTF-8 bytes: `AnalyzedText.normalizedUTF8[normalizedBytes]`.
  public var normalizedBytes: Range<Int>
  /// The index of the sentence holding it.
  public var sentence: Int
  public var kind: Kind
  /// True when nothing separates this token from the previous one ("ms" in "500ms", "%" in "15%").
  public var glued: Bool

  public init(kind: Kind, range: Range<Int>, normalizedBytes: Range<Int>, glued: Bool, sentence: Int) {
    self.kind = kind
    self.range = range
    self.normalizedBytes = normalizedBytes
    self.glued = glued
    self.sentence = sentence
  }

  /// Words, numbers, ideographs and kana count as words in the statistics.
  @inlinable public var isWordLike: Bool { kind.isWordLike }
}

/// One sentence: its range (UTF-16, original text, trimmed of surrounding spaces and markup), the block
/// it belongs to and the range of its tokens in ``AnalyzedText/tokens``.
public struct Sentence: Sendable, Equatable {
  public var range: Range<Int>
  public var block: Int
  public var tokens: Range<Int>
}
