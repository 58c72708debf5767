/// One answer's row in a batch summary (`--summary`).
///
/// ```swift
/// SummaryRow(graded: report, path: "answers/a.md", rubric: "behavioral")
/// // path "answers/a.md", rubric "behavioral", score nil (no detectors yet), words 241, status graded
/// ```
public struct SummaryRow: Codable, Sendable, Equatable {
  public enum Status: String, Codable, Sendable {
    /// Graded in this run.
    case graded
    /// Could not be read, decoded, graded or written: see `error` and `reason`.
    case failed
    /// Skipped by `--resume`: its report was newer than the answer.
    case unchanged
  }

  /// The answer's path as messages show it.
  public var path: String
  /// The rubric chosen for it (``RubricSelection``); nil when the answer could not be read.
  public var rubric: String?
  /// The report's total score (0–100); nil while reports carry none.
  public var score: Double?
  /// Each criterion's score (0–1) by criterion id.
  public var criteria: [String: Double]
  public var words: Int?
  public var status: Status
  /// The error id (`text.utf8`) of a failed answer.
  public var error: String?
  /// The error message of a failed answer.
  public var reason: String?

  public init(
    path: String, rubric: String? = nil, score: Double? = nil, criteria: [String: Double] = [:], words: Int? = nil,
    status: Status, error: String? = nil, reason: String? = nil
  ) {
    self.path = path
    self.rubric = rubric
    self.score = score
    self.criteria = criteria
    self.words = words
    self.status = status
    self.error = error
    self.reason = reason
  }

  /// The row of an answer whose report is `report`.
  public init(graded report: Report, path: String, rubric: String?, status: Status = .graded) {
    self.init(
      path: path, rubric: rubric, score: report.score?.total,
      criteria: Dictionary(report.criteria.map { ($0.id, $0.score) }, uniquingKeysWith: { _, last in last }),
      words: report.source.words, status: status)
  }

  /// The row of an answer that failed with `diagnostic`.
  public init(failed path: String, rubric: String? = nil, diagnostic: Diagnostic) {
    self.init(path: path, rubric: rubric, status: .failed, error: diagnostic.id, reason: diagnostic.message)
  }
}
