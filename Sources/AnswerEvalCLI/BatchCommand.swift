import AnswerEval
import ArgumentParser
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Grade every answer in folders, on all cores, with a report per answer and a summary.",
    discussion: """
      Folders are searched recursively for .md and .txt files (any case), graded in the order of their \
      paths relative to the folder (compared byte by byte). Other files are skipped and counted. \
      --include and --exclude take shell patterns (* ? [a-z] **): a pattern without / matches file and \
      folder names, one with / the path relative to the folder; --include replaces the default.

      With --out DIR, each report is written to DIR at the answer's relative path plus the format's \
      extension (a/b.md → DIR/a/b.md.json; with several folders, under each folder's name: \
      DIR/labelled/a/b.md.json), atomically, never through a symbolic link inside DIR. Without --out, \
      reports go to standard output in input order (--format jsonl, the default there: one per line).

      An answer that cannot be read or graded (unreadable, binary, not UTF-8, empty) is reported on \
      standard error and in the summary, and the others are still graded. Exit codes: 0 all graded; 1 an \
      answer scored below --min-score; 2 an answer failed; 130 interrupted (Ctrl-C: answers in flight \
      finish, the summary is still written and says how far it got).

      Examples:
        answer-eval batch Corpora/mock-responses --out reports --summary summary.csv
        answer-eval batch answers --exclude drafts --format jsonl > reports.jsonl
        answer-eval batch answers --out reports --resume --summary summary.json
      """
  )

  enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  @Argument(help: ArgumentHelp("Folders of answers (searched recursively).", valueName: "folder"))
  var folders: [String]

  @Option(name: .long, help: ArgumentHelp("Write one report per answer under this folder.", valueName: "folder"))
  var out: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) "
        + "(default: json with --out, else jsonl).",
      valueName: "format"),
    transform: { text in
      guard let format = ReportFormat(rawValue: text) else {
        throw ValidationError(
          "Unknown format '\(text)'; use one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
      }
      return format
    })
  var format: ReportFormat?

  @Option(
    name: .long, help: ArgumentHelp("Write a summary table: FILE.csv or FILE.json.", valueName: "file"))
  var summary: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write an HTML overview of the batch: scores per criterion, their distribution, the most common missing "
        + "elements, a link to each answer's report.", valueName: "file.html"))
  var htmlIndex: String?

  @Option(name: .long, help: ArgumentHelp("Grade only files matching this pattern (repeatable).", valueName: "glob"))
  var include: [String] = []

  @Option(
    name: .long, help: ArgumentHelp("Skip files and folders matching this pattern (repeatable).", valueName: "glob"))
  var exclude: [String] = []

  @Option(name: .long, help: ArgumentHelp("Answers graded at once (default: the number of cores).", valueName: "n"))
  var jobs: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The rubric for answers whose front matter names none (default: \(RubricSelection.defaultName)).",
      valueName: "name"))
  var rubric: String?

  @Option(name: .long, help: ArgumentHelp("Exit 1 when an answer scores below this (0–100).", valueName: "score"))
  var minScore: Double?

  @Option(name: .long, help: "Progress line on standard error: auto (on a terminal), always or never.")
  var progress: ProgressMode = .auto

  @Flag(name: .long, help: "No progress line and no warnings (errors are still printed).")
  var quiet = false

  @Flag(name: .long, help: "Skip answers whose report in --out is newer than the answer.")
  var resume = false

  @OptionGroup var reading: ReadingOptions

  func validate() throws {
    if folders.isEmpty { throw ValidationError("Give at least one folder of answers.") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if let summary, SummaryWriter.Format(path: summary) == nil {
      throw ValidationError("--summary must name a .csv or .json file.")
    }
    if resume && out == nil { throw ValidationError("--resume needs --out: it compares the reports there.") }
    if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be between 0 and 100.") }
    if out != nil, folders.count > 1 {
      var seen: [String: String] = [:]
      for folder in folders {
        let name = FileWalker.folderName(folder)
        if let other = seen[name] {
          throw ValidationError(
            "'\(other)' and '\(folder)' would share \(name)/ in --out; grade them in separate runs.")
        }
        seen[name] = folder
      }
    }
  }

  func run() throws {
    var options = BatchRunner.Options(roots: folders)
    options.include = include.map { GlobPattern($0) }
    options.exclude = exclude.map { GlobPattern($0) }
    options.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    options.format = format ?? (out == nil ? .jsonl : .json)
    options.outputDirectory = out
    options.summaryPath = summary
    options.rubric = rubric
    options.minScore = minScore
    options.resume = resume
    options.lossy = reading.lossy
    options.maxBytes = reading.maxBytes
    options.htmlIndex = htmlIndex != nil

    let runner: BatchRunner
    do {
      runner = try BatchRunner(options)
    } catch {
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }

    // Ctrl-C: stop taking answers, let those in flight finish, write the summary; a second one quits at once.
    signal(SIGINT, SIG_IGN)
    let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    let cancel = runner.cancel
    interrupt.setEventHandler {
      cancel()
      signal(SIGINT, SIG_DFL)
    }
    interrupt.resume()
    defer { interrupt.cancel() }

    let display = ProgressDisplay(mode: quiet ? .never : progress)
    let result: BatchRunner.Result
    var indexRows: [BatchIndex.Row] = []
    do {
      result = try runner.run { outcome, progress in
        if htmlIndex != nil { indexRows.append(Self.indexRow(outcome, index: htmlIndex!)) }
        if let error = outcome.error { display.message(error.line) }
        if !quiet { for warning in outcome.warnings { display.message(warning) } }
        if let rendered = outcome.rendered { Output.write(bytes: rendered) }
        display.update(progress)
      }
    } catch {
      display.finish()
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }
    display.finish()
    if let htmlIndex {
      do {
        try AtomicFile.write(BatchIndex(rows: indexRows).html(), to: htmlIndex)
      } catch {
        Diagnostics.error(describe(error))
        throw ExitStatus.failed
      }
    }
    if result.interrupted {
      let c = result.counts
      Diagnostics.error(
        "answer-eval: interrupted after \(c.total - c.notProcessed) of \(c.total) answers"
          + (summary.map { "; \($0) lists them" } ?? ""))
    }
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
  }

  /// The index row of an outcome, linking its report by a path relative to the index's folder.
  static func indexRow(_ outcome: BatchOutcome, index: String) -> BatchIndex.Row {
    let page = outcome.reportFile.map { relativePath(from: (index as NSString).deletingLastPathComponent, to: $0) }
    if var row = outcome.indexRow {
      row.page = page
      return row
    }
    if outcome.row.status == .failed {
      return BatchIndex.Row(path: outcome.row.path, page: nil, failure: outcome.row.reason ?? "could not be graded")
    }
    return BatchIndex.Row(path: outcome.row.path, page: page, score: nil, criteria: [])
  }

  /// `target` relative to the folder `base` (both as given on the command line).
  static func relativePath(from base: String, to target: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    func parts(_ path: String) -> [String] {
      let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
      return URL(fileURLWithPath: absolute).standardizedFileURL.pathComponents
    }
    let from = parts(base.isEmpty ? "." : base), to = parts(target)
    var common = 0
    while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
    return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
  }
}

/// The live progress line on standard error.
///
/// On a terminal it is redrawn in place (`\r`, at most ten times a second) and cleared before a message;
/// elsewhere (`--progress always`) it is a new line at most once a second.
private final class ProgressDisplay {
  private let enabled: Bool
  private let terminal: Bool
  private var meter: ProgressMeter
  private var shown = false

  init(mode: BatchCommand.ProgressMode) {
    terminal = isatty(2) == 1
    enabled = mode == .always || (mode == .auto && terminal)
    meter = ProgressMeter(start: Self.now(), interval: terminal ? 0.1 : 1)
  }

  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// Prints a diagnostic line without garbling the progress line.
  func message(_ line: String) {
    if shown && terminal {
      StandardStream.error.write("\r\u{1B}[K")
      shown = false
    }
    Diagnostics.error(line)
  }

  /// Redraws the line when it is time, or at once when a message cleared it.
  func update(_ progress: BatchRunner.Progress) {
    guard enabled else { return }
    let now = Self.now()
    if let line = meter.line(progress, now: now) {
      draw(line)
    } else if terminal && !shown {
      draw(ProgressMeter.render(progress, elapsed: now - meter.start))
    }
  }

  func finish() {
    if shown && terminal { StandardStream.error.write("\n") }
    shown = false
  }

  private func draw(_ line: String) {
    if terminal {
      StandardStream.error.write("\r\u{1B}[K" + line)
      shown = true
    } else {
      StandardStream.error.write(line + "\n")
    }
  }
}
