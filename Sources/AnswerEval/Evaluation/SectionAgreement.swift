/// Section agreement per character: over the non-whitespace Unicode scalars of answers, how many carry the
/// same section label in the gold labels and in the report.
///
/// Each non-whitespace scalar (whitespace is the Unicode `White_Space` property) has a gold label, one of
/// the five section labels or none when it is outside every gold section, and a predicted label from the
/// report's `sections`. Where predicted sections overlap, the later-starting one wins (of two starting at
/// the same offset, the later listed); offsets past the end of the text are ignored. Agreement is
/// micro-averaged: agreeing scalars over all scalars counted, so a long answer weighs more than a short one.
/// With no scalar to count, agreement is 1.0.
///
/// ```swift
/// // "Ab cd": gold situation 0..5; predicted situation 0..2, then task 1..5 (later start wins from 1 on).
/// // Non-whitespace: A B C D → gold S S S S, predicted S T T T.
/// SectionAgreement.compare(text: "Ab cd", gold: gold, predicted: predicted)
/// // SectionAgreement(answers: 1, characters: 4, agreeing: 1) — agreement 0.25
/// ```
public struct SectionAgreement: Sendable, Equatable {
  /// Answers counted.
  public var answers: Int
  /// Non-whitespace Unicode scalars counted.
  public var characters: Int
  /// Of those, the ones whose gold and predicted labels are equal.
  public var agreeing: Int

  public init(answers: Int = 0, characters: Int = 0, agreeing: Int = 0) {
    self.answers = answers
    self.characters = characters
    self.agreeing = agreeing
  }

  /// agreeing / characters, and 1.0 with no characters.
  public var agreement: Double { characters == 0 ? 1 : Double(agreeing) / Double(characters) }

  /// Adds another count to this one (micro-averaging).
  public static func += (lhs: inout SectionAgreement, rhs: SectionAgreement) {
    lhs.answers += rhs.answers
    lhs.characters += rhs.characters
    lhs.agreeing += rhs.agreeing
  }

  /// The agreement of one answer.
  /// - Complexity: O(n + s) for n scalars in `text` and s sections.
  public static func compare(
    text: String, gold: [GoldLabels.GoldSection], predicted: [Report.Section]
  ) -> SectionAgreement {
    let scalars = Array(text.unicodeScalars)
    let goldLabels = labels(count: scalars.count, gold.map { ($0.label, $0.span.start, $0.span.end) })
    let ordered = predicted.enumerated().sorted {
      ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset)
    }
    let predictedLabels = labels(
      count: scalars.count, ordered.map { ($0.element.label, $0.element.span.start, $0.element.span.end) })
    var result = SectionAgreement(answers: 1)
    for index in scalars.indices where !scalars[index].properties.isWhitespace {
      result.characters += 1
      if goldLabels[index] == predictedLabels[index] { result.agreeing += 1 }
    }
    return result
  }

  /// The label of each of `count` scalars, painting `spans` in order (a later span overwrites).
  private static func labels(
    count: Int, _ spans: [(label: Report.Section.Label, start: Int, end: Int)]
  ) -> [Report.Section.Label?] {
    var labels = [Report.Section.Label?](repeating: nil, count: count)
    for span in spans {
      let start = max(0, span.start), end = min(count, span.end)
      if start < end {
        for index in start..<end { labels[index] = span.label }
      }
    }
    return labels
  }
}
