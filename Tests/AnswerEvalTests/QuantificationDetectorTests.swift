import AnswerEval
import Testing

@Suite struct QuantificationDetectorTests {
  func criterion(_ report: Report) -> Report.Criterion? { report.criteria.first { $0.id == "quantification" } }

  @Test func descriptorExamples() throws {
    for example in QuantificationDetector.descriptor.examples {
      let found = criterion(try grade(example.text))
      #expect(found?.detected == example.detected, "\(example.text)")
    }
  }

  @Test func anOutcomeIsPresentWithItsNumbersAsEvidence() throws {
    let report = try grade(
      "Last spring our checkout page took 6 seconds to load. I profiled it and lazy-loaded the images. "
        + "Load time fell to 1.8 seconds and conversion rose by 4%.")
    let found = try #require(criterion(report))
    #expect(found.detected && found.score == 1)
    #expect(found.evidence.map(\.text) == ["6 seconds", "1.8 seconds", "4%"])
    #expect(found.feedback == "You measure what changed: “6 seconds”, “1.8 seconds” and “4%”.")
  }

  @Test func onlyTheScaleOfTheWorkIsPartial() throws {
    let report = try grade(
      "Last year I led a team of five engineers on a migration of 900 million rows. "
        + "We moved the data table by table and switched over on a Sunday.")
    let found = try #require(criterion(report))
    #expect(found.detected && found.score == 0.75)
    #expect(
      found.feedback
        == "You give the scale of the work (“five” and “900 million”) but not the outcome as a number: say how much "
        + "it changed — how much faster, cheaper or more reliable it got, or for how many people.")
  }

  @Test func aResultWithoutNumbersIsQuotedAndIncidentalNumbersNamed() throws {
    let report = try grade(
      "In 2019 our checkout page was slow on Python 3.11. I profiled it and lazy-loaded the images. As a result, the "
        + "page got much faster.")
    let found = try #require(criterion(report))
    #expect(!found.detected && found.score == 0)
    #expect(found.evidence.map(\.text) == ["As a result, the page got much faster."])
    #expect(
      found.feedback
        == "“2019” is a year and “3.11” is a version: they measure nothing you did. Nothing in your result (“As a "
        + "result, the page got much faster.”) is measured: say how much it changed — e.g. how much latency dropped, or "
        + "how many users, hours or dollars it touched.")
  }

  @Test func noStoryNoQuantification() throws {
    let found = try #require(
      criterion(try grade("AUC = 0.5 means random guessing and F1 = 2PR/(P+R) balances precision and recall.")))
    #expect(!found.detected)
    #expect(
      found.feedback
        == "“0.5” and “2” are parts of a formula: they measure nothing you did. Nothing in your answer is measured: say how much it changed — e.g. how much latency dropped, or how many users, hours or dollars it "
        + "touched.")
  }
}
