import AnswerEval
import Testing

@Suite struct BlameDetectorTests {
  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: BlameDetector.self).isEmpty)
  }

  @Test func blameWithNothingOwnedIsTheMistake() throws {
    let text =
      "The release slipped by two weeks. Honestly it was their fault: the QA team dropped the ball and the "
      + "incompetent vendor never sent the build."
    let (finding, _) = try TestRubrics.finding("pitfall.blame", text)
    #expect(finding.outcome == .present && finding.score == 0)
    #expect(
      try TestRubrics.evidence("pitfall.blame", text) == ["it was their fault", "dropped the ball", "incompetent"])
    #expect(finding.values["found"] == "“it was their fault”, “dropped the ball” and “incompetent”")
  }

  @Test func heavyBlameNextToOwnershipIsAWarning() throws {
    let text =
      "It was their fault: the QA team dropped the ball. Looking back, I should have asked for the test plan."
    let (finding, evidence) = try TestRubrics.finding("pitfall.blame", text)
    #expect(finding.outcome == .partial && finding.score == 0.5)
    #expect(evidence.map(\.text) == ["It was their fault", "dropped the ball"])
  }

  @Test func lightBlameNextToOwnershipIsFine() throws {
    let text = "The QA team dropped the ball, but it was my mistake not to check the test plan."
    #expect(try TestRubrics.finding("pitfall.blame", text).finding.outcome == .missing)
  }

  @Test func contextWordingNeedsToPileUp() throws {
    let once = "My manager didn't agree, so I built a prototype."
    #expect(try TestRubrics.finding("pitfall.blame", once).finding.outcome == .missing)
    let twice = "My manager didn't reply for a week and nobody told us about the freeze."
    #expect(try TestRubrics.evidence("pitfall.blame", twice) == ["My manager didn't", "nobody told us"])
  }

  @Test func ownFaultIsNotBlame() throws {
    #expect(
      try TestRubrics.finding("pitfall.blame", "It was my fault; I skipped the canary.").finding.detected == false)
  }
}
