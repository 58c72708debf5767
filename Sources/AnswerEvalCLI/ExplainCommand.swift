import AnswerEval
import AnswerEvalText
import ArgumentParser

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show why an answer was graded as it was: each sentence's cues, grammar features and section.",
    discussion: """
      Example:
        answer-eval explain Corpora/examples/answer.md
      """
  )

  @Argument(help: ArgumentHelp("An answer file, or - for standard input.", valueName: "file"))
  var file: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The rubric: a bundled name or a YAML file (default: the answer's front matter `rubric:`, else behavioral).",
      valueName: "name|path"))
  var rubric: String?

  @OptionGroup var input: InputOptions

  func run() throws {
    do {
      let grader = try Grader(rubric: try RubricLibrary.shared.compiled(rubric ?? RubricLibrary.defaultName))
      let graded = try input.grade(file, with: grader, followFrontMatter: rubric == nil)
      Output.write(AnswerContext(text: graded.text, rubric: graded.rubric).explanation())
    } catch {
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }
  }
}
