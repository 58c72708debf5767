/// Warns when the actions are all "we" and never "I": the interviewer cannot tell what the speaker did.
///
/// Measured where the speaker's role belongs: the Action section, or — when the story has no action
/// section — every sentence of its sections. With at least `min_we` (3) first-person plural words there
/// ("we", "our", "us") and no first-person singular one ("I", "me", "my": "my part was the API" shows a
/// role), it is a warning (outcome partial, score 0.5), never the full mistake: team work told as "we" is
/// often honest. An answer that tells no story is not measured. Evidence is every "we".
public struct WeWithoutIDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "we-without-i",
    kind: .pitfall,
    summary: "The actions say \"we\" throughout and never what the speaker personally did (a warning).",
    rationale: """
      Interviewers hire a person, not the team: they need to hear which part was the speaker's. "We \
      migrated the database" hides whether the speaker designed it, ran it or watched it. A warning, not \
      a verdict, because much real work is shared and some speakers say "we" out of modesty.
      """,
    packs: ["grammar", "star"],
    parameters: [
      .init("min_we", "the least number of \"we\" words in the action that can fire (default 3)", kind: .number)
    ],
    examples: [
      .init(
        "Last year our payments service kept timing out during sales. We profiled the database, we added "
          + "an index on the orders table and we moved the reports to a replica. Timeouts fell from 5% to 0.1%.",
        detected: true, criterion: "pitfall.we-without-i"),
      .init(
        "Last year our payments service kept timing out during sales. We split the work: I profiled the "
          + "database and added an index, and we moved the reports to a replica. Timeouts fell from 5% to 0.1%.",
        detected: false, criterion: "pitfall.we-without-i"),
      .init(
        "We should always profile before we optimise, and we should measure after we ship.",
        detected: false, criterion: "pitfall.we-without-i"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let star = context.star
    guard star.isStory else { return Finding(detected: false, score: 1, outcome: .missing) }
    let sentences: [Int]
    if let action = star.section(.action) {
      sentences = Array(action.sentences)
    } else {
      sentences = star.sections.flatMap { Array($0.sentences) }
    }
    let features = sentences.map { context.features[$0] }
    let plural = features.reduce(0) { $0 + $1.firstPlural }
    let singular = features.reduce(0) { $0 + $1.firstSingular }
    guard plural >= Int(criterion.number("min_we", default: 3)), singular == 0 else {
      return Finding(detected: false, score: 1, outcome: .missing, values: ["count": "\(plural)"])
    }
    let evidence = sentences.flatMap { index in
      context.matches(inSentence: index, detector: "grammar").filter { $0.signal == "first-plural" }
        .map { context.range(ofTokens: $0.tokens) }
    }
    return Finding(
      detected: true, score: Finding.Outcome.partial.pitfallScore, outcome: .partial, evidence: evidence,
      values: [
        "count": "\(plural)", "found": context.rubric.punctuation.quotedExcerpts(evidence.map(context.text.string)),
      ])
  }
}
