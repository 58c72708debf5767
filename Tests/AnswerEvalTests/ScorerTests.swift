import AnswerEval
import AnswerEvalText
import Testing

@Suite struct ScorerTests {
  func grade(_ text: String) throws -> Report {
    let grader = try Grader(rubric: TestRubrics.behavioral)
    return grader.grade(try grader.analyzer.analyze(text, source: "t"))
  }

  @Test func stuffingCapsTheTotalEvenWhenSectionsAreFound() throws {
    // Labels make sections, and "leveraged" reads as past tense, but there is no story behind the words.
    let text =
      "Situation: A dynamic, high-growth environment with many competing priorities. Task: Align on strategic "
      + "direction. Action: I proactively leveraged radical candour and stakeholder empathy to reach a win-win "
      + "outcome. Result: Stronger alignment, enhanced synergy and a more impactful roadmap. Learned: "
      + "Disagreement is a gift."
    let report = try grade(text)
    #expect(report.criteria.first { $0.id == "star.action" }?.detected == true)
    #expect(report.criteria.first { $0.id == "pitfall.keyword-stuffing" }?.score == 0)
    #expect(report.score?.total == 30 && report.score?.level == "weak")
  }

  @Test func gibberishCapsTheTotal() throws {
    let report = try grade("asdf asdf ;lkj qwerty")
    #expect((report.score?.total ?? 100) <= 20 && report.score?.level == "weak")
  }

  @Test func aCapIsForPitfallsOnly() throws {
    let file = try TestRubrics.write(
      """
      id: cap-test
      version: 1.0.0
      extends: behavioral
      criteria:
        - id: star.result
          cap: 50
      """)
    let error = try #require(throws: RubricError.self) { try TestRubrics.load(file: file) }
    #expect(error.line == 6 && error.column == 10)
    #expect(error.message == "`cap` limits the total when a mistake is found; only pitfall criteria take it")
  }
}
