import AnswerEvalText

/// The report for one answer (contract `answer-eval/report/v1`, see `Schemas/report-v1.schema.json`).
///
/// Every span is an offset into the ORIGINAL text: Unicode-scalar offsets, end exclusive, plus 1-based
/// line and column.
public struct Report: Codable, Sendable, Equatable {
  public static let schemaID = "answer-eval/report/v1"

  public struct Source: Codable, Sendable, Equatable {
    /// The path, `<stdin>`, or the `--stdin-name` label.
    public var path: String
    public var characters: Int
    public var words: Int
    public var sentences: Int
    public var paragraphs: Int
  }

  public struct RubricRef: Codable, Sendable, Equatable {
    public var id: String
    public var version: String
  }

  public struct Score: Codable, Sendable, Equatable {
    /// 0–100.
    public var total: Double
    public var level: String

    public init(total: Double, level: String) {
      self.total = total
      self.level = level
    }
  }

  public struct Criterion: Codable, Sendable, Equatable {
    public var id: String
    public var detected: Bool
    /// 0–1.
    public var score: Double
    public var weight: Double
    public var evidence: [Span]
    public var feedback: String
  }

  public struct Section: Codable, Sendable, Equatable {
    public enum Label: String, Codable, Sendable, CaseIterable {
      case situation, task, action, result, reflection
    }
    public var label: Label
    public var span: Span
    public var confidence: Double
  }

  public struct Quantity: Codable, Sendable, Equatable {
    public var text: String
    public var value: Double
    public var unit: String
    public var kind: String
    public var impact: Bool
    public var span: Span
  }

  public struct Feedback: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable { case strength, suggestion, warning }
    public var criterion: String
    public var severity: Severity
    public var message: String
    public var span: Span?
  }

  public var schema: String = Report.schemaID
  public var source: Source
  public var rubric: RubricRef?
  public var score: Score?
  public var criteria: [Criterion]
  public var sections: [Section]
  public var quantities: [Quantity]
  public var feedback: [Feedback]

  /// A report that carries only the text statistics of `text` (no rubric has graded it).
  public init(statisticsOf text: AnalyzedText) {
    let stats = text.statistics
    source = Source(
      path: text.source, characters: stats.characters, words: stats.words, sentences: stats.sentences,
      paragraphs: stats.paragraphs)
    rubric = nil
    score = nil
    criteria = []
    sections = []
    quantities = []
    feedback = []
  }
}
