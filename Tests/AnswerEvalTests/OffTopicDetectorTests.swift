import AnswerEval
import AnswerEvalText
import TestSupport
import Testing

@Suite struct OffTopicDetectorTests {
  let sourdough =
    "My sourdough starter took weeks to get right. I fed the starter flour and water twice a day and kept it "
    + "warm near the oven, and the loaves finally rose."

  @Test func anAnswerAboutSomethingElseIsOffTopic() throws {
    let report = try grade(sourdough, rubric: "drift-detection-design")
    let offTopic = try criterion("pitfall.off-topic", in: report)
    #expect(offTopic.detected && offTopic.score == 0)
    #expect(
      offTopic.evidence.map { "\($0.start)-\($0.end) \($0.text)" } == [
        "3-12 sourdough", "13-20 starter", "132-138 loaves",
      ])
    #expect(
      offTopic.feedback
        == "Your answer does not address the question: it talks mostly about “sourdough”, “starter” and “loaves”, "
        + "and only 0% of its words are about model drift. Describe the system: what it logs, what it measures, "
        + "when it alerts.")
    #expect(report.feedback.first?.criterion == "pitfall.off-topic" && report.feedback.first?.severity == .warning)
  }

  @Test func anOnTopicAnswerIsNot() throws {
    let report = try grade(
      "I would log the features and predictions, compare the feature distributions with the training data using "
        + "PSI, and alert the owner when the drift passes a back-tested threshold.",
      rubric: "drift-detection-design")
    let offTopic = try criterion("pitfall.off-topic", in: report)
    #expect(!offTopic.detected && offTopic.score == 1 && offTopic.evidence.isEmpty && offTopic.feedback == "")
  }

  @Test func anOnTopicAnswerThatCoversNoPointIsNot() throws {
    // Vague, but about the question: no point is covered, yet most of its words are on topic.
    let report = try grade(
      "Drift detection is very important for ML systems. There are different types of drift like data drift "
        + "and concept drift.",
      rubric: "drift-detection-design")
    #expect(try !criterion("pitfall.off-topic", in: report).detected)
  }

  @Test func aVeryShortAnswerIsNotJudged() throws {
    let report = try grade("I love sourdough.", rubric: "drift-detection-design")
    #expect(try !criterion("pitfall.off-topic", in: report).detected)
  }

  @Test func aRubricWithoutKeyPointsNeverDetectsIt() throws {
    let report = try grade(sourdough, rubric: "technical")
    #expect(try !criterion("pitfall.off-topic", in: report).detected)
  }
}
