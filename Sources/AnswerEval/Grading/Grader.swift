import AnswerEvalText

/// Grades answers: bytes or text in, a ``Report`` out.
///
/// A grader owns ICU break iterators and is not thread-safe: give each thread its own. Compiled rubrics
/// are immutable and shared.
///
/// ```swift
/// let grader = try Grader()   // the bundled `behavioral` rubric
/// let report = try grader.grade(bytes: Array("We cut latency by 40%.".utf8), source: "a.md").report
/// report.source.words   // 5
/// ```
public final class Grader {
  public let analyzer: TextAnalyzer
  public let rubric: CompiledRubric
  /// The terms of words matched before, for the answers this grader grades next (a grader is used by one
  /// thread at a time).
  private let termCache = TermCache()
  /// The gibberish detector's verdicts on the letters of words judged before, likewise.
  private let letterVerdicts = LetterVerdictCache()

  public init(rubric: CompiledRubric) throws {
    analyzer = try TextAnalyzer(locale: rubric.rubric.language.isEmpty ? "en" : rubric.rubric.language)
    self.rubric = rubric
  }

  /// A grader for the bundled default rubric (`behavioral`).
  public convenience init() throws {
    try self.init(rubric: try RubricLibrary.shared.compiled(RubricLibrary.defaultName))
  }

  /// The outcome of decoding and grading one input.
  public struct Graded: Sendable {
    public var report: Report
    public var text: AnalyzedText
    /// Invalid bytes replaced with U+FFFD (only with `lossy`).
    public var replacements: Int
    /// The rubric that graded it.
    public var rubric: CompiledRubric
  }

  /// Decodes, analyzes and grades the bytes of one answer read from `source`.
  /// - Parameter rubric: the rubric to grade with (default: the grader's).
  /// - Throws: ``TextError`` for undecodable or binary input; ``InputError/empty(path:)`` for an empty one.
  public func grade(bytes: [UInt8], source: String, lossy: Bool = false, rubric: CompiledRubric? = nil) throws
    -> Graded
  {
    let (text, decoded) = try analyze(bytes: bytes, source: source, lossy: lossy)
    return Graded(
      report: grade(text, rubric: rubric), text: text, replacements: decoded.replacements,
      rubric: rubric ?? self.rubric)
  }

  /// Decodes and analyzes the bytes of one answer, refusing an empty one. This is the one place that decides
  /// what an empty answer is, so every command that grades bytes (`score`, `explain`, `tokens`, `batch`)
  /// says the same: no characters, or only white space (Unicode `White_Space`: spaces, tabs, line breaks,
  /// no-break and ideographic spaces), after the byte-order mark.
  ///
  /// ```swift
  /// try grader.analyze(bytes: Array(" \n\t".utf8), source: "a.md")
  /// // throws: a.md: error: [input.empty] is empty or only white space; write the answer in the file, or remove it
  /// ```
  ///
  /// - Throws: ``TextError`` for undecodable or binary input; ``InputError/empty(path:)`` naming `source`.
  public func analyze(bytes: [UInt8], source: String, lossy: Bool = false) throws -> (
    text: AnalyzedText, decoded: TextDecoder.Decoded
  ) {
    let decoded = try TextDecoder.decode(bytes, source: source, lossy: lossy)
    if decoded.text.allSatisfy(\.isWhitespace) { throw InputError.empty(path: source) }
    return (try analyzer.analyze(decoded.text, source: source), decoded)
  }

  /// Grades an analyzed answer.
  public func grade(_ text: AnalyzedText, rubric: CompiledRubric? = nil) -> Report {
    var clock = NoStageClock()
    return grade(text, rubric: rubric, clock: &clock)
  }

  /// ``grade(_:rubric:)``, telling `clock` as each stage ends (match, detect, score).
  public func grade<Clock: StageClock>(_ text: AnalyzedText, rubric: CompiledRubric? = nil, clock: inout Clock)
    -> Report
  {
    let rubric = rubric ?? self.rubric
    let context = AnswerContext(text: text, rubric: rubric, termCache: termCache, letterVerdicts: letterVerdicts)
    context.matchCues()
    clock.lap(.match)
    let findings = rubric.detectors.indices.map { context.finding(at: $0) }
    clock.lap(.detect)
    let report = Scorer.report(for: context, findings: findings)
    clock.lap(.score)
    return report
  }
}
