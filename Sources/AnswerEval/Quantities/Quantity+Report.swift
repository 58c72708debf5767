import AnswerEvalText

extension Report.Quantity {
  /// The reported form of a quantity of `text`: its span, and the optional fields only when they apply.
  public init(_ quantity: Quantity, in text: AnalyzedText) {
    let span = text.span(quantity.range)
    self.init(
      text: span.text, value: quantity.value, unit: quantity.unit, kind: quantity.kind.rawValue,
      impact: quantity.impact, span: span, approximate: quantity.approximate ? true : nil, high: quantity.high,
      role: quantity.role?.rawValue, reason: quantity.reason)
  }

  /// The value for people, as the text and Markdown reports show it: approximation, range and unit
  /// ("~0–30 s", "15 %", "2"); a change's role follows ("800 ms, before").
  var shownValue: String {
    var shown = (approximate == true ? "~" : "") + number(value) + (high.map { "–" + number($0) } ?? "")
    if !unit.isEmpty { shown += " " + unit }
    if let role { shown += ", " + role }
    return shown
  }

  /// "impact", or "incidental" with its reason ("incidental: year").
  var shownImpact: String { impact ? "impact" : "incidental" + (reason.map { ": " + $0 } ?? "") }
}
