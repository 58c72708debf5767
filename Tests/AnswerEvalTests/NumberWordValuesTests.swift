import Testing

@testable import AnswerEval

/// The values ICU's spell-out rules give number words, ordinals included.
@Suite struct NumberWordValuesTests {
  @Test func cardinalsAndOrdinals() {
    let values = NumberWordValues.shared
    #expect(values.value(of: "twenty") == 20)
    #expect(values.value(of: "fifteen") == 15)
    #expect(values.value(of: "zero") == 0)
    #expect(values.value(of: "fifth") == 5)
    #expect(values.value(of: "twelfth") == 12)
  }

  @Test func pluralsAndScaleOrdinals() {
    let values = NumberWordValues.shared
    #expect(values.value(of: "fifths") == 5)
    #expect(values.value(of: "thirds") == 3)
    #expect(values.value(of: "hundredth") == 100)
    #expect(values.value(of: "trillionths") == 1e12)
  }

  @Test func otherWordsHaveNoValue() {
    #expect(NumberWordValues.shared.value(of: "banana") == nil)
    #expect(NumberWordValues.shared.value(of: "a") == nil)
  }
}
