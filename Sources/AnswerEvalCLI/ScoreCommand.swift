import AnswerEval
import AnswerEvalText
import ArgumentParser
import Foundation

struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Grade answers given as files, or `-` for standard input.",
    discussion: """
      Formats: text (for people; the default on a terminal), json (the default otherwise; one JSON report, \
      or with several inputs a JSON array in the order given), jsonl (one compact report per line), xml \
      (valid against Schemas/report-v1.xsd; several inputs give one <reports> document), markdown and html \
      (one self-contained page for people: sections labelled, evidence highlighted beside its feedback, \
      missing elements as a checklist; several inputs share one page). \
      An input that cannot be read or decoded is reported on stderr; the others are still graded, and the \
      exit code is then 2.

      Text is coloured on a terminal unless NO_COLOR is set, and wrapped to the terminal's width (else \
      COLUMNS, else 80). With --output the report goes to that file, written atomically, and standard \
      output stays empty.

      The rubric is --rubric when given; otherwise the one an answer names in its front matter \
      (`rubric: deployment-tradeoff`); otherwise behavioral.

      Examples:
        answer-eval score Corpora/examples/answer.md
        answer-eval score my-answer.md --rubric deployment-tradeoff
        cat answer.txt | answer-eval score - --format json --stdin-name candidate-17
        answer-eval score answer.md --format xml --output report.xml
        answer-eval score answer.md --format html --output report.html
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, xml, text, markdown, html

    var reportFormat: ReportFormat { ReportFormat(rawValue: rawValue)! }
  }

  @Argument(help: ArgumentHelp("Answer files, or - for standard input.", valueName: "file"))
  var files: [String]

  @Option(name: .long, help: "The report format (default: text on a terminal, json otherwise).")
  var format: Format?

  @Option(
    name: .long,
    help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "path"))
  var output: String?

  @Option(name: .long, help: "When to colour text: auto is on a terminal, unless NO_COLOR is set.")
  var color: ColorChoice = .auto

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The rubric: a bundled name or a YAML file (default: the answer's front matter `rubric:`, else behavioral).",
      valueName: "name|path"))
  var rubric: String?

  @Option(
    name: .customLong("input"),
    help:
      "Input: text (answer files) or jsonl (one {\"id\", \"text\", \"rubric\"} request per line, a report per line).")
  var inputFormat: InputFormat = .text

  @OptionGroup var input: InputOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one answer file, or - for standard input.") }
    if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be given only once.") }
    if output?.isEmpty == true { throw ValidationError("--output needs a file path.") }
  }

  func run() throws {
    if inputFormat == .jsonl { return try runJSONLines() }
    let environment = ProcessInfo.processInfo.environment
    let toTerminal = output == nil && Terminal.isStandardOutput
    let format = (self.format ?? (toTerminal ? .text : .json)).reportFormat
    let options = ReportFormat.Options(
      color: Terminal.useColor(color, isTerminal: toTerminal, environment: environment),
      width: Terminal.width(
        terminalColumns: toTerminal ? Terminal.standardOutputColumns : nil, environment: environment))
    // jsonl to standard output is written report by report, for pipelines; everything else at the end.
    let streaming = format == .jsonl && output == nil
    let keepsAnswers = format == .text || format == .markdown || format == .html
    let grader: Grader
    do {
      grader = try Grader(rubric: try RubricLibrary.shared.compiled(rubric ?? RubricLibrary.defaultName))
    } catch {
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }
    var reports: [Report] = []
    var answers: [AnalyzedText] = []
    var failed = false
    for path in files {
      do {
        let graded = try input.grade(path, with: grader, followFrontMatter: rubric == nil)
        if streaming {
          Output.write(bytes: try format.renderBytes(graded.report))
        } else {
          reports.append(graded.report)
          if keepsAnswers { answers.append(graded.text) }
        }
      } catch {
        Diagnostics.error(describe(error))
        failed = true
      }
    }
    if !streaming {
      do {
        let rendered =
          files.count == 1
          ? try reports.first.map { try format.renderBytes($0, answer: answers.first, options: options) } ?? []
          : try format.renderBytes(reports, answers: answers, options: options)
        if let output {
          if !rendered.isEmpty { try AtomicFile.write(bytes: rendered, to: output) }
        } else {
          Output.write(bytes: rendered)
        }
      } catch {
        Diagnostics.error(describe(error))
        failed = true
      }
    }
    if failed { throw ExitStatus.failed }
  }
}
