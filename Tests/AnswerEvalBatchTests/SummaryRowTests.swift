import AnswerEval
import Foundation
import Testing

/// A report as graded by a rubric, made through the report's JSON contract.
func makeReport(
  path: String = "a.md", words: Int = 120, score: Double? = nil, criteria: [(String, Bool, Double)] = [],
  warnings: [String] = []
) throws -> Report {
  var object: [String: Any] = [
    "schema": Report.schemaID,
    "source": ["path": path, "characters": 600, "words": words, "sentences": 8, "paragraphs": 2],
    "criteria": criteria.map {
      ["id": $0.0, "detected": $0.1, "score": $0.2, "weight": 1, "evidence": [], "feedback": ""]
    },
    "sections": [], "quantities": [],
    "feedback": warnings.map { ["criterion": $0, "severity": "warning", "message": "m"] },
  ]
  if let score { object["score"] = ["total": score, "level": "x"] }
  return try JSONDecoder().decode(Report.self, from: JSONSerialization.data(withJSONObject: object))
}

@Suite struct SummaryRowTests {
  @Test func rowOfAStatisticsOnlyReportHasNoScore() throws {
    let row = SummaryRow(graded: try makeReport(words: 42), path: "in/a.md", rubric: "behavioral")
    #expect(
      row == SummaryRow(path: "in/a.md", rubric: "behavioral", score: nil, criteria: [:], words: 42, status: .graded))
  }

  @Test func rowOfAGradedReportCarriesEveryCriterion() throws {
    let report = try makeReport(score: 72.5, criteria: [("star.situation", true, 1), ("tradeoff", false, 0.25)])
    let row = SummaryRow(graded: report, path: "a.md", rubric: "behavioral")
    #expect(row.score == 72.5 && row.criteria == ["star.situation": 1, "tradeoff": 0.25])
  }

  @Test func rowOfAFailureCarriesIdAndMessage() {
    let row = SummaryRow(failed: "a.md", diagnostic: Diagnostic(InputError.empty(path: "a.md")))
    #expect(row.status == .failed && row.error == "input.empty" && row.reason?.hasPrefix("is empty") == true)
    #expect(row.words == nil && row.rubric == nil)
  }
}
