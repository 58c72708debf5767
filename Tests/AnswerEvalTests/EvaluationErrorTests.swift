import Testing

@testable import AnswerEval

@Suite struct EvaluationErrorTests {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
      stringValue = "Index \(intValue)"
      self.intValue = intValue
    }
  }

  @Test func keyPaths() {
    #expect(EvaluationError.keyPath([]) == "")
    #expect(
      EvaluationError.keyPath([Key(stringValue: "sections"), Key(intValue: 2), Key(stringValue: "start")])
        == "sections[2].start")
    #expect(
      EvaluationError.keyPath([Key(stringValue: "criteria"), Key(stringValue: "star.task")]) == "criteria.star.task")
  }

  @Test func spanTextShowsWhereTheTextsDiffer() {
    let error = EvaluationError.spanTextMismatch(
      path: "a.json", key: "quantities[0]", start: 61, end: 66, expected: "2.1 s", actual: "2.2 s")
    #expect(
      error.errorDescription
        == "a.json: error: [evaluate.span-text] \"quantities[0].text\" is not the answer's text at 61..66: from offset "
        + "63 the sidecar has \"1 s\" and the answer has \"2 s\"; fix start/end (Unicode-scalar offsets, end exclusive) "
        + "or the text")
  }

  @Test func longTextsAreCutAndLineBreaksShown() {
    let error = EvaluationError.spanTextMismatch(
      path: "a.json", key: "sections[0]", start: 0, end: 46, expected: "Task:\n" + String(repeating: "a", count: 40),
      actual: "Tusk:\n" + String(repeating: "b", count: 20))
    #expect(
      error.errorDescription
        == "a.json: error: [evaluate.span-text] \"sections[0].text\" is not the answer's text at 0..46: from offset "
        + "1 the sidecar has \"ask:\\n\(String(repeating: "a", count: 25))…\" and the answer has "
        + "\"usk:\\n\(String(repeating: "b", count: 20))\"; fix start/end (Unicode-scalar offsets, end exclusive) or "
        + "the text")
  }

  @Test func inputErrorsKeepTheirMessages() {
    #expect(
      EvaluationError.unreadable(.missing(path: "a.md")).errorDescription
        == "a.md: error: [input.missing] no such file; check the path")
  }
}
