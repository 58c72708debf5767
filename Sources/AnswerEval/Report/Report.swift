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

  /// A number in the answer (see ``AnswerEval/Quantity``): `text` as written, `value` in the unit as
  /// written with scale words applied (`$2.5M` → 2500000 `USD`), `unit` ("ms", "%", "USD", "/d"; "" for
  /// counts), `kind` (percent, duration, money, count, multiplier, fraction, size, rate, measure, number,
  /// time) and `impact` (it measures the story). Optional fields, present only when they apply:
  /// - `approximate`: true when written with "about", "~", "under", "sub-" and the like;
  /// - `high`: the upper end of a range ("5–10%": value 5, high 10);
  /// - `role`: `before` / `after` in a change ("from 500ms to 50ms"), `delta` for its size ("by 15%");
  /// - `reason`: why it is not impact (`year`, `version`, `name`, `time`, `date`, `label`, `list`,
  ///   `formula`, `metric`, `idiom`, `options`, `one`, `ratio`, `no-story`, `hypothetical`, `advice`,
  ///   `definition`).
  public struct Quantity: Codable, Sendable, Equatable {
    public var text: String
    public var value: Double
    public var unit: String
    public var kind: String
    public var impact: Bool
    public var span: Span
    public var approximate: Bool?
    public var high: Double?
    public var role: String?
    public var reason: String?

    public init(
      text: String, value: Double, unit: String, kind: String, impact: Bool, span: Span, approximate: Bool? = nil,
      high: Double? = nil, role: String? = nil, reason: String? = nil
    ) {
      self.text = text
      self.value = value
      self.unit = unit
      self.kind = kind
      self.impact = impact
      self.span = span
      self.approximate = approximate
      self.high = high
      self.role = role
      self.reason = reason
    }
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
