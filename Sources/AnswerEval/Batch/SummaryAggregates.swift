/// The figures a batch summary gives over all its answers: counts, the mean and median total score, each
/// criterion's mean and distribution, and the most common missing elements and mistakes.
///
/// - A *missing element* is a criterion a report marks `detected == false`, other than a `pitfall.*`
///   criterion (not making a mistake is nothing missing).
/// - A *mistake* is a `warning` in a report's feedback, counted by its criterion.
///
/// Answers without a score (every report, until the rubric detectors land) count in `counts` but not in
/// `score`; answers without criteria add nothing to `criteria`.
///
/// ```swift
/// var accumulator = SummaryAggregates.Accumulator()
/// accumulator.add(row, findings: .init(report))
/// accumulator.aggregates.score.median   // 72.5
/// ```
public struct SummaryAggregates: Codable, Sendable, Equatable {
  public struct Counts: Codable, Sendable, Equatable {
    /// Answers listed: selected files, and inputs found unreadable while listing.
    public var total = 0
    public var graded = 0
    public var failed = 0
    /// Not graded again (`--resume`): their report was newer than the answer.
    public var unchanged = 0
    /// Files seen but not selected (other extensions, `--exclude`, links to folders).
    public var skipped = 0
    /// Answers not reached because the batch was interrupted.
    public var notProcessed = 0

    public init() {}
  }

  public struct ScoreStatistics: Codable, Sendable, Equatable {
    /// Answers with a score.
    public var count = 0
    public var mean: Double?
    public var median: Double?
    public var minimum: Double?
    public var maximum: Double?

    public init(
      count: Int = 0, mean: Double? = nil, median: Double? = nil, minimum: Double? = nil, maximum: Double? = nil
    ) {
      self.count = count
      self.mean = mean
      self.median = median
      self.minimum = minimum
      self.maximum = maximum
    }
  }

  /// Answers whose score lies in `from..<to` (the last bin includes `to`).
  public struct Bin: Codable, Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var count: Int

    public init(from: Double, to: Double, count: Int) {
      self.from = from
      self.to = to
      self.count = count
    }
  }

  public struct CriterionStatistics: Codable, Sendable, Equatable {
    public var id: String
    /// Answers graded on this criterion.
    public var count: Int
    public var mean: Double
    /// Five bins of width 0.2 over the criterion score 0–1.
    public var distribution: [Bin]

    public init(id: String, count: Int, mean: Double, distribution: [Bin]) {
      self.id = id
      self.count = count
      self.mean = mean
      self.distribution = distribution
    }
  }

  public struct Tally: Codable, Sendable, Equatable {
    public var criterion: String
    public var count: Int

    public init(criterion: String, count: Int) {
      self.criterion = criterion
      self.count = count
    }
  }

  /// What one report contributes to the missing elements and mistakes.
  public struct Findings: Sendable, Equatable {
    public var missing: [String]
    public var mistakes: [String]

    public init(missing: [String] = [], mistakes: [String] = []) {
      self.missing = missing
      self.mistakes = mistakes
    }

    public init(_ report: Report) {
      missing = report.criteria.filter { !$0.detected && !$0.id.hasPrefix("pitfall.") }.map(\.id)
      mistakes = report.feedback.filter { $0.severity == .warning }.map(\.criterion)
    }
  }

  /// How many of the most common missing elements and mistakes are listed.
  public static let topCount = 10

  public var counts = Counts()
  public var score = ScoreStatistics()
  public var criteria: [CriterionStatistics] = []
  public var missingElements: [Tally] = []
  public var mistakes: [Tally] = []

  public init() {}

  /// Adds answers one at a time and keeps only what the figures need: how many answers had each total
  /// score (for the median; totals have one decimal, so a few hundred distinct values however many answers)
  /// and running sums and bins per criterion.
  public struct Accumulator: Sendable {
    private var counts = Counts()
    private var scoreCounts: [Double: Int] = [:]
    private var criterionSums: [String: (count: Int, sum: Double, bins: [Int])] = [:]
    private var missing: [String: Int] = [:]
    private var mistakes: [String: Int] = [:]

    public init() {}

    /// The criterion ids seen so far, sorted.
    public var criterionIDs: [String] { criterionSums.keys.sorted() }

    public mutating func add(_ row: SummaryRow, findings: Findings) {
      switch row.status {
      case .graded: counts.graded += 1
      case .failed: counts.failed += 1
      case .unchanged: counts.unchanged += 1
      }
      if let score = row.score { scoreCounts[score, default: 0] += 1 }
      for (id, score) in row.criteria {
        var entry = criterionSums[id] ?? (0, 0, [Int](repeating: 0, count: 5))
        entry.count += 1
        entry.sum += score
        entry.bins[min(4, max(0, Int((score * 5).rounded(.down))))] += 1
        criterionSums[id] = entry
      }
      for id in findings.missing { missing[id, default: 0] += 1 }
      for id in findings.mistakes { mistakes[id, default: 0] += 1 }
    }

    /// The figures so far; `total`, `skipped` and `notProcessed` are the caller's to fill in.
    public var aggregates: SummaryAggregates {
      var result = SummaryAggregates()
      result.counts.graded = counts.graded
      result.counts.failed = counts.failed
      result.counts.unchanged = counts.unchanged
      if !scoreCounts.isEmpty {
        let distinct = scoreCounts.sorted { $0.key < $1.key }
        let count = distinct.reduce(0) { $0 + $1.value }
        // The k-th smallest score (0-based), and the sum in ascending order (as adding the sorted scores).
        func score(at k: Int) -> Double {
          var seen = 0
          for (value, n) in distinct {
            seen += n
            if k < seen { return value }
          }
          return distinct[distinct.count - 1].key
        }
        var sum = 0.0
        for (value, n) in distinct { for _ in 0..<n { sum += value } }
        let middle = count / 2
        result.score = ScoreStatistics(
          count: count, mean: rounded(sum / Double(count)),
          median: rounded(count % 2 == 1 ? score(at: middle) : (score(at: middle - 1) + score(at: middle)) / 2),
          minimum: distinct.first?.key, maximum: distinct.last?.key)
      }
      result.criteria = criterionIDs.map { id in
        let entry = criterionSums[id]!
        return CriterionStatistics(
          id: id, count: entry.count, mean: rounded(entry.sum / Double(entry.count)),
          distribution: entry.bins.enumerated().map {
            Bin(from: Double($0.offset) / 5, to: Double($0.offset + 1) / 5, count: $0.element)
          })
      }
      result.missingElements = top(missing)
      result.mistakes = top(mistakes)
      return result
    }

    private func top(_ tallies: [String: Int]) -> [Tally] {
      tallies.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .prefix(SummaryAggregates.topCount).map { Tally(criterion: $0.key, count: $0.value) }
    }

    private func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
  }
}
