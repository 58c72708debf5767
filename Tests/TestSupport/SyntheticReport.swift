import AnswerEval
import AnswerEvalText
import Foundation

/// A fully populated report — rubric, score, criteria with evidence, every section label, quantities and
/// feedback of every severity, with and without spans — and the answer its spans point into, so renderers
/// are tested on every field before the detectors fill them in.
///
/// The report is `Fixtures/reports/synthetic.json`; its spans are exact offsets into
/// `Fixtures/reports/synthetic.md`, which has multibyte characters and a section that spans two lines.
public enum SyntheticReport {
  public static let answerPath = "Fixtures/reports/synthetic.md"

  /// The decoded report.
  public static func report() throws -> Report {
    try JSONDecoder().decode(Report.self, from: Data(contentsOf: Repository.url("Fixtures/reports/synthetic.json")))
  }

  /// The analyzed answer, labelled with its repository-relative path.
  public static func answer() throws -> AnalyzedText {
    let bytes = Array(try Data(contentsOf: Repository.url(answerPath)))
    return try Grader().grade(bytes: bytes, source: answerPath).text
  }
}

extension Repository {
  /// A URL under the root.
  public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
