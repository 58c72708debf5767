import AnswerEval
import AnswerEvalText
import TestSupport
import Testing

@Suite struct CoverageDetectorTests {
  let design =
    "I log every prediction with the features as served and the model version. Each day I compare every "
    + "feature with the training data using PSI and a KS test."

  /// (start, end, text) of a criterion's evidence.
  func spans(_ criterion: Report.Criterion, shift: Int = 0) -> [String] {
    criterion.evidence.map { "\($0.start - shift)-\($0.end - shift) \($0.text)" }
  }

  @Test func coveredPointHasEveryMatchAsEvidence() throws {
    let report = try grade(design, rubric: "drift-detection-design")
    let metrics = try criterion("coverage.drift-metrics", in: report)
    #expect(metrics.detected && metrics.score == 1)
    #expect(spans(metrics) == ["136-139 PSI", "146-153 KS test"])
    #expect(metrics.feedback == "You name concrete drift metrics: “PSI” and “KS test”.")
    let logging = try criterion("coverage.logging", in: report)
    #expect(logging.detected && logging.score == 1)
    #expect(spans(logging) == ["2-50 log every prediction with the features as served", "59-72 model version"])
  }

  @Test func spansShiftExactlyBehindMultibyteText() throws {
    let shift = multibytePrefix.unicodeScalars.count
    let report = try grade(multibytePrefix + design, rubric: "drift-detection-design")
    let metrics = try criterion("coverage.drift-metrics", in: report)
    #expect(spans(metrics, shift: shift) == ["136-139 PSI", "146-153 KS test"])
    #expect(metrics.evidence.first?.line == 1 && metrics.evidence.first?.column == 137 + shift)
  }

  @Test func missedPointHasNoEvidenceAndSaysWhatToAdd() throws {
    let report = try grade(
      "Drift detection is important. I would retrain the model every week on a schedule.",
      rubric: "drift-detection-design")
    let metrics = try criterion("coverage.drift-metrics", in: report)
    #expect(!metrics.detected && metrics.score == 0 && metrics.evidence.isEmpty)
    #expect(
      metrics.feedback
        == "Say how drift is measured: a statistic per feature and for the score (PSI, KS test, Jensen–Shannon, "
        + "chi-squared for categories), against the training data or a reference window, per segment.")
  }

  @Test func aNameDroppedOnceIsPartial() throws {
    let report = try grade(
      "Drift detection is important. I would retrain the model every week on a schedule.",
      rubric: "drift-detection-design")
    let retraining = try criterion("coverage.retraining", in: report)
    #expect(!retraining.detected && retraining.score == 0.5)
    #expect(spans(retraining) == ["38-45 retrain"])
    #expect(retraining.feedback.hasPrefix("You mention retraining only in passing (“retrain”): say what an alert"))
  }

  @Test func anEnumerationOfPointsIsPartialForEach() throws {
    let report = try grade(
      "I constantly navigate speed versus accuracy, freshness versus cost and complexity versus interpretability.",
      rubric: "deployment-tradeoff")
    let points = ["speed-accuracy", "freshness-cost", "complexity-interpretability"]
    let found = try points.map { try criterion("coverage.\($0)", in: report) }
    #expect(found.map(\.score) == [0.5, 0.5, 0.5])
    #expect(
      found.flatMap { spans($0) } == [
        "22-43 speed versus accuracy", "45-66 freshness versus cost", "71-105 complexity versus interpretability",
      ])
  }

  @Test func aTwoSidedPointNeedsBothSides() throws {
    let oneSide = try grade(
      "We gave up two points of AUC to get the new ranker into production before the holidays.",
      rubric: "deployment-tradeoff")
    let partial = try criterion("coverage.speed-accuracy", in: oneSide)
    #expect(partial.score == 0.5 && spans(partial) == ["15-28 points of AUC"])
    #expect(partial.feedback.hasPrefix("You mention accuracy only briefly (“points of AUC”): say how much latency"))

    let bothSides = try grade(
      "We shipped the ranker without personalisation because the feature store could not serve user features "
        + "under 50 ms, and we lost a point of NDCG.",
      rubric: "deployment-tradeoff")
    let present = try criterion("coverage.speed-accuracy", in: bothSides)
    #expect(present.detected && present.score == 1)
    #expect(spans(present) == ["108-113 50 ms", "129-142 point of NDCG"])
  }
}
