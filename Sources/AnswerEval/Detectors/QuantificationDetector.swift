import AnswerEvalText

/// Finds whether an answer measures its story: at least one impact quantity (``AnswerContext/quantities``)
/// — an outcome ("p95 fell from 2.1 s to 310 ms", "churn dropped by 14%") or the scale of the work ("a team
/// of six", "900 million rows", "five weeks").
///
/// Present when some impact quantity is an outcome (a before/after pair, a change, or a number in the
/// result section); partial (detected, score 0.75) when the numbers only give the scale of the work;
/// missing when there is none. Evidence: the impact quantities (at most five), or the result section when
/// it has no number. Years, versions, names, times of day, list numbers, formulas and numbers in a
/// design, a definition or advice never count.
///
/// When it is missing, the feedback's `{value}` says which numbers the answer has and why they do not
/// count, and `{evidence}` names where a number was expected. Both are written in the `wording:` of the
/// rubric's last `quantities` pack that has one (the keys are in ``descriptor``), so a pack for another
/// language says them in that language. The numbers of a reason are named only when the pack gives both
/// its nouns (`reason.<reason>.one` and `.many`), and the note is written only when it gives `and`,
/// `clause.one`, `clause.many`, `note.one` and `note.many`; without `evidence.result` the evidence is the
/// result section quoted, and without `evidence.answer` nothing. Numbers and sections are quoted in the
/// rubric's punctuation (``FeedbackPunctuation``).
///
/// ```
/// quantities.en:  "“2019” is a year and “3.11” is a version: they measure nothing you did. "
/// ```
public struct QuantificationDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "quantification",
    kind: .quality,
    summary: "Concrete measured numbers about the story: outcomes and the scale of the work.",
    rationale: """
      A number makes a result checkable: how much faster, cheaper, bigger or more reliable it got, for how \
      many people, over how long. Years, versions, model names, list numbering, formulas and the \
      illustrative numbers of a design or an explanation measure nothing the speaker did.
      """,
    packs: ["quantities", "star", "grammar"],
    parameters: [],
    examples: [
      .init(
        "Last spring our checkout page took 6 seconds to load. I profiled it and lazy-loaded the images. Load "
          + "time fell to 1.8 seconds and conversion rose by 4%.",
        detected: true, criterion: "quantification"),
      .init(
        "Added a Redis cache in front of the catalog service. p95: 900ms → sub-100ms.", detected: true,
        criterion: "quantification"),
      .init(
        "In 2019 I led the upgrade of our services from Python 3.8 to Python 3.11. I planned it, ran it and the "
          + "team was happy with the result.",
        detected: false, criterion: "quantification"),
      .init(
        "AUC = 0.5 means random guessing and F1 = 2PR/(P+R) balances precision and recall.", detected: false,
        criterion: "quantification"),
      .init(
        "I would put a token bucket in front of the API, say 100 requests per minute with bursts up to 20.",
        detected: false, criterion: "quantification"),
    ],
    wording: [
      .init(
        "evidence.result", "`{evidence}` of an answer with a result section; {evidence} is that section, quoted.",
        pack: QuantityLexicon.detector, placeholders: ["evidence"]),
      .init("evidence.answer", "`{evidence}` of an answer without a result section.", pack: QuantityLexicon.detector),
      .init(
        "and", "Between two numbers of a reason, and between two clauses (\" and \").",
        pack: QuantityLexicon.detector),
      .init(
        "clause.one", "One number of a reason; {found} is the number, quoted, {value} the reason's `one` noun.",
        pack: QuantityLexicon.detector, placeholders: ["found", "value"]),
      .init(
        "clause.many", "Two numbers of a reason; {found} lists them, {value} is the reason's `many` noun.",
        pack: QuantityLexicon.detector, placeholders: ["found", "value"]),
      .init(
        "note.one", "`{value}` when one number is named; {found} is its clause.", pack: QuantityLexicon.detector,
        placeholders: ["found"]),
      .init(
        "note.many", "`{value}` when more are named; {found} lists the clauses (at most two).",
        pack: QuantityLexicon.detector, placeholders: ["found"]),
      .init(
        "reason.*.one", "What one number of the reason is (\"a year\").", pack: QuantityLexicon.detector,
        names: Quantity.builtInReasons, signalPrefix: "incidental.", nameKind: Self.reasonKind),
      .init(
        "reason.*.many", "What several numbers of the reason are (\"years\").", pack: QuantityLexicon.detector,
        names: Quantity.builtInReasons, signalPrefix: "incidental.", nameKind: Self.reasonKind),
    ])

  /// What the `*` of `reason.*.one` stands for, for the loader's messages.
  private static let reasonKind =
    "reason of an incidental number (one the extractor gives, or an `incidental.<reason>` signal of the pack)"

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let impact = context.quantities.filter(\.impact)
    let text = context.text
    let punctuation = context.rubric.punctuation
    guard !impact.isEmpty else {
      let wording = context.rubric.rubric.wording(in: QuantityLexicon.detector)
      var values: [String: String] = [
        "value": incidentalNote(context.quantities, text: text, wording: wording, punctuation: punctuation)
      ]
      if let result = context.star.section(.result) {
        if let template = wording["evidence.result"] {
          let quoted = punctuation.quoted(Scorer.excerpt(text.string(result.range)))
          values["evidence"] = FeedbackTemplate.substitute(template, values: ["evidence": quoted])
        }
        return Finding(detected: false, score: 0, outcome: .missing, evidence: [result.range], values: values)
      }
      values["evidence"] = wording["evidence.answer"] ?? ""
      return Finding(detected: false, score: 0, outcome: .missing, values: values)
    }
    let result = context.star.section(.result)?.range
    let outcome = impact.contains { quantity in
      quantity.role != nil || result.map { $0.contains(quantity.range.lowerBound) } == true
    }
    let shown = impact.prefix(5)
    let values = [
      "found": punctuation.list(shown.prefix(3).map { punctuation.quoted(text.string($0.range)) }),
      "count": "\(impact.count)",
    ]
    return Finding(
      detected: true, score: outcome ? 1 : 0.75, outcome: outcome ? .present : .partial, evidence: shown.map(\.range),
      values: values)
  }

  /// The note on the numbers of an answer without impact quantities — at most two reasons with nouns in
  /// `wording`, two numbers each — or "" when there are none or `wording` lacks a template.
  ///
  /// ```
  /// "In 2019 we moved to Python 3.11."  →  "“2019” is a year and “3.11” is a version: they measure nothing you did. "
  /// ```
  private func incidentalNote(
    _ quantities: [Quantity], text: AnalyzedText, wording: [String: String], punctuation: FeedbackPunctuation
  ) -> String {
    guard let and = wording["and"], let clauseOne = wording["clause.one"], let clauseMany = wording["clause.many"],
      let noteOne = wording["note.one"], let noteMany = wording["note.many"]
    else { return "" }
    var groups: [(reason: String, one: String, many: String, texts: [String])] = []
    for quantity in quantities {
      guard let reason = quantity.reason else { continue }
      let written = punctuation.quoted(text.string(quantity.range))
      if let k = groups.firstIndex(where: { $0.reason == reason }) {
        if groups[k].texts.count < 2 { groups[k].texts.append(written) }
      } else if groups.count < 2, let one = wording["reason.\(reason).one"], let many = wording["reason.\(reason).many"]
      {
        groups.append((reason, one, many, [written]))
      }
    }
    guard !groups.isEmpty else { return "" }
    let clauses = groups.map { group in
      let numbers = group.texts.joined(separator: and)
      return group.texts.count == 1
        ? FeedbackTemplate.substitute(clauseOne, values: ["found": numbers, "value": group.one])
        : FeedbackTemplate.substitute(clauseMany, values: ["found": numbers, "value": group.many])
    }
    let many = groups.count > 1 || groups[0].texts.count > 1
    return FeedbackTemplate.substitute(many ? noteMany : noteOne, values: ["found": clauses.joined(separator: and)])
  }
}
