import AnswerEval
import AnswerEvalText
import ArgumentParser
import Foundation

struct TokensCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokens",
    abstract: "Show how an answer is read: blocks, sentences and tokens with their spans (a debug dump).",
    discussion: """
      Spans are Unicode-scalar offsets into the original text (end exclusive) with 1-based line and column. \
      In the text listing, @L:C-L:C runs from the first character to just past the last.

      Examples:
        answer-eval tokens Corpora/examples/answer.md
        echo '我们把延迟降低了百分之三十。' | answer-eval tokens - --format json
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

  @Argument(help: ArgumentHelp("An answer file, or - for standard input.", valueName: "file"))
  var file: String

  @Option(name: .long, help: "Output format: text (a readable listing) or json.")
  var format: Format = .text

  @OptionGroup var input: InputOptions

  func run() throws {
    do {
      let text = try input.grade(file, with: try Grader()).text
      let dump = TextDump(text)
      switch format {
      case .text: Output.write(dump.listing)
      case .json:
        Output.write(String(decoding: try ReportFormat.encoder(pretty: true).encode(dump), as: UTF8.self) + "\n")
      }
    } catch {
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }
  }
}
