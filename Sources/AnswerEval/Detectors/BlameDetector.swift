/// Finds blame put on others ("it was their fault", "the QA team dropped the ball", "because of the
/// incompetent vendor") with no part of it owned.
///
/// The `blame` cues' weights are summed (wording that is often only context, such as "my manager
/// didn't…", weighs 0.5). At least `min_weight` (1) of blame and no `ownership` cue ("my mistake", "I
/// should have", "in hindsight") is the mistake (score 0). When the speaker also owns a part, blame of
/// `owned_min_weight` (2) or more is still a warning (score 0.5), less is fine. Evidence is every blaming
/// phrase.
public struct BlameDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "blame",
    kind: .pitfall,
    summary: "Blaming others for what went wrong without owning a part of it.",
    rationale: """
      Interviewers ask about failures and conflicts to hear how the speaker handles their own share. \
      Putting it all on a manager, another team or a vendor reads as a lack of ownership, even when it is \
      true; naming what the speaker would do differently keeps the facts and shows judgement.
      """,
    packs: ["blame"],
    parameters: [
      .init("min_weight", "the least weighted blame that counts, with nothing owned (default 1)", kind: .number),
      .init(
        "owned_min_weight", "the least weighted blame that counts next to owned mistakes (default 2)", kind: .number),
    ],
    examples: [
      .init(
        "The release slipped by two weeks. Honestly it was their fault: the QA team dropped the ball and never "
          + "ran the regression suite.",
        detected: true, criterion: "pitfall.blame"),
      .init(
        "The release slipped by two weeks because the QA team dropped the ball. I should have asked for the "
          + "test plan earlier, so now I agree one with QA at kickoff.",
        detected: false, criterion: "pitfall.blame"),
      .init(
        "My manager didn't agree with the plan, so I built a prototype and showed him the numbers.",
        detected: false, criterion: "pitfall.blame"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let matches = context.matches(detector: Self.descriptor.id)
    let blame = CueDensity(matches.filter { $0.signal == "blame" }, words: 0)
    let owned = matches.contains { $0.signal == "ownership" }
    let outcome: Finding.Outcome
    if owned {
      outcome = blame.weight >= criterion.number("owned_min_weight", default: 2) ? .partial : .missing
    } else {
      outcome = blame.weight >= criterion.number("min_weight", default: 1) ? .present : .missing
    }
    let evidence = blame.matches.map { context.range(ofTokens: $0.tokens) }
    return Finding(
      detected: outcome != .missing, score: outcome.pitfallScore, outcome: outcome,
      evidence: outcome == .missing ? [] : evidence,
      values: [
        "count": "\(blame.matches.count)",
        "found": context.rubric.punctuation.quotedExcerpts(evidence.map(context.text.string)),
      ])
  }
}
