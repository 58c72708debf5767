import AnswerEval
import AnswerEvalText
import TestSupport
import Testing

@Suite struct GraderFrontMatterTests {
  let answer =
    "---\nquestion: Explain a tradeoff you made in deployment.\nrubric: deployment-tradeoff\n---\n\nWe shipped it.\n"

  @Test func theFrontMatterNamesTheRubric() throws {
    let text = try TextAnalyzer().analyze(answer, source: "a.md")
    #expect(Grader.frontMatterRubric(of: text) == "deployment-tradeoff")
    #expect(Grader.frontMatterRubric(of: try TextAnalyzer().analyze("We shipped it.", source: "b.md")) == nil)
  }

  @Test func gradingFollowsTheFrontMatter() throws {
    let grader = try Grader(rubric: try behavioral())
    let graded = try grader.grade(bytes: Array(answer.utf8), source: "a.md", frontMatterRubrics: bundledLibrary)
    #expect(graded.report.rubric?.id == "deployment-tradeoff")
    #expect(graded.report.criteria.contains { $0.id == "coverage.monitoring" })
  }

  @Test func withoutFrontMatterTheGradersRubricGrades() throws {
    let grader = try Grader(rubric: try behavioral())
    let graded = try grader.grade(
      bytes: Array("We shipped it.".utf8), source: "b.md", frontMatterRubrics: bundledLibrary)
    #expect(graded.report.rubric?.id == "behavioral")
  }

  @Test func anUnknownFrontMatterRubricIsReportedAtItsLine() throws {
    let grader = try Grader(rubric: try behavioral())
    let bytes = Array("---\nquestion: Why?\nrubric: no-such-rubric\n---\n\nWe shipped it.\n".utf8)
    let error = try #require(throws: RubricError.self) {
      try grader.grade(bytes: bytes, source: "c.md", frontMatterRubrics: bundledLibrary)
    }
    #expect(error.file == "c.md" && error.line == 3 && error.column == 1 && error.id == "no-such-rubric")
    #expect(error.message.hasPrefix("front matter `rubric: no-such-rubric`: no rubric named `no-such-rubric`; "))
    #expect(error.message.hasSuffix("; fix the `rubric:` line or pass --rubric"))
  }
}
