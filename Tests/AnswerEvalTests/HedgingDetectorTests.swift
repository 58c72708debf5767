import AnswerEval
import Testing

@Suite struct HedgingDetectorTests {
  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: HedgingDetector.self).isEmpty)
  }

  @Test func vagueStoryIsTheFullMistakeWithEveryHedgeAsEvidence() throws {
    let text =
      "At my last job we had some issues with one of the APIs being slow. I looked into it and found some "
      + "queries that weren't great, so I fixed them and added some caching. After that it was a lot better "
      + "and the team was happy with it."
    let (finding, _) = try TestRubrics.finding("pitfall.hedging", text)
    #expect(finding.outcome == .present && finding.score == 0 && finding.detected)
    #expect(
      try TestRubrics.evidence("pitfall.hedging", text) == [
        "some issues", "some queries", "weren't great", "some caching", "it was a lot better", "the team was happy",
      ])
    #expect(finding.values["count"] == "6")
    #expect(finding.values["found"] == "“some issues”, “some queries” and “weren't great”")
  }

  @Test func aFewHedgesInALongerAnswerAreAWarning() throws {
    let text =
      "Last year our nightly import took six hours and often missed the 7 a.m. deadline. I think the main "
      + "problem was kind of one slow supplier feed that blocked the others. I moved each feed to its own worker on a "
      + "queue, added retries with backoff and an alert when a feed ran late. Imports now finish in about forty "
      + "minutes, and the team was happy with the change."
    let (finding, _) = try TestRubrics.finding("pitfall.hedging", text)
    #expect(finding.outcome == .partial && finding.score == 0.5)
    #expect(try TestRubrics.evidence("pitfall.hedging", text) == ["I think", "kind of", "the team was happy"])
  }

  @Test func oneHedgeIsNotAPattern() throws {
    let (finding, evidence) = try TestRubrics.finding("pitfall.hedging", "Maybe I should have asked sooner.")
    #expect(finding.outcome == .missing && finding.score == 1 && evidence.isEmpty)
  }

  @Test func unmeasuredAmountsCountOnlyWithoutANumber() throws {
    let measured = "Latency dropped significantly, a lot more than planned: from 900 ms to 80 ms."
    #expect(try TestRubrics.finding("pitfall.hedging", measured).finding.outcome == .missing)
    let unmeasured = "Latency dropped significantly, a lot more than planned."
    #expect(try TestRubrics.evidence("pitfall.hedging", unmeasured) == ["significantly", "a lot"])
  }

  @Test func whatKindOfIsNotAHedge() throws {
    let text = "What kind of model? We sort of guessed, kind of."
    #expect(try TestRubrics.evidence("pitfall.hedging", text) == ["sort of", "kind of"])
  }
}
