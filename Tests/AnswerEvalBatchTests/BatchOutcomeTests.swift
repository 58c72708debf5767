import AnswerEval
import Testing

@Suite struct BatchOutcomeTests {
  @Test func reportPathAddsTheFormatsExtension() {
    let entry = FileWalker.Entry(path: "in/a/b.md", relativePath: "a/b.md", mirroredPath: "a/b.md", problem: nil)
    #expect(BatchOutcome.reportPath(entry, format: .json) == "a/b.md.json")
    #expect(BatchOutcome.reportPath(entry, format: .jsonl) == "a/b.md.jsonl")
  }
}
