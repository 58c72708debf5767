import AnswerEval
import Testing

@Suite struct BatchErrorTests {
  @Test func messagesNameThePathTheIdAndAFix() {
    #expect(
      BatchError.outputSymlink(path: "out/a").errorDescription
        == "out/a: error: [output.symlink] is a symbolic link; reports are never written through links inside --out: "
        + "remove the link or choose another --out folder")
    #expect(
      BatchError.jsonlRequest(source: "<stdin>", line: 3, reason: "not valid JSON").errorDescription
        == "<stdin>:3: error: [input.jsonl] not valid JSON; send one JSON object per line, "
        + "like {\"id\": \"a-17\", \"text\": \"…\"}")
    for error in [
      BatchError.outputOutside(path: "o/../x"), .outputWrite(path: "o/a", reason: "No space left on device"),
      .summaryWrite(path: "s.csv", reason: "Permission denied"),
    ] {
      let d = Diagnostic(error)
      #expect(d.id.hasPrefix("output.") && d.line.contains(": error: [") && d.message.contains(";"))
    }
  }
}
