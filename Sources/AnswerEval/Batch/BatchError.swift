import Foundation

/// Why a batch could not write a report or its summary, or read a JSON Lines request. Each message names
/// the path (or the input and line) and says what to do.
public enum BatchError: LocalizedError, Equatable, Sendable {
  /// A report path would leave the output folder (`..`, `.`, an empty component).
  case outputOutside(path: String)
  /// A folder on the way to a report is a symbolic link: the report is not written through it.
  case outputSymlink(path: String)
  /// The report could not be written.
  case outputWrite(path: String, reason: String)
  /// The summary could not be written.
  case summaryWrite(path: String, reason: String)
  /// A JSON Lines request is not valid (bad JSON, no `text`, a field of the wrong type).
  case jsonlRequest(source: String, line: Int, reason: String)

  public var errorDescription: String? {
    switch self {
    case .outputOutside(let path):
      return "\(path): error: [output.outside] would be written outside the output folder; "
        + "report paths may not contain `..` or `.` components"
    case .outputSymlink(let path):
      return "\(path): error: [output.symlink] is a symbolic link; reports are never written through links "
        + "inside --out: remove the link or choose another --out folder"
    case .outputWrite(let path, let reason):
      return "\(path): error: [output.write] cannot write the report: \(reason); check that the --out folder "
        + "is writable and has space"
    case .summaryWrite(let path, let reason):
      return "\(path): error: [output.summary] cannot write the summary: \(reason); check that its folder "
        + "exists and is writable"
    case .jsonlRequest(let source, let line, let reason):
      return "\(source):\(line): error: [input.jsonl] \(reason); send one JSON object per line, "
        + "like {\"id\": \"a-17\", \"text\": \"…\"}"
    }
  }
}
