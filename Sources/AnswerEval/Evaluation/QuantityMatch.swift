import AnswerEvalText

/// How well a report's impact quantities (`impact == true`) match the gold quantities, by span overlap.
///
/// A gold quantity is found when some predicted impact quantity overlaps it (shares at least one
/// Unicode scalar); a predicted impact quantity is matched when it overlaps some gold quantity. One
/// predicted span covering two gold ones ("2.1 s to 310 ms") finds both. Recall is found / gold, precision
/// matched / predicted, with the 0/0 rule of ``ConfusionCounts``.
///
/// ```swift
/// // gold 10..15 and 30..35; predicted impact 12..20 and 40..44
/// QuantityMatch.compare(gold: gold, predicted: predicted)
/// // QuantityMatch(gold: 2, found: 1, predicted: 2, matched: 1) — precision 0.5, recall 0.5
/// ```
public struct QuantityMatch: Sendable, Equatable {
  /// Gold quantities.
  public var gold: Int
  /// Gold quantities overlapped by a predicted impact quantity.
  public var found: Int
  /// Predicted impact quantities.
  public var predicted: Int
  /// Predicted impact quantities overlapping a gold quantity.
  public var matched: Int

  public init(gold: Int = 0, found: Int = 0, predicted: Int = 0, matched: Int = 0) {
    self.gold = gold
    self.found = found
    self.predicted = predicted
    self.matched = matched
  }

  /// matched / predicted.
  public var precision: Double { ConfusionCounts.rate(matched, of: predicted, undefinedIsPerfect: gold == 0) }
  /// found / gold.
  public var recall: Double { ConfusionCounts.rate(found, of: gold, undefinedIsPerfect: predicted == 0) }
  public var f1: Double { ConfusionCounts.harmonicMean(precision, recall) }

  /// Adds another count to this one.
  public static func += (lhs: inout QuantityMatch, rhs: QuantityMatch) {
    lhs.gold += rhs.gold
    lhs.found += rhs.found
    lhs.predicted += rhs.predicted
    lhs.matched += rhs.matched
  }

  /// The match of one answer's quantities; quantities with `impact == false` are left out.
  /// - Complexity: O(g × p).
  public static func compare(gold: [GoldLabels.GoldSpan], predicted: [Report.Quantity]) -> QuantityMatch {
    let impact = predicted.filter(\.impact).map(\.span)
    func overlap(_ a: GoldLabels.GoldSpan, _ b: Span) -> Bool { a.start < b.end && b.start < a.end }
    return QuantityMatch(
      gold: gold.count, found: gold.filter { g in impact.contains { overlap(g, $0) } }.count,
      predicted: impact.count, matched: impact.filter { p in gold.contains { overlap($0, p) } }.count)
  }
}
