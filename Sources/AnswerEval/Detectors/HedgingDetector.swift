import Foundation

/// Finds hedging and vagueness: the speaker sounds unsure of their own story ("I think maybe", "kind of"),
/// puts placeholders where specifics belong ("stuff", "some improvements", "everyone was happy") or
/// states amounts with no measure ("a lot", "significantly", "much faster" — counted only in a sentence
/// with no number).
///
/// A pitfall of density, not of a single word: the cues' weights are summed and divided by the answer's
/// words. At least `min_count` (1.5) weighted hedges and `partial_per_100` (2.5) per 100 words is a warning
/// (score 0.5); `present_per_100` (6) or more is the full mistake (score 0). Evidence is every hedge (when it fires);
/// `{found}` quotes the first three, `{count}` counts them.
public struct HedgingDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "hedging",
    kind: .pitfall,
    summary: "Hedging and vagueness: unsure wording, placeholders and unmeasured amounts, by density.",
    rationale: """
      An interviewer trusts a story told with specifics. "I think maybe it was kind of better" tells them \
      the speaker does not know what happened, and "we made some improvements and things got a lot \
      better" gives them nothing to assess. One hedge is normal speech; a hedge in every sentence is the \
      pattern to fix.
      """,
    packs: ["hedging"],
    parameters: [
      .init("min_count", "the least weighted number of hedges that can fire (default 1.5)", kind: .number),
      .init("partial_per_100", "weighted hedges per 100 words for a warning (default 2.5)", kind: .number),
      .init("present_per_100", "weighted hedges per 100 words for the full penalty (default 6)", kind: .number),
    ],
    examples: [
      .init(
        "At my last job we had some issues with one of the APIs being slow. I looked into it and found some "
          + "queries that weren't great, so I fixed them and added some caching. After that it was a lot better "
          + "and the team was happy with it.",
        detected: true, criterion: "pitfall.hedging"),
      .init(
        "I think maybe the migration was kind of rushed, and I guess we sort of fixed stuff as it broke.",
        detected: true, criterion: "pitfall.hedging"),
      .init(
        "Last spring our checkout page took 6 seconds to load. I profiled it, lazy-loaded the images and "
          + "moved the fonts to our CDN. Load time fell to 1.8 seconds and conversion rose by 4%.",
        detected: false, criterion: "pitfall.hedging"),
      .init(
        "Latency dropped significantly, from 900 ms to 80 ms, after I added the cache.",
        detected: false, criterion: "pitfall.hedging"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let hedges = context.matches(detector: Self.descriptor.id).filter {
      $0.signal != "unquantified" || context.features[$0.sentence].numbers == 0
    }
    let density = CueDensity(hedges, words: context.text.statistics.words)
    let outcome = density.outcome(criterion, minCount: 1.5, partialPer100: 2.5, presentPer100: 6)
    let evidence = density.matches.map { context.range(ofTokens: $0.tokens) }
    return Finding(
      detected: outcome != .missing, score: outcome.pitfallScore, outcome: outcome,
      evidence: outcome == .missing ? [] : evidence,
      values: [
        "count": "\(density.matches.count)",
        "found": context.rubric.punctuation.quotedExcerpts(evidence.map(context.text.string)),
        "value": FixedPoint.string(density.per100Words, decimals: 1),
      ])
  }
}
