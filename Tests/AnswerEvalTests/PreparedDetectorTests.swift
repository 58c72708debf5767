import AnswerEval
import AnswerEvalText
import Foundation
import TestSupport
import Testing

/// Detectors that work out part of their reading of a rubric once (``Detector/prepared(for:in:matcher:)``)
/// must conclude exactly as the same detector made with `init()`, which works it out for every answer.
@Suite struct PreparedDetectorTests {
  /// The finding as one line: outcome, score, evidence and feedback values, so that any difference shows.
  func line(_ finding: Finding) -> String {
    let values = finding.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return "\(finding.outcome) \(finding.detected) \(finding.score) \(finding.evidence) \(values)"
  }

  /// Every mock response and every labelled answer, graded with each bundled question rubric: each
  /// coverage and off-topic criterion's finding from the compiled rubric against a fresh detector's.
  @Test func preparedCoverageAndOffTopicConcludeAsUnprepared() throws {
    var files: [String] = []
    for folder in ["Corpora/mock-responses", "Corpora/labelled"] {
      let path = Repository.path(folder)
      let names = try FileManager.default.subpathsOfDirectory(atPath: path).filter { $0.hasSuffix(".md") }.sorted()
      files += names.map { path + "/" + $0 }
    }
    #expect(files.count > 40)
    var compared = 0, detected = 0, differences: [String] = []
    for name in ["deployment-tradeoff", "drift-detection-design", "ml-deployment-pitfalls"] {
      let rubric = try bundledLibrary.compiled(name)
      for file in files {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let text = try TextAnalyzer().analyze(bytes: bytes, source: file).text
        let prepared = AnswerContext(text: text, rubric: rubric)
        let unprepared = AnswerContext(text: text, rubric: rubric)
        for criterion in rubric.rubric.criteria {
          let fresh: Finding
          switch criterion.detector {
          case CoverageDetector.descriptor.id: fresh = CoverageDetector().evaluate(criterion, in: unprepared)
          case OffTopicDetector.descriptor.id: fresh = OffTopicDetector().evaluate(criterion, in: unprepared)
          default: continue
          }
          let kept = try #require(prepared.finding(of: criterion.id))
          compared += 1
          if kept.detected { detected += 1 }
          if line(kept) != line(fresh) {
            differences.append("\(name) \(file) \(criterion.id):\n  \(line(kept))\n  \(line(fresh))")
          }
        }
      }
    }
    #expect(differences == [])
    // Enough of both outcomes that a wrong table would show.
    #expect(compared > 500 && detected > 50 && compared - detected > 50)
  }
}
