import AnswerEval
import Testing

@Suite struct AnswerContextTests {
  @Test func findingOfACriterionIsTheGradersFinding() throws {
    let text =
      "Last spring our checkout page took 6 seconds to load. I profiled it and lazy-loaded the images. Load "
      + "time fell to 1.8 seconds."
    let context = try TestRubrics.context(text)
    let result = try #require(context.finding(of: "star.result"))
    #expect(result.detected && result.outcome == .present)
    #expect(context.finding(of: "pitfall.length")?.values["count"] == "24")
    #expect(context.finding(of: "nothing.like-it") == nil)
  }

  @Test func matchesOfOneDetector() throws {
    let context = try TestRubrics.context("I think maybe it kind of worked.")
    #expect(
      context.matches(detector: "hedging").map { context.text.string(context.range(ofTokens: $0.tokens)) } == [
        "I think", "maybe", "kind of",
      ])
  }
}
