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

  @Test func asciiRunsFoldedInOneLoopStopBeforeACombiningMark() throws {
    // A run of ASCII units is folded in one loop, all but its last unit when a non-ASCII one follows: the
    // last may combine with it ("e" + U+0301 is "é"). The mark at every offset, and growth past the first
    // buffer in the middle of a run.
    let letters = Array("ABCdefGHIjklMNOpqrSTU".utf16)
    for offset in 0...letters.count {
      for (mark, folded) in [("\u{301}", "\u{E9}"), ("\u{FB01}", "efi")] {
        let input = String(decoding: letters[..<offset], as: UTF16.self) + "E" + mark + "Xy"
        let normalized = try NormalizedText(folding: Array(input.utf16))
        let lowered = String(decoding: letters[..<offset], as: UTF16.self).lowercased()
        #expect(normalized.string == lowered + folded + "xy", "\(offset)")
        for u in 0..<offset {
          #expect(normalized.sourceStarts[u] == Int32(u) && normalized.sourceEnds[u] == Int32(u + 1))
        }
        // The "e" and a combining mark fold together, from both source units.
        if mark == "\u{301}" {
          #expect(
            normalized.sourceStarts[offset] == Int32(offset) && normalized.sourceEnds[offset] == Int32(offset + 2))
        }
      }
    }
    let grown = try NormalizedText(folding: Array((String(repeating: "\u{FDFA}", count: 10) + "ABC def").utf16))
    #expect(grown.string == String(repeating: "صلى الله عليه وسلم", count: 10) + "abc def")
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
