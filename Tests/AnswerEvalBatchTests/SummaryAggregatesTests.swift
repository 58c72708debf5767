import AnswerEval
import Testing

@Suite struct SummaryAggregatesTests {
  @Test func nothingAddedGivesZeroCountsAndNoScore() {
    let aggregates = SummaryAggregates.Accumulator().aggregates
    #expect(aggregates == SummaryAggregates())
    #expect(aggregates.score.mean == nil && aggregates.score.median == nil)
  }

  @Test func countsByStatus() {
    var accumulator = SummaryAggregates.Accumulator()
    for status in [SummaryRow.Status.graded, .graded, .failed, .unchanged] {
      accumulator.add(SummaryRow(path: "a", status: status), findings: .init())
    }
    let counts = accumulator.aggregates.counts
    #expect(counts.graded == 2 && counts.failed == 1 && counts.unchanged == 1)
  }

  @Test func meanAndMedianOverScoredAnswersOnly() {
    var accumulator = SummaryAggregates.Accumulator()
    for score in [10.0, 90, 40, 20] {
      accumulator.add(SummaryRow(path: "a", score: score, status: .graded), findings: .init())
    }
    accumulator.add(SummaryRow(path: "b", status: .graded), findings: .init())
    let score = accumulator.aggregates.score
    #expect(score == .init(count: 4, mean: 40, median: 30, minimum: 10, maximum: 90))
    accumulator.add(SummaryRow(path: "c", score: 100 / 3, status: .graded), findings: .init())
    #expect(accumulator.aggregates.score.median == 33.3333)
  }

  /// Scores are counted by value: repeated scores weigh as often as they come, in mean and median alike.
  @Test func repeatedScoresCountEachTime() {
    var accumulator = SummaryAggregates.Accumulator()
    for score in [72.5, 10, 72.5, 72.5, 0.1, 99.9, 10] {
      accumulator.add(SummaryRow(path: "a", score: score, status: .graded), findings: .init())
    }
    #expect(accumulator.aggregates.score == .init(count: 7, mean: 48.2143, median: 72.5, minimum: 0.1, maximum: 99.9))
    accumulator.add(SummaryRow(path: "a", score: 10, status: .graded), findings: .init())
    #expect(accumulator.aggregates.score.median == 41.25)
  }

  @Test func criterionDistributionHasFiveBinsAndOneIsInTheLast() {
    var accumulator = SummaryAggregates.Accumulator()
    for s in [0.0, 0.19, 0.2, 0.5, 0.99, 1.0] {
      accumulator.add(SummaryRow(path: "a", criteria: ["tradeoff": s], status: .graded), findings: .init())
    }
    let criterion = accumulator.aggregates.criteria[0]
    #expect(criterion.id == "tradeoff" && criterion.count == 6 && criterion.mean == 0.48)
    #expect(criterion.distribution.map(\.count) == [2, 1, 1, 0, 2])
    #expect(criterion.distribution.map(\.from) == [0, 0.2, 0.4, 0.6, 0.8])
    #expect(criterion.distribution.last?.to == 1)
  }

  @Test func missingElementsAndMistakesAreTalliedMostCommonFirst() throws {
    var accumulator = SummaryAggregates.Accumulator()
    let reports = [
      try makeReport(criteria: [("star.result", false, 0), ("tradeoff", false, 0), ("pitfall.hedging", false, 0)]),
      try makeReport(criteria: [("star.result", false, 0), ("tradeoff", true, 1)], warnings: ["pitfall.hedging"]),
      try makeReport(criteria: [("star.result", false, 0)], warnings: ["pitfall.blame", "pitfall.hedging"]),
    ]
    for report in reports {
      accumulator.add(SummaryRow(graded: report, path: "a", rubric: nil), findings: .init(report))
    }
    let aggregates = accumulator.aggregates
    #expect(
      aggregates.missingElements == [.init(criterion: "star.result", count: 3), .init(criterion: "tradeoff", count: 1)])
    #expect(
      aggregates.mistakes == [
        .init(criterion: "pitfall.hedging", count: 2), .init(criterion: "pitfall.blame", count: 1),
      ])
  }

  @Test func onlyTheTopTenAreListed() {
    var accumulator = SummaryAggregates.Accumulator()
    let ids = (0..<12).map { "c\($0 < 10 ? "0" : "")\($0)" }
    accumulator.add(SummaryRow(path: "a", status: .graded), findings: .init(missing: ids))
    #expect(accumulator.aggregates.missingElements.map(\.criterion) == Array(ids.prefix(10)))
  }
}
