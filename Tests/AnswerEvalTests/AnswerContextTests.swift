import AnswerEval
import Foundation
import TestSupport
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

  /// The matches are grouped by detector and sentence in place (a permutation applied along its cycles):
  /// every selection holds exactly the matcher's matches of that detector and sentence, in the matcher's
  /// order, over the whole example answer, whose matches come from six detectors or more.
  @Test func groupedMatchesAreTheMatchersMatchesOfEachDetectorAndSentence() throws {
    let answer = try String(contentsOf: Repository.url("Corpora/examples/answer.md"), encoding: .utf8)
    let context = try TestRubrics.context(answer)
    let all = context.rubric.matcher.matches(in: context.text)
    #expect(all.count > 100)
    let detectors = Set(all.map { context.rubric.packDetector(ofCue: $0.cue) })
    #expect(detectors.count >= 6)
    for detector in detectors.sorted() {
      let own = all.filter { context.rubric.packDetector(ofCue: $0.cue) == detector }
      #expect(Array(context.matches(detector: detector)) == own, "\(detector)")
      for sentence in context.text.sentences.indices {
        #expect(
          Array(context.matches(inSentence: sentence, detector: detector)) == own.filter { $0.sentence == sentence },
          "\(detector), sentence \(sentence)")
      }
    }
    #expect(context.matches(detector: "no-such-detector").isEmpty)
  }
}
