import AnswerEval
import AnswerEvalText
import Foundation
import TestSupport
import Testing

@Suite struct ReportTextTests {
  private func render(_ report: Report, answer: AnalyzedText?, color: Bool = false, width: Int = 80) throws -> String {
    try ReportFormat.text.render(report, answer: answer, options: .init(color: color, width: width))
  }

  /// `text` without its ANSI escape sequences.
  private func stripped(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  /// A statistics-only report of `text` with the given sections (`label`, start, end in scalars).
  private func graded(_ text: String, sections: [(String, Int, Int)]) throws -> (Report, AnalyzedText) {
    let graded = try Grader().grade(bytes: Array(text.utf8), source: "a.md")
    var report = graded.report
    let scalars = Array(text.unicodeScalars)
    report.sections = try sections.map { label, start, end in
      let span = Span(
        start: start, end: end, line: 1, column: start + 1,
        text: String(String.UnicodeScalarView(scalars[start..<end])))
      let json = try ReportFormat.encoder(pretty: false).encode(span)
      return try JSONDecoder().decode(
        Report.Section.self,
        from: Data("{\"label\":\"\(label)\",\"confidence\":1,\"span\":\(String(decoding: json, as: UTF8.self))}".utf8))
    }
    return (report, graded.text)
  }

  @Test func scoreAndLevelComeFirst() throws {
    let text = try render(try SyntheticReport.report(), answer: try SyntheticReport.answer())
    #expect(text.hasPrefix("Score 82.5/100 · strong · rubric default 1\nFixtures/reports/synthetic.md\n70 words, "))
  }

  @Test func everyPartInOrder() throws {
    let text = try render(try SyntheticReport.report(), answer: try SyntheticReport.answer())
    let headings = text.components(separatedBy: "\n\n").dropFirst().map { $0.prefix { $0 != "\n" } }
    #expect(headings == ["Criteria", "Sections", "Answer (STAR sections marked)", "Feedback", "Quantities"])
  }

  @Test func criteriaShowScoreWeightFeedbackAndEvidence() throws {
    let text = try render(try SyntheticReport.report(), answer: nil)
    #expect(
      text.contains(
        """
          ● star.action      0.75  weight 1.5
              Your own actions are clear; say how you rolled the cache out.
              4:9 “I weighed caching against a read replica”
              4:51 “I chose the cache”
          ● tradeoff         0.80  weight 2
        """))
    #expect(text.contains("  ○ pitfall.hedging  1.00  weight 0.5\n      No hedging found.\n"))
  }

  @Test func sectionsShowWhereAndConfidence() throws {
    let text = try render(try SyntheticReport.report(), answer: nil)
    #expect(text.contains("  action      4:1-5:50  confidence 0.90\n"))
  }

  @Test func answerLinesAreMarkedWithTheirSection() throws {
    let text = try render(try SyntheticReport.report(), answer: try SyntheticReport.answer())
    #expect(
      text.contains("  2 task       │ Task: I owned the fix and had two weeks.\n  3            │\n  4 action     │ "))
    #expect(text.contains("  5 action     │ at the cost of stale prices for up to 30 seconds.\n"))
  }

  @Test func sectionsSharingALineAreSplitThere() throws {
    let answer = "S: We had an outage. T: I had to fix it. And more."
    let (report, text) = try graded(answer, sections: [("situation", 0, 20), ("task", 21, 40)])
    #expect(
      try render(report, answer: text).contains(
        """
          1 situation │ S: We had an outage.
            task      │ T: I had to fix it.
                      │ And more.

        """))
  }

  @Test func sectionSpanningABlankLineMarksIt() throws {
    let (report, text) = try graded("one\n\ntwo\nthree", sections: [("action", 0, 8)])
    #expect(
      try render(report, answer: text).contains(
        "  1 action │ one\n  2 action │\n  3 action │ two\n  4        │ three\n"))
  }

  @Test func feedbackIsGroupedBySeverityWithExcerpts() throws {
    let text = try render(try SyntheticReport.report(), answer: nil)
    #expect(
      text.contains(
        """
        Feedback
          Strengths
            ✓ star.result: The result is measured: latency before and after, and the
              change in abandoned carts.
              6:9 “p95 latency fell from 800ms to 120ms”
          Suggestions
            → tradeoff: Say why stale prices for 30 seconds were acceptable to the
              business.
              5:1 “at the cost of stale prices for up to 30 seconds”
        """))
    #expect(
      text.contains("  Warnings\n    ! pitfall.too-short: At 70 words the answer is short; interviewers expect\n"))
  }

  @Test func quantitiesAreATable() throws {
    let text = try render(try SyntheticReport.report(), answer: nil)
    #expect(
      text.hasSuffix(
        """
        Quantities
          2:31  “two weeks”   duration  2 wk            impact
          5:39  “30 seconds”  duration  ~0–30 s         impact
          6:10  “95”          count     95              incidental: metric
          6:31  “800ms”       duration  800 ms, before  impact
          6:40  “120ms”       duration  120 ms, after   impact
          6:77  “15%”         percent   15 %, delta     impact

        """))
  }

  @Test func narrowQuantitiesTakeTwoLinesEach() throws {
    let text = try render(try SyntheticReport.report(), answer: nil, width: 40)
    #expect(text.contains("  6:10  “95”\n        count · 95 · incidental: metric\n"))
    #expect(text.contains("  6:31  “800ms”\n        duration · 800 ms, before ·\n        impact\n"))
  }

  @Test func statisticsOnlySaysNoRubricGradedIt() throws {
    let graded = try Grader().grade(bytes: Array("We cut costs by 20%.".utf8), source: "a.md")
    #expect(
      try render(Report(statisticsOf: graded.text), answer: graded.text) == """
        a.md: 5 words, 1 sentence, 1 paragraph, 20 characters
        Not graded: no rubric graded this answer, so it has no score or feedback yet.

        Answer
          1 │ We cut costs by 20%.

        """)
  }

  @Test func withoutTheAnswerThereIsNoListing() throws {
    let text = try render(try SyntheticReport.report(), answer: nil)
    #expect(!text.contains("Answer"))
  }

  @Test func noColourMeansNoEscapeSequences() throws {
    let text = try render(try SyntheticReport.report(), answer: try SyntheticReport.answer())
    #expect(!text.contains("\u{1B}"))
  }

  @Test func colourOnlyAddsEscapeSequences() throws {
    let report = try SyntheticReport.report(), answer = try SyntheticReport.answer()
    let coloured = try render(report, answer: answer, color: true)
    #expect(coloured.contains("\u{1B}[1mScore 82.5/100"))
    #expect(coloured.contains("\u{1B}[34msituation\u{1B}[0m"))
    #expect(stripped(coloured) == (try render(report, answer: answer)))
  }

  @Test(arguments: [40, 50, 60, 80, 100, 120]) func linesFitTheWidth(width: Int) throws {
    let text = try render(try SyntheticReport.report(), answer: try SyntheticReport.answer(), width: width)
    for line in text.split(separator: "\n") {
      #expect(TextLayout.width(line) <= width, "\(line)")
    }
  }

  @Test func controlCharactersFromTheAnswerAreShownNotSent() throws {
    let answer = "The deploy log said \u{1B}[31mfailed\u{1B}[0m\u{7} twice, so I rolled back."
    let graded = try Grader().grade(bytes: Array(answer.utf8), source: "a\u{1B}.md")
    let text = try render(graded.report, answer: graded.text, color: true)
    #expect(stripped(text).contains("a␛.md: "))
    #expect(stripped(text).contains("│ The deploy log said ␛[31mfailed␛[0m␇ twice, so I rolled back."))
    #expect(!stripped(text).contains("\u{1B}"))
  }
}
