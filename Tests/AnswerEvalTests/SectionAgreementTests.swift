import AnswerEvalText
import TestSupport
import Testing

@testable import AnswerEval

/// A gold section over scalars start..<end of `text`.
func goldSection(_ label: Report.Section.Label, _ text: String, _ start: Int, _ end: Int) -> GoldLabels.GoldSection {
  GoldLabels.GoldSection(label: label, span: goldSpan(text, start, end))
}

/// A gold span over scalars start..<end of `text`.
func goldSpan(_ text: String, _ start: Int, _ end: Int) -> GoldLabels.GoldSpan {
  GoldLabels.GoldSpan(start: start, end: end, text: substring(text, start, end))
}

/// A report span over scalars start..<end of `text` (line and column are not used by the evaluator).
func span(_ text: String, _ start: Int, _ end: Int) -> Span {
  Span(start: start, end: end, line: 1, column: start + 1, text: substring(text, start, end))
}

/// Scalars start..<end of `text`, clamped to the text.
func substring(_ text: String, _ start: Int, _ end: Int) -> String {
  let scalars = Array(text.unicodeScalars)
  var view = String.UnicodeScalarView()
  if start < min(end, scalars.count) { view.append(contentsOf: scalars[start..<min(end, scalars.count)]) }
  return String(view)
}

/// A predicted section.
func section(_ label: Report.Section.Label, _ text: String, _ start: Int, _ end: Int) -> Report.Section {
  Report.Section(label: label, span: span(text, start, end), confidence: 1)
}

@Suite struct SectionAgreementTests {
  @Test func laterStartingPredictionWinsAndWhitespaceIsIgnored() {
    let text = "Ab cd"
    // Listed out of order on purpose: the one starting later wins where they overlap, whatever the order.
    let predicted = [section(.task, text, 1, 5), section(.situation, text, 0, 2)]
    let result = SectionAgreement.compare(text: text, gold: [goldSection(.situation, text, 0, 5)], predicted: predicted)
    // A b c d: gold S S S S, predicted S T T T.
    #expect(result == SectionAgreement(answers: 1, characters: 4, agreeing: 1))
    #expect(result.agreement == 0.25)
  }

  @Test func ofTwoStartingTogetherTheLaterListedWins() {
    let text = "abcd"
    let predicted = [section(.action, text, 0, 4), section(.result, text, 0, 2)]
    let result = SectionAgreement.compare(text: text, gold: [goldSection(.result, text, 0, 4)], predicted: predicted)
    #expect(result == SectionAgreement(answers: 1, characters: 4, agreeing: 2))
  }

  @Test func unicodeWhiteSpaceIsNotCounted() {
    // Space, tab, line feed, no-break space, em space, line separator: White_Space. A zero-width space is not.
    let text = "a \t\n\u{A0}\u{2003}\u{2028}b\u{200B}c"
    let result = SectionAgreement.compare(text: text, gold: [goldSection(.task, text, 0, 10)], predicted: [])
    #expect(result == SectionAgreement(answers: 1, characters: 4, agreeing: 0))
  }

  @Test func unlabelledCharactersAgreeWhenNothingIsPredicted() {
    let text = "Hi. We did it."
    let result = SectionAgreement.compare(text: text, gold: [goldSection(.action, text, 4, 14)], predicted: [])
    #expect(result == SectionAgreement(answers: 1, characters: 11, agreeing: 3))
  }

  @Test func offsetsAreUnicodeScalars() {
    // Behind the multibyte prefix, the same sections shifted by its scalar count agree on every character.
    let story = "We did it. It worked."
    let text = multibytePrefix + story
    let shift = multibytePrefix.unicodeScalars.count
    let gold = [goldSection(.action, text, shift, shift + 10), goldSection(.result, text, shift + 11, shift + 21)]
    let predicted = [section(.action, text, shift, shift + 10), section(.result, text, shift + 11, shift + 21)]
    let result = SectionAgreement.compare(text: text, gold: gold, predicted: predicted)
    let prefixCharacters = multibytePrefix.unicodeScalars.filter { !$0.properties.isWhitespace }.count
    #expect(result == SectionAgreement(answers: 1, characters: prefixCharacters + 17, agreeing: prefixCharacters + 17))
  }

  @Test func predictionsPastTheEndAreClamped() {
    let text = "abc"
    let predicted = [
      Report.Section(label: .result, span: Span(start: 1, end: 50, line: 1, column: 2, text: "bc"), confidence: 1)
    ]
    let result = SectionAgreement.compare(text: text, gold: [goldSection(.result, text, 1, 3)], predicted: predicted)
    #expect(result == SectionAgreement(answers: 1, characters: 3, agreeing: 3))
  }

  @Test func emptyTextAgreesFully() {
    let result = SectionAgreement.compare(text: "", gold: [], predicted: [])
    #expect(result == SectionAgreement(answers: 1, characters: 0, agreeing: 0))
    #expect(result.agreement == 1)
  }

  @Test func sumsMicroAverage() {
    var total = SectionAgreement(answers: 1, characters: 2, agreeing: 1)
    total += SectionAgreement(answers: 1, characters: 8, agreeing: 3)
    #expect(total == SectionAgreement(answers: 2, characters: 10, agreeing: 4))
    #expect(total.agreement == 0.4)  // not (0.5 + 0.375) / 2
  }
}
