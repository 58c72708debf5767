import Testing

@testable import AnswerEval

/// Composing spelled-out numbers from their words' values (no ICU here: the words are given).
@Suite struct SpelledNumberTests {
  typealias E = SpelledNumber.Element

  @Test func cardinalsCompose() {
    #expect(SpelledNumber.cardinal([.card(20), .hyphen, .card(1)])! == (21, 3))
    #expect(SpelledNumber.cardinal([.card(2), .scale(100), .and, .card(2), .scale(1000)])! == (202_000, 5))
    #expect(
      SpelledNumber.cardinal([.card(20), .hyphen, .card(1), .scale(1e12), .card(3), .scale(100)])! == (21e12 + 300, 6))
    #expect(SpelledNumber.cardinal([.article, .scale(100)])! == (100, 2))
    #expect(SpelledNumber.cardinal([.card(16), .scale(100)])! == (1600, 2))
  }

  @Test func aNumberEndsWhereTheWordsStopFittingTogether() {
    // "one one", "twenty twenty", "three and five": two numbers, not one.
    #expect(SpelledNumber.cardinal([.card(1), .card(1)])! == (1, 1))
    #expect(SpelledNumber.cardinal([.card(20), .card(20)])! == (20, 1))
    #expect(SpelledNumber.cardinal([.card(3), .and, .card(5)])! == (3, 1))
    #expect(SpelledNumber.cardinal([.card(2), .scale(1000), .card(3), .scale(1e6)])! == (2003, 3))
    #expect(SpelledNumber.cardinal([.article, .card(5)]) == nil)
    #expect(SpelledNumber.cardinal([.and]) == nil)
  }

  @Test func decimalsAfterPoint() {
    #expect(SpelledNumber.cardinal([.card(2), .scale(100), .point, .card(0), .card(3)])! == (200.03, 5))
    #expect(SpelledNumber.cardinal([.card(2), .scale(100), .point, .card(70), .hyphen, .card(1)])! == (200.71, 6))
  }

  @Test func aDozenMultipliesTheLastGroup() {
    #expect(SpelledNumber.cardinal([.card(3), .scale(12)])! == (36, 2))
    #expect(SpelledNumber.cardinal([.card(3), .scale(100), .and, .card(2), .scale(12)])! == (324, 5))
  }

  @Test func fractions() {
    #expect(SpelledNumber.fraction([.card(2), .ordinal(3)]) == 2.0 / 3)
    #expect(SpelledNumber.fraction([.article, .fraction(2)]) == 0.5)
    #expect(SpelledNumber.fraction([.fraction(2)]) == 0.5)
    #expect(SpelledNumber.fraction([.card(1), .and, .article, .fraction(2)]) == 1.5)
    #expect(SpelledNumber.fraction([.card(1), .scale(100), .and, .card(3), .fraction(4)]) == 100.75)
  }

  @Test func theDenominatorTakesTheWordsThatBindToIt() {
    // one hundred thirty fifths = 100/35; one hundred and thirty fifths = 130/5
    #expect(SpelledNumber.fraction([.card(1), .scale(100), .card(30), .ordinal(5)]) == 100.0 / 35)
    #expect(SpelledNumber.fraction([.card(1), .scale(100), .and, .card(30), .ordinal(5)]) == 26)
    // twenty fifths = 20/5; twenty twenty fifths = 20/25; one one hundred fifth = 1/105
    #expect(SpelledNumber.fraction([.card(20), .ordinal(5)]) == 4)
    #expect(SpelledNumber.fraction([.card(20), .card(20), .ordinal(5)]) == 0.8)
    #expect(SpelledNumber.fraction([.card(1), .card(1), .scale(100), .ordinal(5)]) == 1.0 / 105)
    // ninety-five hundred fifths = 9500/5: the hyphen binds "five" to "ninety"
    #expect(SpelledNumber.fraction([.card(90), .hyphen, .card(5), .scale(100), .ordinal(5)]) == 1900)
  }

  @Test func firstAndSecondAloneAreNoDenominators() {
    #expect(SpelledNumber.fraction([.article, .ordinal(2)]) == nil)
    #expect(SpelledNumber.fraction([.article, .ordinal(1)]) == nil)
    #expect(SpelledNumber.fraction([.ordinal(5)]) == nil)
    #expect(SpelledNumber.fraction([.article, .card(20), .hyphen, .ordinal(1)]) == 1.0 / 21)
  }
}
