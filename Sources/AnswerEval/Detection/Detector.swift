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

  /// A text the detector writes into its feedback that a cue pack gives in its `wording:`, so that a pack
  /// for another language says it in that language (`Rubrics/README.md`, "Wording").
  ///
  /// The loader accepts under `wording:` only the keys that some detector declares for the pack's kind,
  /// and in each text only the placeholders its key declares.
  ///
  /// ```swift
  /// Wording("clause.one", "One number of a reason.", pack: "quantities", placeholders: ["found", "value"])
  /// // quantities.en.yaml:  wording: {clause: {one: "{found} is {value}"}}
  /// ```
  public struct Wording: Sendable {
    /// The key under `wording:`, nested keys joined with `.` ("evidence.result"). One part may be `*`
    /// ("reason.*.one"): it stands for any word of `names`, or the rest of a signal of the pack's own cues
    /// that starts with `signalPrefix`.
    public var key: String
    public var summary: String
    /// The `detector:` of the packs that give it.
    public var pack: String
    /// The placeholders its text may use (names without braces): some of ``FeedbackTemplate/placeholders``
    /// for a text the detector fills like a feedback template, or its own (`{text}` of a quote).
    public var placeholders: [String]
    /// What `*` in `key` may stand for, besides the signals of `signalPrefix`.
    public var names: [String]
    /// `incidental.` lets `*` stand for "version" when the pack has a cue with signal `incidental.version`.
    public var signalPrefix: String?
    /// What the words `*` stands for are, for messages ("reason of an incidental number").
    public var nameKind: String

    public init(
      _ key: String, _ summary: String, pack: String, placeholders: [String] = [], names: [String] = [],
      signalPrefix: String? = nil, nameKind: String = "name"
    ) {
      precondition(
        placeholders.allSatisfy { !$0.isEmpty && !$0.contains("{") && !$0.contains("}") },
        "wording `\(key)`: placeholders are names without braces")
      precondition(key.split(separator: ".").filter { $0 == "*" }.count <= 1, "wording `\(key)`: at most one `*`")
      self.key = key
      self.summary = summary
      self.pack = pack
      self.placeholders = placeholders
      self.names = names
      self.signalPrefix = signalPrefix
      self.nameKind = nameKind
    }

    /// The word `*` stands for in `key` when `key` has this wording's shape ("reason.year.one" →
    /// "year" for "reason.*.one"), "" when `key` is this wording's key, nil otherwise. Says nothing of
    /// whether the word is one `*` may stand for.
    public func name(in key: String) -> String? {
      guard let star = self.key.range(of: "*") else { return key == self.key ? "" : nil }
      let prefix = self.key[..<star.lowerBound]
      let suffix = self.key[star.upperBound...]
      guard key.count > prefix.count + suffix.count, key.hasPrefix(prefix), key.hasSuffix(suffix) else { return nil }
      return String(key.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// The words `*` may stand for in `pack`: `names`, then the rest of each signal of its cues that
    /// starts with `signalPrefix`, each once.
    public func names(in pack: CuePack) -> [String] {
      var all = names
      if let signalPrefix {
        for cue in pack.cues where cue.signal.hasPrefix(signalPrefix) && cue.signal.count > signalPrefix.count {
          let name = String(cue.signal.dropFirst(signalPrefix.count))
          if !all.contains(name) { all.append(name) }
        }
      }
      return all
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
  /// The texts of its feedback that cue packs give (none: its feedback is all in the rubric's templates).
  public var wording: [Wording] = []
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
  /// This detector ready for `criterion` of `rubric`, whose cues `matcher` holds: what the detector works
  /// out from them alone (word lists, which cues stand for what) worked out now, once per rubric, not once
  /// per answer. ``CompiledRubric`` keeps what this returns and always evaluates it with `criterion`; a
  /// detector made with `init()` and not prepared must give the same findings. The default returns the
  /// detector as it is.
  func prepared(for criterion: Criterion, in rubric: Rubric, matcher: CueMatcher) -> any Detector
  func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding
}

extension Detector {
  public func prepared(for criterion: Criterion, in rubric: Rubric, matcher: CueMatcher) -> any Detector { self }
}
