import AnswerEval
import AnswerEvalText
import Testing

@Suite struct DiagnosticTests {
  @Test func splitsIdAndMessage() {
    let d = Diagnostic(InputError.missing(path: "a.md"))
    #expect(d.id == "input.missing")
    #expect(d.message == "no such file; check the path")
    #expect(d.line == "a.md: error: [input.missing] no such file; check the path")
  }

  @Test func keepsLineAndColumnInTheLine() {
    let d = Diagnostic(TextError.invalidUTF8(source: "a.md", byteOffset: 3, byte: 0xE9, line: 1, column: 4))
    #expect(d.id == "text.utf8")
    #expect(d.line.hasPrefix("a.md:1:4: error: [text.utf8] invalid UTF-8 at byte offset 3"))
    #expect(d.message.hasPrefix("invalid UTF-8 at byte offset 3"))
  }

  @Test func errorWithoutMarkerIsInternal() {
    struct Odd: Error {}
    let d = Diagnostic(Odd())
    #expect(d.id == "internal" && d.line == "error: Odd()")
  }
}
