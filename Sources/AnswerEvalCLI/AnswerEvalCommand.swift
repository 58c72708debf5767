import AnswerEval
import AnswerEvalText
import ArgumentParser
import Foundation

@main
struct AnswerEvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "answer-eval",
    abstract: "Grade a written answer to an interview question, with evidence.",
    discussion: """
      Reports go to standard output; diagnostics and progress go to standard error.

      Exit codes: 0 graded; 1 graded but below --min-score (only when given), or for `evaluate` a figure \
      below its floor; 2 an input or rubric could not be processed; 64 usage error.

      Compiled rubrics are kept in $XDG_CACHE_HOME/answer-eval (else ~/.cache/answer-eval) and used while \
      the rubric files and the binary are unchanged; ANSWER_EVAL_CACHE=DIR keeps them in DIR instead, \
      ANSWER_EVAL_CACHE=off turns this off.

      Examples:
        answer-eval score Corpora/examples/answer.md
        some-tool | answer-eval score - --format json --stdin-name candidate-17
        answer-eval batch Corpora/mock-responses --out reports --summary summary.csv
        answer-eval tokens Corpora/examples/answer.md --format text
        answer-eval evaluate Corpora/labelled
      """,
    version: "answer-eval \(AnswerEvalVersion.current) (ICU \(icuVersion))",
    subcommands: [
      ScoreCommand.self, BatchCommand.self, TokensCommand.self, ExplainCommand.self, RubricCommand.self,
      EvaluateCommand.self, QuantitiesCommand.self,
    ]
  )

  /// ArgumentParser's own `main`, except that help, `--version` and usage errors are written like reports and
  /// diagnostics: its `print` ignores a standard output that cannot be written (`--help > /dev/full` exited
  /// 0 with nothing written), where this is the `[output.write]` error and exit 2.
  static func main() {
    let code: ExitCode
    do {
      var command = try parseAsRoot()
      try command.run()
      code = .success
    } catch {
      let message = fullMessage(for: error)
      code = exitCode(for: error)
      if !message.isEmpty {
        (code == .success ? StandardStream.output : StandardStream.error).write(message + "\n")
      }
    }
    Foundation.exit(code.rawValue)
  }
}
