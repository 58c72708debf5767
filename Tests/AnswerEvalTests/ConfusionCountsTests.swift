import AnswerEval
import Testing

@Suite struct ConfusionCountsTests {
  @Test func addCountsEachCell() {
    var counts = ConfusionCounts()
    for (gold, predicted) in [(true, true), (true, true), (false, true), (true, false), (false, false)] {
      counts.add(gold: gold, predicted: predicted)
    }
    #expect(counts == ConfusionCounts(tp: 2, fp: 1, fn: 1, tn: 1))
  }

  @Test func mixed() {
    let counts = ConfusionCounts(tp: 1, fp: 1, fn: 3, tn: 7)
    #expect(counts.precision == 0.5)
    #expect(counts.recall == 0.25)
    #expect(counts.f1 == 1.0 / 3.0)
  }

  @Test func perfect() {
    let counts = ConfusionCounts(tp: 4, tn: 2)
    #expect((counts.precision, counts.recall, counts.f1) == (1, 1, 1))
  }

  @Test func emptyIsPerfect() {
    let counts = ConfusionCounts()
    #expect((counts.precision, counts.recall, counts.f1) == (1, 1, 1))
  }

  @Test func onlyNegativesOnBothSidesIsPerfect() {
    let counts = ConfusionCounts(tn: 5)
    #expect((counts.precision, counts.recall, counts.f1) == (1, 1, 1))
  }

  @Test func nothingPredictedWithGoldPositivesIsZero() {
    // What the grader scores before any detector exists.
    let counts = ConfusionCounts(fn: 2, tn: 3)
    #expect((counts.precision, counts.recall, counts.f1) == (0, 0, 0))
  }

  @Test func falsePositivesWithNoGoldPositivesIsZero() {
    let counts = ConfusionCounts(fp: 2, tn: 3)
    #expect((counts.precision, counts.recall, counts.f1) == (0, 0, 0))
  }

  @Test func allWrongIsZero() {
    let counts = ConfusionCounts(fp: 1, fn: 1)
    #expect((counts.precision, counts.recall, counts.f1) == (0, 0, 0))
  }
}
