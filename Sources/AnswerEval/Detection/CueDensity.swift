/// How densely an answer uses one detector's cues: the matches (the longest where they overlap), their
/// weighted count, and that count per 100 words. Pitfalls such as hedging or jargon are a matter of
/// density — one "maybe" in a long answer is fine, one in every sentence is not.
///
/// ```swift
/// let density = CueDensity(context.matches(detector: "hedging"), words: 40)
/// density.weight        // 3.0
/// density.per100Words   // 7.5
/// ```
public struct CueDensity: Sendable {
  /// Non-overlapping matches in text order.
  public var matches: [CueMatch]
  /// The sum of the matches' weights.
  public var weight: Double
  public var words: Int

  public init(_ matches: some Collection<CueMatch>, words: Int) {
    self.matches = Self.nonOverlapping(matches)
    self.weight = self.matches.reduce(0) { $0 + $1.weight }
    self.words = words
  }

  public var per100Words: Double { words > 0 ? weight / Double(words) * 100 : 0 }

  /// The outcome for a pitfall measured by density, from the criterion's parameters `min_count` (the
  /// least weighted count that can be a pattern at all), `partial_per_100` and `present_per_100`
  /// (weighted matches per 100 words for a warning and for the full penalty).
  public func outcome(
    _ criterion: Criterion, minCount: Double, partialPer100: Double, presentPer100: Double
  ) -> Finding.Outcome {
    guard weight >= criterion.number("min_count", default: minCount) else { return .missing }
    if per100Words >= criterion.number("present_per_100", default: presentPer100) { return .present }
    if per100Words >= criterion.number("partial_per_100", default: partialPer100) { return .partial }
    return .missing
  }

  /// The longest matches, never two over the same token; ties go to the earlier match.
  /// - Complexity: O(m log m + t) for m matches over t tokens: a match is kept when none of its tokens is
  ///   taken yet.
  static func nonOverlapping(_ matches: some Collection<CueMatch>) -> [CueMatch] {
    let ordered = matches.sorted {
      ($1.tokens.count, $0.tokens.lowerBound, $0.cue) < ($0.tokens.count, $1.tokens.lowerBound, $1.cue)
    }
    var taken = [Bool](repeating: false, count: (matches.map(\.tokens.upperBound).max() ?? 0))
    var kept: [CueMatch] = []
    for match in ordered where !match.tokens.contains(where: { taken[$0] }) {
      for token in match.tokens { taken[token] = true }
      kept.append(match)
    }
    return kept.sorted { ($0.tokens.lowerBound, $0.cue) < ($1.tokens.lowerBound, $1.cue) }
  }
}
