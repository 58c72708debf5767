import AnswerEval
import Testing

@Suite struct CSVTests {
  @Test func plainFieldsAreLeftAlone() {
    #expect(CSV.record(["a.md", "behavioral", "", "12"]) == "a.md,behavioral,,12\r\n")
  }

  @Test func specialCharactersAreQuoted() {
    #expect(CSV.field("a,b") == "\"a,b\"")
    #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSV.field("two\nlines") == "\"two\nlines\"")
    #expect(CSV.field("cr\r") == "\"cr\r\"")
  }

  @Test func quoteBeforeCombiningMarkIsStillDoubled() {
    #expect(CSV.field("\"\u{301}") == "\"\"\"\u{301}\"")
  }

  @Test func multibyteTextIsKept() {
    #expect(CSV.record(["Ünïcödé 👩🏽‍💻 — x", "é,e"]) == "Ünïcödé 👩🏽‍💻 — x,\"é,e\"\r\n")
  }
}
