import Foundation

/// An error as batch outputs record it: the whole message (`path: error: [id] message`) for standard error,
/// and its id and message for summaries and JSON Lines error objects.
///
/// ```swift
/// let d = Diagnostic(InputError.missing(path: "a.md"))
/// d.id       // "input.missing"
/// d.message  // "no such file; check the path"
/// d.line     // "a.md: error: [input.missing] no such file; check the path"
/// ```
public struct Diagnostic: Sendable, Equatable, Codable {
  public var id: String
  public var message: String
  /// The whole line for standard error.
  public var line: String

  public init(id: String, message: String, line: String) {
    self.id = id
    self.message = message
    self.line = line
  }

  /// Splits the message of `error` at its `error: [id]` marker; an error without one gets the id `internal`.
  public init(_ error: Error) {
    let line = (error as? LocalizedError)?.errorDescription ?? "error: \(error)"
    self.line = line
    if let marker = line.range(of: "error: ["), let close = line[marker.upperBound...].firstIndex(of: "]") {
      id = String(line[marker.upperBound..<close])
      message = String(line[line.index(after: close)...].drop(while: { $0 == " " }))
    } else {
      id = "internal"
      message = line
    }
  }
}
