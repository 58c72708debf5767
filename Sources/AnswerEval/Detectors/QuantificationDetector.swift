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
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let impact = context.quantities.filter(\.impact)
    let text = context.text
    guard !impact.isEmpty else {
      var values: [String: String] = ["value": incidentalNote(context.quantities, text: text)]
      if let result = context.star.section(.result) {
        values["evidence"] = "your result (“\(Scorer.excerpt(text.string(result.range)))”)"
        return Finding(detected: false, score: 0, outcome: .missing, evidence: [result.range], values: values)
      }
      values["evidence"] = "your answer"
      return Finding(detected: false, score: 0, outcome: .missing, values: values)
    }
    let result = context.star.section(.result)?.range
    let outcome = impact.contains { quantity in
      quantity.role != nil || result.map { $0.contains(quantity.range.lowerBound) } == true
    }
    let shown = impact.prefix(5)
    let values = [
      "found": FeedbackTemplate.list(shown.prefix(3).map { "“\(text.string($0.range))”" }),
      "count": "\(impact.count)",
    ]
    return Finding(
      detected: true, score: outcome ? 1 : 0.75, outcome: outcome ? .present : .partial, evidence: shown.map(\.range),
      values: values)
  }

  /// "“2019” is a year and “3.11” a version: they measure nothing you did. " for the numbers of an answer
  /// without impact quantities (at most two kinds, two numbers each), or "".
  private func incidentalNote(_ quantities: [Quantity], text: AnalyzedText) -> String {
    var groups: [(reason: String, texts: [String])] = []
    for quantity in quantities {
      guard let reason = quantity.reason, Self.nouns[reason] != nil else { continue }
      let written = "“\(text.string(quantity.range))”"
      if let k = groups.firstIndex(where: { $0.reason == reason }) {
        if groups[k].texts.count < 2 { groups[k].texts.append(written) }
      } else if groups.count < 2 {
        groups.append((reason, [written]))
      }
    }
    guard !groups.isEmpty else { return "" }
    let clauses = groups.map { group -> String in
      let (singular, plural) = Self.nouns[group.reason]!
      let list = FeedbackTemplate.list(group.texts)
      return group.texts.count == 1 ? "\(list) is \(singular)" : "\(list) are \(plural)"
    }
    let many = groups.count > 1 || groups[0].texts.count > 1
    return clauses.joined(separator: " and ") + (many ? ": they measure" : ": it measures") + " nothing you did. "
  }

  private static let nouns: [String: (String, String)] = [
    "year": ("a year", "years"), "date": ("a date", "dates"), "time": ("a time of day", "times of day"),
    "version": ("a version", "versions"), "name": ("part of a name", "parts of names"),
    "label": ("a label", "labels"), "list": ("list numbering", "list numbers"),
    "formula": ("part of a formula", "parts of a formula"),
    "metric": ("part of a metric's name", "parts of metric names"),
  ]
}
