/// A "missing X" pitfall — no learning, no numbers, no tradeoff — that mirrors a quality criterion of the
/// same rubric (the `criterion` parameter: `reflection`, `quantification`, `tradeoff`, …).
///
/// It reads that criterion's finding through ``AnswerContext/finding(of:)`` (evaluated once, whatever the
/// order of criteria) and turns it around: the criterion present is no pitfall (score 1), partial is a
/// warning (score 0.5), missing is the mistake (score 0) — or what `when_missing` says (`partial` for a
/// warning, `none` to stay quiet: "no tradeoff" is worth a warning when a story weighs a choice and names
/// no cost, not the full penalty for every story that has no decision in it). A criterion that is
/// detected but partial is no mistake (a tradeoff without mitigation), unless `when_partial` is `partial`:
/// numbers that give only the scale of the work, with no measured result, are worth the warning.
///
/// Only answers that tell a story are judged (`requires_story`, default true): a definition or a piece of
/// advice with no numbers is not worth "add a number" feedback — the missing story is the problem, and
/// the STAR criteria say so. Evidence is the span of the `evidence_section` (a STAR section label, e.g.
/// `result` for "no numbers") when the answer has one, so the feedback points where to add the missing
/// part. The referenced finding's template values (`{missing}`, `{found}`, `{count}`, `{value}`) are
/// passed on.
public struct MissingCriterionDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "missing-criterion",
    kind: .pitfall,
    summary: "A story that lacks what another criterion looks for: no learning, no numbers, no tradeoff.",
    rationale: """
      Interviewers expect a story to end with what changed (in numbers), what the speaker learned, and — \
      for decisions — what they gave up. Their absence is the commonest reason a complete-sounding STAR \
      answer still scores low, so it deserves its own warning with a concrete fix, next to the criterion \
      that measures it.
      """,
    packs: [],
    parameters: [
      .init("criterion", "the id of the quality criterion this pitfall mirrors", required: true, kind: .criterion),
      .init("requires_story", "judge only answers that tell a story (default true)", kind: .flag),
      .init(
        "evidence_section", "a STAR section to point at", kind: .oneOf(Report.Section.Label.allCases.map(\.rawValue))),
      .init(
        "when_missing", "the outcome when the criterion is missing (default present)",
        kind: .oneOf(["present", "partial", "none"])),
      .init(
        "when_partial", "the outcome when the criterion is detected but partial (default none)",
        kind: .oneOf(["partial", "none"])),
    ],
    examples: [
      .init(
        "Last spring our checkout page took six seconds to load. I profiled it, lazy-loaded the images and "
          + "moved the fonts to our CDN. After that the page was much faster and the team was happy.",
        detected: true, criterion: "pitfall.no-numbers"),
      .init(
        "Last spring our checkout page took 6 seconds to load. I profiled it, lazy-loaded the images and "
          + "moved the fonts to our CDN. Load time fell to 1.8 seconds and conversion rose by 4%.",
        detected: false, criterion: "pitfall.no-numbers"),
      .init(
        "Precision is the share of predicted positives that are right; recall is the share of real positives "
          + "that are found.",
        detected: false, criterion: "pitfall.no-numbers"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let requiresStory = criterion.parameters["requires_story"]?.bool ?? true
    guard !requiresStory || context.star.isStory, let id = criterion.string("criterion"),
      let target = context.finding(of: id)
    else {
      return Finding(detected: false, score: 1, outcome: .missing)
    }
    let outcome: Finding.Outcome
    switch target.outcome {
    case .present: outcome = .missing
    // A detected criterion that only lacks a detail (a tradeoff without mitigation) is not the mistake.
    case .partial: outcome = target.detected && criterion.string("when_partial") != "partial" ? .missing : .partial
    case .missing:
      switch criterion.string("when_missing") {
      case "partial": outcome = .partial
      case "none": outcome = .missing
      default: outcome = .present
      }
    }
    var evidence: [Range<Int>] = []
    if outcome != .missing, let name = criterion.string("evidence_section"),
      let label = Report.Section.Label(rawValue: name), let section = context.star.section(label)
    {
      evidence = [section.range]
    }
    return Finding(
      detected: outcome != .missing, score: outcome.pitfallScore, outcome: outcome, evidence: evidence,
      values: target.values)
  }
}
