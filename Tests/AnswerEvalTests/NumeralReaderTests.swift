import Testing

@testable import AnswerEval

/// How numerals are written: separators, decimals, signs, exponents, powers, fractions, dotted
/// sequences and spelled-out forms (none of these answers is a story, so nothing is impact).
@Suite struct NumeralReaderTests {
  @Test func digitStrings() {
    #expect(NumeralReader.value(ofDigits: "1,234,567") == 1_234_567)
    #expect(NumeralReader.value(ofDigits: "4.800") == 4.8)
    #expect(NumeralReader.value(ofDigits: "1,5") == 1.5)
    #expect(NumeralReader.value(ofDigits: "12,50,000") == 1_250_000)
    #expect(NumeralReader.value(ofDigits: "x") == nil)
  }

  /// Plain digits are read without the general parser, up to fifteen of them: the values must be the
  /// parser's, at the limit and past it.
  @Test func plainDigitsReadAsTheParserReadsThem() {
    let strings = [
      "0", "7", "007", "2020", "65535", "4294967296", "999999999999999", "900719925474099",
      "9007199254740993", "123456789012345678901234567890", "",
    ]
    for string in strings {
      #expect(NumeralReader.value(ofDigits: string) == Double(string), "\(string)")
    }
    #expect(NumeralReader.value(ofDigits: "999999999999999") == 999_999_999_999_999)
    #expect(NumeralReader.value(ofDigits: "") == nil)
  }

  @Test func scientificNotationDividesForNegativeExponents() {
    #expect(NumeralReader.scientific(12, -1) == 1.2)
    #expect(NumeralReader.scientific(1, 10) == 1e10)
  }

  @Test func digitForms() throws {
    #expect(
      try quantityLinesBothWays(
        "Values: 1,234,567 and 4.800 and .08 and -9.25 and 1e10 and 12.32e+14 and -12e-1 and 1.1^23 and 2.5^-1."
      ) == [
        "1,234,567 @8-17 count 1234567 (no-story)",
        "4.800 @22-27 number 4.8 (no-story)",
        ".08 @32-35 number 0.08 (no-story)",
        "-9.25 @40-45 number -9.25 (no-story)",
        "1e10 @50-54 count 10000000000 (no-story)",
        "12.32e+14 @59-68 count 1.232e+15 (no-story)",
        "-12e-1 @73-79 number -1.2 (no-story)",
        "1.1^23 @84-90 number 8.95430243255 (no-story)",
        "2.5^-1 @95-101 number 0.4 (no-story)",
      ])
  }

  @Test func fractionsAndMixedNumbers() throws {
    #expect(
      try quantityLinesBothWays(
        "Values: 3/4 and -4/5 and 2  1/4 and 2 and a half and 24/7 and 12/03/2021."
      ) == [
        "3/4 @8-11 fraction 0.75 (no-story)",
        "-4/5 @16-20 fraction -0.8 (no-story)",
        "2  1/4 @25-31 number 2.25 (no-story)",
        "2 and a half @36-48 number 2.5 (no-story)",
        "24 @53-55 count 24 (ratio)",
        "7 @56-57 count 7 (ratio)",
        "12/03/2021 @62-72 count 12 (date)",
      ])
  }

  @Test func dottedSequences() throws {
    #expect(
      try quantityLinesBothWays(
        "Values: 192.168.1.2 and 18 000 and 1, 234."
      ) == [
        "192 @8-11 count 192 (version)",
        "168 @12-15 count 168 (version)",
        "1 @16-17 count 1 (version)",
        "2 @18-19 count 2 (version)",
        "18 000 @24-30 count 18000 (no-story)",
        "1 @35-36 count 1 (no-story)",
        "234 @38-41 count 234 (no-story)",
      ])
  }

  @Test func spelledForms() throws {
    #expect(
      try quantityLinesBothWays(
        "Values: one hundred and three, fifty - two, two hundred point zero three, a hundred trillionths, half a dozen, three hundred and two dozens, one over three, minus five percent, percent of 10."
      ) == [
        "one hundred and three @8-29 count 103 (no-story)",
        "fifty - two @31-42 count 52 (no-story)",
        "two hundred point zero three @44-72 number 200.03 (no-story)",
        "a hundred trillionths @74-95 fraction 1e-10 (no-story)",
        "half a dozen @97-109 count 6 (no-story)",
        "three hundred and two dozens @111-139 count 324 (no-story)",
        "one over three @141-155 fraction 0.333333333333 (no-story)",
        "minus five percent @157-175 percent -5 % (no-story)",
        "percent of 10 @177-190 percent 10 % (no-story)",
      ])
  }

  @Test func ordinalsAreNoQuantities() throws {
    #expect(
      try quantityLinesBothWays(
        "Values: the 4th time, the first week, a third-party tool, the second half."
      ) == [])
  }

  @Test func spelledFractions() throws {
    #expect(
      try quantityLinesBothWays(
        "Values: one hundred thirty fifths, one hundred and thirty fifths, twenty twenty fifths, a twenty-first, one one hundred fifth, ninety - five hundred fifths, one and a fourth."
      ) == [
        "one hundred thirty fifths @8-33 fraction 2.85714285714 (no-story)",
        "one hundred and thirty fifths @35-64 fraction 26 (no-story)",
        "twenty twenty fifths @66-86 fraction 0.8 (no-story)",
        "a twenty-first @88-102 fraction 0.047619047619 (no-story)",
        "one one hundred fifth @104-125 fraction 0.00952380952381 (no-story)",
        "ninety - five hundred fifths @127-155 fraction 1900 (no-story)",
        "one and a fourth @157-173 fraction 1.25 (no-story)",
      ])
  }
}
