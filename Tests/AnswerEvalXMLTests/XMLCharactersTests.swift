import AnswerEvalXML
import Testing

@Suite struct XMLCharactersTests {
  @Test func allowedCharacters() {
    for scalar: Unicode.Scalar in ["\t", "\n", "\r", " ", "a", "\u{7F}", "\u{85}", "\u{D7FF}", "\u{E000}", "\u{FFFD}"] {
      #expect(XMLCharacters.isAllowed(scalar), "U+\(String(scalar.value, radix: 16))")
    }
    #expect(XMLCharacters.isAllowed("\u{10000}") && XMLCharacters.isAllowed("\u{10FFFF}"))
  }

  @Test func forbiddenCharacters() {
    for value: UInt32 in [0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1B, 0x1F, 0xFFFE, 0xFFFF] {
      #expect(!XMLCharacters.isAllowed(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
    }
  }

  @Test func emptyText() {
    #expect(XMLCharacters.replacingForbidden(in: "") == ("", 0))
  }

  @Test func cleanTextIsReturnedUnchanged() {
    #expect(XMLCharacters.replacingForbidden(in: "Ünïcödé 👩🏽‍💻 — ok\r\n") == ("Ünïcödé 👩🏽‍💻 — ok\r\n", 0))
  }

  @Test func forbiddenCharactersAreReplacedAndCounted() {
    let replaced = XMLCharacters.replacingForbidden(in: "We cut costs by 20%\u{1}\u{2} in Q3.\u{FFFF}")
    #expect(replaced.text == "We cut costs by 20%\u{FFFD}\u{FFFD} in Q3.\u{FFFD}")
    #expect(replaced.replaced == 3)
    #expect(XMLCharacters.forbiddenCount(in: "\u{0}\u{1B}x") == 2)
  }
}
