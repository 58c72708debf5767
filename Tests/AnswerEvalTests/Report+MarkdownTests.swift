import AnswerEval
import AnswerEvalText
import Foundation
import TestSupport
import Testing

@Suite struct ReportMarkdownTests {
  private func render(_ report: Report, answer: AnalyzedText? = nil) throws -> String {
    try ReportFormat.markdown.render(report, answer: answer)
  }

  @Test func titleScoreAndStatistics() throws {
    let markdown = try render(try SyntheticReport.report())
    #expect(
      markdown.hasPrefix(
        """
        ## `Fixtures/reports/synthetic.md`

        **Score 82.5/100 · strong** · rubric `default` 1

        70 words · 5 sentences · 2 paragraphs · 379 characters

        ### Criteria

        """))
  }

  @Test func criteriaTable() throws {
    let markdown = try render(try SyntheticReport.report())
    #expect(
      markdown.contains(
        "| ● | `star.action` | 0.75 | 1.5 | Your own actions are clear; say how you rolled the cache out. | "
          + "4:9 “I weighed caching against a read replica”<br>4:51 “I chose the cache” |\n"))
    #expect(markdown.contains("| ○ | `pitfall.hedging` | 1.00 | 0.5 | No hedging found. |  |\n"))
  }

  @Test func sectionsFeedbackAndQuantities() throws {
    let markdown = try render(try SyntheticReport.report())
    #expect(
      markdown.contains(
        "| action | 4:1-5:50 | 0.90 | “Action: I weighed caching against a read replica; I chose t…” |\n"))
    #expect(markdown.contains("**Warnings**\n\n- `pitfall.too-short`: At 70 words the answer is short; "))
    #expect(
      markdown.contains(
        "- `tradeoff`: Say why stale prices for 30 seconds were acceptable to the business. (5:1 “at the"))
    #expect(markdown.hasSuffix("| 6:77 | 15\\% | percent | 15 %, delta | impact |\n") == false)
    #expect(markdown.hasSuffix("| 6:77 | 15% | percent | 15 %, delta | impact |\n"))
    #expect(markdown.contains("| 5:39 | 30 seconds | duration | \\~0–30 s | impact |\n"))
  }

  @Test func answerIsACodeBlockWithSectionsMarked() throws {
    let markdown = try render(try SyntheticReport.report(), answer: try SyntheticReport.answer())
    #expect(markdown.contains("### Answer\n\n```text\n1 situation  │ Situation: Our checkout API"))
  }

  @Test func answerWithAFenceGetsALongerFence() throws {
    let graded = try Grader().grade(bytes: Array("Text.\n\n````swift\nx\n````\n".utf8), source: "a.md")
    let markdown = try render(Report(statisticsOf: graded.text), answer: graded.text)
    #expect(markdown.contains("\n`````text\n1 │ Text.\n"))
    #expect(markdown.hasSuffix("5 │ ````\n`````\n"))
  }

  @Test func textFromTheAnswerCannotBecomeMarkup() throws {
    var report = try SyntheticReport.report()
    report.feedback[0].message = "Use *stars*, [links](x), <b>tags</b> | pipes & `ticks`"
    report.criteria[0].id = "a`b|c"
    let markdown = try render(report)
    #expect(markdown.contains("Use \\*stars\\*, \\[links\\]\\(x\\), \\<b\\>tags\\</b\\> \\| pipes \\& \\`ticks\\`"))
    #expect(markdown.contains("| ``a`b\\|c`` |"))
  }

  @Test func statisticsOnlySaysNoRubricGradedIt() throws {
    let graded = try Grader().grade(bytes: Array("We cut costs by 20%\u{1}.".utf8), source: "a|b.md")
    #expect(
      try render(Report(statisticsOf: graded.text), answer: graded.text) == """
        ## `a|b.md`

        5 words · 1 sentence · 1 paragraph · 21 characters

        _Not graded: no rubric graded this answer, so it has no score or feedback yet._

        ### Answer

        ```text
        1 │ We cut costs by 20%␁.
        ```

        """)
  }
}
