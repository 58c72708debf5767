/// A stretch of the original text as reports show it: Unicode-scalar offsets, end exclusive, 1-based line
/// and column (columns counted in Unicode scalars), and the text itself. A leading byte-order mark is not
/// part of the text.
///
/// ```
/// "Ünï\ncut 40%"  →  "40%" is Span(start: 8, end: 11, line: 2, column: 5, text: "40%")
/// ```
public struct Span: Sendable, Equatable, Hashable, Codable {
  public var start: Int
  public var end: Int
  public var line: Int
  public var column: Int
  public var text: String

  public init(start: Int, end: Int, line: Int, column: Int, text: String) {
    self.start = start
    self.end = end
    self.line = line
    self.column = column
    self.text = text
  }
}

/// Text statistics reported under `source`.
public struct TextStatistics: Sendable, Equatable, Codable {
  /// Unicode scalars of the text (without a byte-order mark).
  public var characters: Int
  /// Word, number, ideographic and kana tokens outside code.
  public var words: Int
  public var sentences: Int
  /// Blocks of prose: paragraphs, list items and block quotes (not headings or code).
  public var paragraphs: Int

  public init(characters: Int, words: Int, sentences: Int, paragraphs: Int) {
    self.characters = characters
    self.words = words
    self.sentences = sentences
    self.paragraphs = paragraphs
  }
}
