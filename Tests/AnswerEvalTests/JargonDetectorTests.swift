import AnswerEvalText
import Testing

@testable import AnswerEval

@Suite struct JargonDetectorTests {
  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: JargonDetector.self).isEmpty)
  }

  @Test func buzzwordsAreEvidenceLongestFirst() throws {
    let text =
      "We leveraged cross-functional synergies to move the needle on our north-star metric, and I circled "
      + "back with stakeholders."
    let (finding, _) = try TestRubrics.finding("pitfall.jargon", text)
    #expect(finding.outcome == .present && finding.score == 0)
    #expect(
      try TestRubrics.evidence("pitfall.jargon", text) == [
        "leveraged", "cross-functional", "synergies", "move the needle", "north-star", "circled back", "stakeholders",
      ])
  }

  @Test func acronymStacksCountOnce() throws {
    let text = "I drove our OKRs, KPIs and SLAs while the API team owned the SDK."
    #expect(try TestRubrics.evidence("pitfall.jargon", text).isEmpty)
    let context = try TestRubrics.context(text)
    let stacks = JargonDetector.acronymStacks(in: context.text, minimum: 3)
    #expect(stacks.map { context.text.string($0) } == ["OKRs, KPIs and SLAs"])
  }

  @Test func acronymsAreWrittenInCapitals() throws {
    let text = try TextAnalyzer().analyze("KPIs gRPC SLO Ok MLOps A", source: "t")
    #expect(text.tokens.map { JargonDetector.isAcronym($0, in: text) } == [true, false, true, false, false, false])
  }

  @Test func oneBuzzwordInAStoryIsFine() throws {
    let text =
      "Last spring I leveraged our existing queue to move the nightly import off cron. Imports that took six "
      + "hours finished in forty minutes, and the on-call pages for late feeds stopped."
    #expect(try TestRubrics.finding("pitfall.jargon", text).finding.outcome == .missing)
  }
}
