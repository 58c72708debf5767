import AnswerEval
import AnswerEvalText
import ArgumentParser
import Foundation

/// The documented exit codes.
enum ExitStatus {
  static let graded = ExitCode(0)
  static let belowMinScore = ExitCode(1)
  static let failed = ExitCode(2)
  static let usage = ExitCode(64)
}

/// Standard error, for diagnostics: stdout carries only reports.
enum Diagnostics {
  static func error(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  static func warning(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

/// Standard output, written in one piece per report.
enum Output {
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

/// Options every command that reads answers shares.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The name for standard input in reports and messages.", valueName: "label"))
  var stdinName: String = "<stdin>"

  @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.")
  var lossy = false

  /// The label of an input path in output.
  func label(for path: String) -> String { path == "-" ? stdinName : path }

  /// Reads and grades one input; warns on stderr when `--lossy` replaced bytes. With `followFrontMatter`,
  /// an answer whose front matter names a rubric (`rubric: NAME`) is graded with it.
  func grade(_ path: String, with grader: Grader, followFrontMatter: Bool = false) throws -> Grader.Graded {
    let label = label(for: path)
    let bytes = try InputReader.read(path, name: label)
    let graded =
      followFrontMatter
      ? try grader.grade(bytes: bytes, source: label, lossy: lossy, frontMatterRubrics: .shared)
      : try grader.grade(bytes: bytes, source: label, lossy: lossy)
    if graded.replacements > 0 {
      Diagnostics.warning(
        "\(label): warning: [text.lossy] replaced \(graded.replacements) invalid byte(s) with U+FFFD")
    }
    return graded
  }
}

/// The message of an error for stderr.
func describe(_ error: Error) -> String {
  (error as? LocalizedError)?.errorDescription ?? "error: \(error)"
}
