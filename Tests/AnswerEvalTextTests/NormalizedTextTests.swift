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
