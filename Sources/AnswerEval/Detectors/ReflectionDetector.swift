import AnswerEvalText

/// Finds the speaker's own reflection: what they learned, what they would do differently, how the
/// experience changed what they do now.
///
/// A sentence reflects when it carries a `lesson` cue ("I learned that", "it taught me to", "what I took
/// from it"), a `counterfactual` ("next time I would", "if I did it again", "I should have"), a `habit`
/// ("since then I", "I now recruit", "ever since, I"), or a reflective `frame` ("looking back", "in
/// hindsight", "the lesson was") in a sentence where the speaker speaks in the first person. A labelled
/// reflection section ("Learned:", "## Looking back") with real content counts as a lesson. Advice to the
/// listener ("you should always…", "it is important to…") carries none of these, and a platitude that
/// does not say what was learned ("learned a lot", "growth mindset") is only `vague`: not detected.
///
/// The score is 1 when the answer says both what the speaker learned and what they changed (or would
/// change), 0.6 with one of the two, 0.2 for a vague gesture at learning. Evidence is the reflective
/// sentences.
///
/// The feedback's `{found}` names the parts found (`found.lesson`, `found.change`) and `{missing}` asks for
/// the others (`missing.lesson`, `missing.change`), or, for a vague gesture, for both at once (`vague`), in
/// the words of the `wording:` of the rubric's last `reflection` pack that has one (the keys are in
/// ``descriptor``), so a pack for another language says them in that language. A part whose text the pack
/// does not give is left out of the list; without `vague` a vague gesture's `{missing}` is empty.
///
/// ```
/// "Since then I replay real production queries before every cutover."
/// → detected, partial, score 0.6: add the lesson itself (what was learned)
/// ```
public struct ReflectionDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "reflection",
    kind: .quality,
    summary: "The speaker's own lesson: what they learned, would do differently, or now do differently.",
    rationale: """
      A reflection shows that the speaker learns from experience. It has to be their own and specific: a \
      lesson they state, a change they would make, or a habit the experience changed. Advice to the \
      listener and a vague "learned a lot" say neither.
      """,
    packs: ["reflection", "star", "grammar"],
    parameters: [],
    examples: [
      .init(
        "Last year I migrated our billing tables without a load test, and the tracking page slowed to nine "
          + "seconds. I learned that staging is a smoke test, not proof. Since then I replay real production "
          + "queries before every cutover.",
        detected: true, criterion: "reflection"),
      .init(
        "I usually start with a one-pager. I didn't always work like this: I got burned by launches where "
          + "nobody agreed on success. Since then I don't let a team start building until it is signed off.",
        detected: true, criterion: "reflection"),
      .init(
        "It is important to test the rollback before every deploy. You should always keep a holdout set "
          + "that nobody tunes against.",
        detected: false, criterion: "reflection"),
      .init(
        "Our deployments kept failing, so I added checks to the pipeline. Learned a lot and grew as a leader.",
        detected: false, criterion: "reflection"),
      .init(
        "Precision is the share of flagged items that are really positive; recall is the share of positives "
          + "that get flagged. Raising the threshold trades recall for precision.",
        detected: false, criterion: "reflection"),
    ],
    wording: Part.wording(pack: "reflection") + [
      .init(
        "vague", "`{missing}` of a reflection that only gestures at learning: what was learned and what changed.",
        pack: "reflection")
    ])

  /// The two things a full reflection says.
  /// The raw value is the part's name in the `wording:` keys.
  enum Part: String, FeedbackPart {
    /// What the speaker learned.
    case lesson
    /// What they would do differently, or now do differently.
    case change

    /// What the part is, for the descriptor's wording summaries.
    var summary: String {
      switch self {
      case .lesson: "what the speaker learned"
      case .change: "what they now do, or would do, differently"
      }
    }
  }

  /// The fewest words a labelled reflection section needs to count as a lesson.
  static let minimumSectionWords = 4

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let text = context.text
    let punctuation = context.rubric.punctuation
    var parts: Set<Part> = []
    var evidence: [Range<Int>] = []
    var vague: [Range<Int>] = []
    let section = context.star.section(.reflection).flatMap { $0.labelled ? $0 : nil }
    for index in text.sentences.indices {
      // The sentence's signals, read by name (no set of strings built per sentence).
      var lesson = false, frame = false, change = false, isVague = false
      for match in context.matches(inSentence: index, detector: "reflection") {
        switch match.signal {
        case "lesson": lesson = true
        case "frame": frame = true
        case "counterfactual", "habit": change = true
        case "vague": isVague = true
        default: break
        }
      }
      let inSection = section?.sentences.contains(index) ?? false
      var reflects = false
      if lesson || (frame && (context.features[index].firstPerson > 0 || inSection)) {
        parts.insert(.lesson)
        reflects = true
      }
      if change {
        parts.insert(.change)
        reflects = true
      }
      if reflects {
        evidence.append(text.sentences[index].range)
      } else if isVague {
        vague.append(text.sentences[index].range)
      }
    }
    var quote: String?
    if let section, Self.hasContent(section, context: context) {
      // The labelled section is the evidence, label included like every section span; the quote starts at
      // its own words.
      parts.insert(.lesson)
      evidence.removeAll { section.range.contains($0.lowerBound) }
      evidence.append(section.range)
      evidence.sort { $0.lowerBound < $1.lowerBound }
      if evidence.first == section.range {
        quote = punctuation.quoted(Scorer.excerpt(text.string(section.contentStart..<section.range.upperBound)))
      }
    }
    let wording = context.rubric.rubric.wording(in: Self.descriptor.id)
    var values = Part.values(found: parts, wording: wording, punctuation: punctuation)
    if let quote { values["evidence"] = quote }
    if !parts.isEmpty {
      let full = parts.count == Part.allCases.count
      return Finding(
        detected: true, score: full ? 1 : 0.6, outcome: full ? .present : .partial, evidence: evidence, values: values)
    }
    if !vague.isEmpty {
      return Finding(
        detected: false, score: 0.2, outcome: .partial, evidence: vague,
        values: ["missing": wording["vague"] ?? ""])
    }
    return Finding(detected: false, score: 0, outcome: .missing)
  }

  /// A labelled section says something when one of its sentences has at least ``minimumSectionWords`` words
  /// and is not a `vague` platitude.
  static func hasContent(_ section: StarSegmentation.Section, context: AnswerContext) -> Bool {
    section.sentences.contains { index in
      let vague = context.matches(inSentence: index, detector: "reflection").contains { $0.signal == "vague" }
      return !vague && context.features[index].words >= minimumSectionWords
    }
  }
}
