import AnswerEval
import Testing

@Suite struct WeWithoutIDetectorTests {
  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: WeWithoutIDetector.self).isEmpty)
  }

  @Test func actionsAllWeIsAWarningWithEveryWe() throws {
    let text =
      "Last year our payments service kept timing out during sales. We profiled the database, we added an "
      + "index on the orders table and we moved the reports to a replica. Timeouts fell from 5% to 0.1%."
    let (finding, _) = try TestRubrics.finding("pitfall.we-without-i", text)
    #expect(finding.outcome == .partial && finding.score == 0.5 && finding.detected)
    #expect(try TestRubrics.evidence("pitfall.we-without-i", text) == ["We", "we", "we"])
    #expect(finding.values["count"] == "3")
  }

  @Test func oneIInTheActionsIsEnough() throws {
    let text =
      "Last year our payments service kept timing out during sales. We profiled the database, my part was "
      + "the index on the orders table, and we moved the reports to a replica. Timeouts fell from 5% to 0.1%."
    #expect(try TestRubrics.finding("pitfall.we-without-i", text).finding.outcome == .missing)
  }

  @Test func weOutsideTheActionsDoesNotCount() throws {
    let text =
      "Last year we had a payments service that we ran for our shops, and we kept timing out. I profiled "
      + "the database and I added an index. Timeouts fell from 5% to 0.1%."
    #expect(try TestRubrics.finding("pitfall.we-without-i", text).finding.outcome == .missing)
  }

  @Test func noStoryIsNotMeasured() throws {
    let text = "We should profile first, we should measure after, and we should always keep a rollback ready."
    let (finding, evidence) = try TestRubrics.finding("pitfall.we-without-i", text)
    #expect(finding.outcome == .missing && evidence.isEmpty)
  }
}
