import AnswerEval
import AnswerEvalText
import Testing

@Suite struct GraderTests {
  /// Empty means no characters, or only Unicode white space, after the byte-order mark: the one definition
  /// `score`, `explain`, `tokens` and `batch` share.
  @Test(arguments: ["", " ", "\n\n", " \t\r\n", "\u{A0}\u{3000}\u{2028}", "\u{FEFF}"])
  func emptyOrWhiteSpaceOnlyIsInputEmpty(text: String) throws {
    let grader = try Grader(rubric: try behavioral())
    #expect(throws: InputError.empty(path: "a.md")) { try grader.grade(bytes: Array(text.utf8), source: "a.md") }
    #expect(throws: InputError.empty(path: "a.md")) {
      try grader.grade(bytes: Array(text.utf8), source: "a.md", frontMatterRubrics: bundledLibrary)
    }
  }

  /// Anything else is an answer, however little it says: a zero-width space is not white space, and front
  /// matter alone is graded as an answer with no words.
  @Test(arguments: ["a", "\u{200B}", "---\nrubric: behavioral\n---\n"])
  func anythingElseIsGraded(text: String) throws {
    let grader = try Grader(rubric: try behavioral())
    #expect(try grader.grade(bytes: Array(text.utf8), source: "a.md").report.source.path == "a.md")
  }
}
