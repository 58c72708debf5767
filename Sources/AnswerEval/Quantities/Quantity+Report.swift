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
}
