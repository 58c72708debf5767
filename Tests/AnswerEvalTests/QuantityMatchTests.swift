import AnswerEvalText
import Testing

@testable import AnswerEval

/// A predicted quantity over scalars start..<end of `text`.
func quantity(_ text: String, _ start: Int, _ end: Int, impact: Bool = true) -> Report.Quantity {
  let span = span(text, start, end)
  return Report.Quantity(text: span.text, value: 0, unit: "", kind: "count", impact: impact, span: span)
}

@Suite struct QuantityMatchTests {
  let text = String(repeating: "x", count: 50)

  @Test func overlapFindsAndMatches() {
    let result = QuantityMatch.compare(
      gold: [goldSpan(text, 10, 15), goldSpan(text, 30, 35)],
      predicted: [quantity(text, 12, 20), quantity(text, 40, 44)])
    #expect(result == QuantityMatch(gold: 2, found: 1, predicted: 2, matched: 1))
    #expect((result.precision, result.recall, result.f1) == (0.5, 0.5, 0.5))
  }

  @Test func incidentalQuantitiesAreLeftOut() {
    let result = QuantityMatch.compare(
      gold: [goldSpan(text, 10, 15)], predicted: [quantity(text, 10, 15, impact: false), quantity(text, 20, 22)])
    #expect(result == QuantityMatch(gold: 1, found: 0, predicted: 1, matched: 0))
    #expect((result.precision, result.recall, result.f1) == (0, 0, 0))
  }

  @Test func onePredictionCanFindTwoGoldQuantities() {
    // "2.1 s down to 310 ms" read as one span finds both gold quantities.
    let result = QuantityMatch.compare(
      gold: [goldSpan(text, 0, 5), goldSpan(text, 14, 20)], predicted: [quantity(text, 0, 20)])
    #expect(result == QuantityMatch(gold: 2, found: 2, predicted: 1, matched: 1))
    #expect((result.precision, result.recall, result.f1) == (1, 1, 1))
  }

  @Test func touchingSpansDoNotOverlap() {
    let result = QuantityMatch.compare(gold: [goldSpan(text, 10, 15)], predicted: [quantity(text, 15, 18)])
    #expect(result == QuantityMatch(gold: 1, found: 0, predicted: 1, matched: 0))
  }

  @Test func noneOnEitherSideIsPerfect() {
    let result = QuantityMatch.compare(gold: [], predicted: [quantity(text, 1, 2, impact: false)])
    #expect(result == QuantityMatch())
    #expect((result.precision, result.recall, result.f1) == (1, 1, 1))
  }

  @Test func nothingPredictedIsZero() {
    let result = QuantityMatch.compare(gold: [goldSpan(text, 1, 3)], predicted: [])
    #expect((result.precision, result.recall, result.f1) == (0, 0, 0))
  }

  @Test func sums() {
    var total = QuantityMatch(gold: 2, found: 1, predicted: 3, matched: 2)
    total += QuantityMatch(gold: 1, found: 1, predicted: 1, matched: 1)
    #expect(total == QuantityMatch(gold: 3, found: 2, predicted: 4, matched: 3))
  }
}
