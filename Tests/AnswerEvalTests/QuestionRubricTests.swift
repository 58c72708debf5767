import AnswerEval
import Foundation
import TestSupport
import Testing

/// The bundled question rubrics: how they merge with what they extend, and what they conclude about the
/// mock responses (compared whole with a golden table).
@Suite struct QuestionRubricTests {
  func load(_ name: String) throws -> Rubric {
    try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")])).load(name)
  }

  @Test func aRubricThatExtendsBehavioralKeepsItsCriteriaAndAddsItsPoints() throws {
    let base = try load("behavioral")
    let rubric = try load("deployment-tradeoff")
    #expect(rubric.id == "deployment-tradeoff" && rubric.extends == "behavioral" && rubric.version == "1.0.0")
    #expect(rubric.language == "en" && rubric.levels == base.levels)
    let ids = rubric.criteria.map(\.id)
    #expect(Array(ids.prefix(base.criteria.count)) == base.criteria.map(\.id))
    #expect(
      Array(ids.dropFirst(base.criteria.count)) == [
        "coverage.speed-accuracy", "coverage.freshness-cost", "coverage.complexity-interpretability",
        "coverage.business-impact", "coverage.monitoring", "pitfall.off-topic",
      ])
    #expect(rubric.packs.map(\.id) == base.packs.map(\.id) + ["ml-deployment.en", "function-words.en"])
    let speed = try #require(rubric.criteria.first { $0.id == "coverage.speed-accuracy" })
    #expect(
      speed.detector == "coverage" && speed.weight == 8
        && speed.parameters["aspects"] == .strings(["speed", "accuracy"]))
  }

  @Test func anInheritedCriterionIsRetunedKeyByKey() throws {
    let rubric = try load("drift-detection-design")
    #expect(rubric.extends == "technical")
    #expect(rubric.criteria.map(\.id).first == "pitfall.off-topic")
    let offTopic = try #require(rubric.criteria.first { $0.id == "pitfall.off-topic" })
    #expect(offTopic.weight == 10 && offTopic.detector == "off-topic")
    #expect(offTopic.parameters["question"] == .string("Design a system to detect model drift."))
    #expect(offTopic.parameters["min_topic_share"] == .number(0.1))
    #expect(offTopic.feedback.present.hasSuffix("Describe the system: what it logs, what it measures, when it alerts."))
  }

  /// One line per mock response graded with the rubric its front matter names: each point's outcome and
  /// whether the answer is off topic.
  @Test func mockResponsesCoverage() throws {
    let folder = Repository.path("Corpora/mock-responses")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
    let grader = try Grader(rubric: try behavioral())
    var table = ""
    for file in files {
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
      let report = try grader.grade(bytes: bytes, source: file, frontMatterRubrics: bundledLibrary).report
      var line = "\(file) \(report.rubric?.id ?? "")"
      for criterion in report.criteria where criterion.id.hasPrefix("coverage.") {
        let outcome = criterion.score == 1 ? "present" : criterion.score > 0 ? "partial" : "missing"
        line += " \(criterion.id.dropFirst("coverage.".count))=\(outcome)"
      }
      if let offTopic = report.criteria.first(where: { $0.id == "pitfall.off-topic" }) {
        line += offTopic.detected ? " OFF-TOPIC" : ""
      }
      table += line + "\n"
    }
    let expected = try String(
      contentsOfFile: Repository.path("Fixtures/coverage/mock-responses.expected"), encoding: .utf8)
    #expect(table == expected)
  }
}
