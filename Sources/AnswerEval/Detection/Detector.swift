import AnswerEvalText

/// What a detector is, for rubric validation, `answer-eval rubric show` and the README: its id, what it
/// finds, why, its parameters and the cue pack it reads, with examples that run in the tests.
public struct DetectorDescriptor: Sendable {
  public struct Parameter: Sendable {
    /// What the loader checks a parameter's value against, at the value's position in the YAML.
    public enum Kind: Sendable, Equatable {
      /// Any value; the detector reads it as it needs.
      case any
      /// A number.
      case number
      /// `true` or `false`.
      case flag
      /// One of these words.
      case oneOf([String])
      /// The id of another, quality criterion of the same rubric (so references never form a cycle).
      case criterion
    }

    public var name: String
    public var summary: String
    public var required: Bool
    public var kind: Kind

    public init(_ name: String, _ summary: String, required: Bool = false, kind: Kind = .any) {
      self.name = name
      self.summary = summary
      self.required = required
      self.kind = kind
    }
  }

  /// An answer and what the detector must conclude about it with a bundled rubric: `behavioral`, unless
  /// the example names another (question-specific detectors must).
  public struct Example: Sendable {
    public var text: String
    public var detected: Bool
    /// The criterion whose finding is checked (detectors that serve several criteria name one).
    public var criterion: String
    /// The id of the bundled rubric that grades the example.
    public var rubric: String
    /// Where the example is written, for failure messages.
    public var file: String
    public var line: Int

    public init(
      _ text: String, detected: Bool, criterion: String, rubric: String = "behavioral", file: String = #filePath,
      line: Int = #line
    ) {
      self.text = text
      self.detected = detected
      self.criterion = criterion
      self.rubric = rubric
      self.file = file
      self.line = line
    }
  }

  public enum Kind: String, Sendable {
    /// Detected is good (a section, a tradeoff).
    case quality
    /// Detected is a mistake (hedging, blame).
    case pitfall
  }

  public var id: String
  public var kind: Kind
  public var summary: String
  public var rationale: String
  /// The `detector:` values of the cue packs it needs.
  public var packs: [String]
  public var parameters: [Parameter]
  public var examples: [Example]
}

/// What a detector concluded about one criterion in one answer.
public struct Finding: Sendable {
  public enum Outcome: String, Sendable { case present, partial, missing }

  /// For quality criteria: the thing is there. For pitfalls: the mistake is there.
  public var detected: Bool
  /// 0–1, where 1 is best (a pitfall that is absent scores 1).
  public var score: Double
  public var outcome: Outcome
  /// UTF-16 ranges of the original text.
  public var evidence: [Range<Int>]
  /// Values for the feedback template (`found`, `missing`, `count`, `value`).
  public var values: [String: String]

  public init(
    detected: Bool, score: Double, outcome: Outcome, evidence: [Range<Int>] = [], values: [String: String] = [:]
  ) {
    self.detected = detected
    self.score = score
    self.outcome = outcome
    self.evidence = evidence
    self.values = values
  }
}

/// A detector: reads an answer (through the shared ``AnswerContext``) and concludes about one criterion.
///
/// One detector per file in `Sources/AnswerEval/Detectors`, named after it, with its descriptor (and
/// examples) at the top.
public protocol Detector: Sendable {
  static var descriptor: DetectorDescriptor { get }
  init()
  func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding
}
