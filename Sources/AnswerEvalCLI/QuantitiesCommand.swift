import AnswerEval
import AnswerEvalText
import ArgumentParser

struct QuantitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quantities",
    abstract: "List the numbers of an answer as typed quantities (JSON), each marked impact or incidental.",
    discussion: """
      Prints a JSON array with one object per quantity, in text order: text, value (in the unit as written, \
      scale words applied), unit, kind, impact, span, and when they apply approximate, high (a range's \
      upper end), role (before, after, delta) and reason (why it is not impact).

      Examples:
        answer-eval quantities Corpora/examples/answer.md
        echo 'We cut p95 from 500ms to ~50ms.' | answer-eval quantities - --stdin-name note
      """
  )

  @Argument(help: ArgumentHelp("An answer file, or - for standard input.", valueName: "file"))
  var file: String

  @Option(name: .long, help: "The rubric whose `quantities` pack is read: a bundled name or a YAML file.")
  var rubric: String = RubricLibrary.defaultName

  @OptionGroup var input: InputOptions

  func run() throws {
    do {
      let grader = try Grader(rubric: try RubricLibrary.shared.compiled(rubric))
      let text = try input.grade(file, with: grader).text
      let quantities = AnswerContext(text: text, rubric: grader.rubric).quantities.map {
        Report.Quantity($0, in: text)
      }
      Output.write(String(decoding: try ReportFormat.encoder(pretty: true).encode(quantities), as: UTF8.self) + "\n")
    } catch {
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }
  }
}
