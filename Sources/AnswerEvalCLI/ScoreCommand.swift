import AnswerEval
import AnswerEvalText
import ArgumentParser
import Foundation

struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Grade answers given as files, or `-` for standard input.",
    discussion: """
      With one input, --format json prints one JSON report; with several, a JSON array of reports in the \
      order given. --format jsonl prints one compact report per line. An input that cannot be read or \
      decoded is reported on stderr; the others are still graded, and the exit code is then 2.

      Examples:
        answer-eval score Corpora/examples/answer.md
        cat answer.txt | answer-eval score - --format json --stdin-name candidate-17
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, text
  }

  @Argument(help: ArgumentHelp("Answer files, or - for standard input.", valueName: "file"))
  var files: [String]

  @Option(name: .long, help: "Output format: json, jsonl or text.")
  var format: Format = .json

  @Option(
    name: .customLong("input"),
    help:
      "Input: text (answer files) or jsonl (one {\"id\", \"text\", \"rubric\"} request per line, a report per line).")
  var inputFormat: InputFormat = .text

  @OptionGroup var input: InputOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one answer file, or - for standard input.") }
    if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be given only once.") }
  }

  func run() throws {
    if inputFormat == .jsonl { return try runJSONLines() }
    let grader = try Grader()
    var reports: [Report] = []
    var failed = false
    for path in files {
      do {
        let report = try input.grade(path, with: grader).report
        switch format {
        case .jsonl: Output.write(try ReportFormat.jsonl.render(report))
        case .json, .text: reports.append(report)
        }
      } catch {
        Diagnostics.error(describe(error))
        failed = true
      }
    }
    switch format {
    case .jsonl: break
    case .json:
      if files.count == 1, let report = reports.first {
        Output.write(try ReportFormat.json.render(report))
      } else if files.count > 1 {
        Output.write(try ReportFormat.json.render(reports))
      }
    case .text:
      for report in reports { Output.write(TextReport.render(report)) }
    }
    if failed { throw ExitStatus.failed }
  }
}

/// The readable form of a report (until the text reporter lands: statistics only).
enum TextReport {
  static func render(_ report: Report) -> String {
    let s = report.source
    return "\(s.path): \(s.words) words, \(s.sentences) sentences, \(s.paragraphs) paragraphs, "
      + "\(s.characters) characters (not graded: no rubric detectors yet)\n"
  }
}
