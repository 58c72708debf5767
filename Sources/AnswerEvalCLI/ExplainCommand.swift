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

  @Option(name: .long, help: "The rubric: a bundled name or a YAML file (default: behavioral).")
  var rubric: String = RubricLibrary.defaultName

  @OptionGroup var input: InputOptions

  func run() throws {
    do {
      let grader = try Grader(rubric: try RubricLibrary.shared.compiled(rubric))
      let graded = try input.grade(file, with: grader)
      Output.write(AnswerContext(text: graded.text, rubric: grader.rubric).explanation())
    } catch {
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }
  }
}
