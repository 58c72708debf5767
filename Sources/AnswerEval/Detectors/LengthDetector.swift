/// Finds an answer too short to tell a story or too long to hold attention, by its word count.
///
/// The target band is `min_words`…`max_words` (default 80–600). A little outside it — down to `far_below`
/// (default half of `min_words`) or up to `far_above` (default 1.5 × `max_words`) — is a warning (outcome
/// partial, score 0.5); further out is the full mistake (score 0). Template values: `{count}` the words,
/// `{value}` the band ("80–600"), `{found}` "short" or "long", `{missing}` the rubric's `short_advice` or
/// `long_advice`. Evidence is the whole answer when it is short, and when it is long everything from the
/// sentence that crosses `max_words` on (where to cut).
public struct LengthDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "length",
    kind: .pitfall,
    summary: "Too short to tell a story, or too long to hold attention, by word count.",
    rationale: """
      A behavioural answer needs room for the situation, the speaker's actions and the result: one or two \
      sentences cannot hold them. Past a few hundred words the interviewer loses the thread, and the \
      result — the part they most want — comes last. Two to three minutes spoken is the usual target.
      """,
    packs: [],
    parameters: [
      .init("min_words", "the shortest answer in the target band (default 80)", kind: .number),
      .init("max_words", "the longest answer in the target band (default 600)", kind: .number),
      .init("far_below", "below this many words is far too short (default min_words / 2)", kind: .number),
      .init("far_above", "above this many words is far too long (default max_words × 1.5)", kind: .number),
      .init("short_advice", "what to add to a short answer, for `{missing}`"),
      .init("long_advice", "what to cut from a long answer, for `{missing}`"),
    ],
    examples: [
      .init("I'd just use Kafka.", detected: true, criterion: "pitfall.length"),
      .init(
        "Last spring our checkout page took 6 seconds to load and mobile users were dropping off before "
          + "paying. As the only frontend engineer on the team, I had to get it under two seconds before the "
          + "Black Friday sale, which left me about five weeks. I profiled the page with Lighthouse and found "
          + "that most of the time went on images and a blocking font request. I lazy-loaded the images below "
          + "the fold, moved the fonts to our CDN and split the bundle by route. Load time fell to 1.8 seconds "
          + "and mobile conversion rose by 4% during the sale.",
        detected: false, criterion: "pitfall.length"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let words = context.text.statistics.words
    let minimum = criterion.number("min_words", default: 80)
    let maximum = criterion.number("max_words", default: 600)
    let farBelow = criterion.number("far_below", default: minimum / 2)
    let farAbove = criterion.number("far_above", default: maximum * 1.5)
    var values = ["count": "\(words)", "value": "\(Int(minimum))–\(Int(maximum))"]
    let count = Double(words)
    let outcome: Finding.Outcome
    if count < minimum {
      outcome = count < farBelow ? .present : .partial
      values["found"] = "short"
      values["missing"] = criterion.string("short_advice") ?? ""
    } else if count > maximum {
      outcome = count > farAbove ? .present : .partial
      values["found"] = "long"
      values["missing"] = criterion.string("long_advice") ?? ""
    } else {
      outcome = .missing
    }
    guard outcome != .missing, let first = context.text.sentences.first, let last = context.text.sentences.last else {
      return Finding(detected: outcome != .missing, score: outcome.pitfallScore, outcome: outcome, values: values)
    }
    var start = first.range.lowerBound
    if count > maximum, let overflow = Self.wordToken(Int(maximum), in: context) {
      start = context.text.sentences[context.text.tokens[overflow].sentence].range.lowerBound
    }
    return Finding(
      detected: true, score: outcome.pitfallScore, outcome: outcome, evidence: [start..<last.range.upperBound],
      values: values)
  }

  /// The index of the token that is word number `n` (0-based) of the text.
  static func wordToken(_ n: Int, in context: AnswerContext) -> Int? {
    var seen = 0
    for (index, token) in context.text.tokens.enumerated() where token.isWordLike {
      if seen == n { return index }
      seen += 1
    }
    return nil
  }
}
