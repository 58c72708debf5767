import AnswerEvalText

/// Grades answers: bytes or text in, a ``Report`` out.
///
/// A grader owns ICU break iterators and is not thread-safe: give each thread its own.
///
/// ```swift
/// let grader = try Grader()
/// let report = try grader.grade(bytes: Array("We cut latency by 40%.".utf8), source: "a.md")
/// report.source.words   // 5
/// ```
public final class Grader {
  public let analyzer: TextAnalyzer

  public init() throws {
    analyzer = try TextAnalyzer()
  }

  /// The outcome of decoding and grading one input.
  public struct Graded: Sendable {
    public var report: Report
    public var text: AnalyzedText
    /// Invalid bytes replaced with U+FFFD (only with `lossy`).
    public var replacements: Int
  }

  /// Decodes, analyzes and grades the bytes of one answer read from `source`.
  /// - Throws: ``TextError`` for undecodable or binary input.
  public func grade(bytes: [UInt8], source: String, lossy: Bool = false) throws -> Graded {
    let (text, decoded) = try analyzer.analyze(bytes: bytes, source: source, lossy: lossy)
    return Graded(report: grade(text), text: text, replacements: decoded.replacements)
  }

  /// Grades an analyzed answer.
  public func grade(_ text: AnalyzedText) -> Report {
    Report(statisticsOf: text)
  }
}
