/// How often a yes/no prediction agrees with the gold label: true and false positives and negatives,
/// with precision, recall and F1.
///
/// An undefined ratio (0/0) is 1.0 when neither side has a positive, and 0.0 otherwise:
/// - precision with no predicted positives is 1.0 if there are no gold positives either (nothing was
///   claimed and nothing was missed), else 0.0;
/// - recall with no gold positives is 1.0 if nothing was predicted positive either, else 0.0;
/// - F1 is the harmonic mean of the two, and 0.0 when both are 0.
///
/// ```swift
/// var counts = ConfusionCounts()
/// for (gold, predicted) in [(true, true), (true, false), (false, true), (false, false)] {
///   counts.add(gold: gold, predicted: predicted)
/// }
/// (counts.precision, counts.recall, counts.f1)   // (0.5, 0.5, 0.5)
/// ConfusionCounts(tn: 4).f1                      // 1.0: no positives on either side
/// ```
public struct ConfusionCounts: Sendable, Equatable {
  /// Gold true, predicted true.
  public var tp: Int
  /// Gold false, predicted true.
  public var fp: Int
  /// Gold true, predicted false.
  public var fn: Int
  /// Gold false, predicted false.
  public var tn: Int

  public init(tp: Int = 0, fp: Int = 0, fn: Int = 0, tn: Int = 0) {
    self.tp = tp
    self.fp = fp
    self.fn = fn
    self.tn = tn
  }

  /// Counts one answer.
  public mutating func add(gold: Bool, predicted: Bool) {
    switch (gold, predicted) {
    case (true, true): tp += 1
    case (false, true): fp += 1
    case (true, false): fn += 1
    case (false, false): tn += 1
    }
  }

  /// tp / (tp + fp); see the type's discussion for 0/0.
  public var precision: Double { Self.rate(tp, of: tp + fp, undefinedIsPerfect: tp + fn == 0) }

  /// tp / (tp + fn); see the type's discussion for 0/0.
  public var recall: Double { Self.rate(tp, of: tp + fn, undefinedIsPerfect: tp + fp == 0) }

  /// The harmonic mean of precision and recall.
  public var f1: Double { Self.harmonicMean(precision, recall) }

  /// `part / whole`; when `whole` is 0, 1.0 if `undefinedIsPerfect` (the other side is empty too), else 0.0.
  static func rate(_ part: Int, of whole: Int, undefinedIsPerfect: Bool) -> Double {
    whole == 0 ? (undefinedIsPerfect ? 1 : 0) : Double(part) / Double(whole)
  }

  /// 2PR / (P + R), and 0 when P + R is 0.
  static func harmonicMean(_ precision: Double, _ recall: Double) -> Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }
}
