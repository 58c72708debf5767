import AnswerEvalText
import Testing

@testable import AnswerEval

@Suite struct KeywordStuffingDetectorTests {
  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: KeywordStuffingDetector.self).isEmpty)
  }

  @Test func labelsAndBuzzwordsWithNoStory() throws {
    let text =
      "Situation, task, action, result. As a results-driven leader, I always take ownership and deliver "
      + "measurable impact."
    let (finding, _) = try TestRubrics.finding("pitfall.keyword-stuffing", text)
    #expect(finding.outcome == .present && finding.score == 0)
    #expect(
      try TestRubrics.evidence("pitfall.keyword-stuffing", text) == [
        "Situation", "task", "action", "result", "results-driven", "leader", "I always take", "ownership", "deliver",
        "measurable", "impact",
      ])
  }

  @Test func termListsAreEvidenceWhole() throws {
    let text =
      "I avoid all the pitfalls: overfitting, underfitting, bias, variance, data drift, leakage, calibration "
      + "and monitoring, always with a growth mindset and business impact."
    #expect(
      try TestRubrics.evidence("pitfall.keyword-stuffing", text) == [
        "overfitting, underfitting, bias, variance, data drift, leakage, calibration and monitoring",
        "growth mindset", "business impact",
      ])
  }

  @Test func termListsAreShortItemsBetweenCommas() throws {
    let text = try TextAnalyzer().analyze(
      "We use Kafka, Redis and Postgres. Logs: errors, latency, cloud-native stuff, 99.99% uptime, p99, SLOs.",
      source: "t")
    let lists = KeywordStuffingDetector.termLists(in: text, minimumItems: 5)
    #expect(
      lists.map {
        $0.map {
          text.string(text.tokens[$0.lowerBound].range.lowerBound..<text.tokens[$0.upperBound - 1].range.upperBound)
        }
      }
        == [["Logs", "errors", "latency", "cloud-native stuff", "99.99% uptime", "p99", "SLOs"]])
  }

  @Test func aStoryIsNotStuffing() throws {
    let text =
      "The situation: last spring our checkout took 6 seconds. My task was to halve it before the sale. I "
      + "lazy-loaded the images and split the bundle. The result: 1.8 seconds and 4% more orders."
    #expect(try TestRubrics.finding("pitfall.keyword-stuffing", text).finding.outcome == .missing)
  }

  @Test func mashBetweenSemicolonsIsNoTermList() throws {
    let text = "jfkdla;s fjdksla;fj asdkfj;qwpoeiru;zxmcvn;asdf;hjkl"
    #expect(try TestRubrics.finding("pitfall.keyword-stuffing", text).finding.outcome == .missing)
  }
}
