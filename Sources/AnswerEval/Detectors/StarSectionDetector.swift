import AnswerEvalText

/// Finds one STAR section (the `section` parameter: situation, task, action, result or reflection) through
/// the shared ``StarSegmenter``.
///
/// Detected when the answer tells a story and has that section; the score is 1 for a section of at least
/// five words and 0.5 for a thinner one ("partial"), 0 when missing. Evidence is the section's span.
public struct StarSectionDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "star-section",
    kind: .quality,
    summary: "A STAR section (situation, task, action, result or reflection) of a specific past story.",
    rationale: """
      Interviewers listen for a specific situation, the speaker's own task, the actions they took and the \
      result. Explicit labels are taken as given; unlabelled prose is segmented sentence by sentence. \
      Definitions, generic advice, process descriptions and keyword stuffing have no sections.
      """,
    packs: ["star", "grammar"],
    parameters: [.init("section", "situation, task, action, result or reflection", required: true)],
    examples: [
      .init(
        "Last spring our checkout page took 6 seconds to load. I had to get it under two seconds before Black "
          + "Friday. I profiled it and lazy-loaded the images. Load time fell to 1.8 seconds.",
        detected: true, criterion: "star.result"),
      .init(
        "The bias-variance tradeoff describes how a model that is too simple underfits while a model that is "
          + "too flexible overfits.",
        detected: false, criterion: "star.situation"),
      .init("Situation task action result. I am a results-driven leader.", detected: false, criterion: "star.action"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    guard let name = criterion.string("section"), let label = Report.Section.Label(rawValue: name),
      let section = context.star.section(label)
    else {
      return Finding(detected: false, score: 0, outcome: .missing)
    }
    let words = context.features[section.sentences].reduce(0) { $0 + $1.words }
    let thin = words < 5
    // Quote the section's own words, not its label ("**Situation:**").
    let quote = context.text.string(section.contentStart..<section.range.upperBound)
    return Finding(
      detected: true, score: thin ? 0.5 : 1, outcome: thin ? .partial : .present, evidence: [section.range],
      values: ["count": "\(words)", "evidence": context.rubric.punctuation.quoted(Scorer.excerpt(quote))])
  }
}
