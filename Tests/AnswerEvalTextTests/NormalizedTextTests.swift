import AnswerEvalText
import Testing

@Suite struct NormalizedTextTests {
  @Test func foldsCaseWidthLigaturesQuotesAndDashes() throws {
    let source = Array("Straße “ﬁne” — ２ ‘ok’ x\u{00A0}y".utf16)
    let normalized = try NormalizedText(folding: source)
    #expect(normalized.string == "strasse \"fine\" - 2 'ok' x y")
  }

  @Test func everyNormalizedUnitMapsBackToItsSource() throws {
    let input = "Aß ﬁ é"
    let source = Array(input.utf16)
    let normalized = try NormalizedText(folding: source)
    let origins = normalized.units.indices.map { u in
      String(decoding: source[Int(normalized.sourceStarts[u])..<Int(normalized.sourceEnds[u])], as: UTF16.self)
    }
    // "a" ← "A", "s","s" ← "ß", " ", "f","i" ← "ﬁ", " ", "é" ← "e\u{301}"
    #expect(origins == ["A", "ß", "ß", " ", "ﬁ", "ﬁ", " ", "e\u{301}"])
    #expect(normalized.string(ofSource: 1..<2) == "ss")
  }

  @Test func textThatGrowsPastTheFirstBufferIsFoldedWhole() throws {
    // U+FDFA folds to 18 units ("صلى الله عليه وسلم"): ten of them need more than the first buffer
    // (1.25 units per source unit, plus 16), so folding starts over with the size ICU asked for.
    let one = try NormalizedText(folding: Array("\u{FDFA}".utf16))
    #expect(one.string == "صلى الله عليه وسلم")
    #expect(one.units.count == 18)
    let ten = try NormalizedText(folding: Array(String(repeating: "\u{FDFA}", count: 10).utf16))
    #expect(ten.string == String(repeating: one.string, count: 10))
    #expect(ten.sourceStarts == (0..<10).flatMap { Array(repeating: Int32($0), count: 18) })
    #expect(ten.sourceEnds == (1...10).flatMap { Array(repeating: Int32($0), count: 18) })
  }

  @Test func spelledOutNumbersParse() throws {
    let parser = try SpelloutParser()
    #expect(parser.value(of: "twenty-one") == 21)
    #expect(parser.value(of: "fifteen") == 15)
    #expect(parser.value(of: "three hundred") == 300)
    #expect(parser.value(of: "banana") == nil)
    #expect(parser.value(of: "Twenty One") == nil)
    #expect(try SpelloutParser(lenient: true).value(of: "Twenty One") == 21)
  }
}
