/// Why libxml2 could not write or read a document.
///
/// This module does not import Foundation (see `Package.swift`), so the error is a plain `Error` whose
/// `description` is the message: `error: [xml.write] libxml2 failed to start element <report>`.
public enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A libxml2 writer call failed (out of memory, or a name libxml2 rejects). `operation` names the call.
  case write(operation: String)
  /// The schema at `path` could not be read or is not a valid XSD; `issues` say where.
  case schema(path: String, issues: [XMLIssue])

  public var description: String {
    switch self {
    case .write(let operation):
      return "error: [xml.write] libxml2 failed to \(operation)"
    case .schema(let path, let issues):
      guard let first = issues.first else { return "\(path): error: [xml.schema] not a usable XML schema" }
      return "\(path):\(first.line): error: [xml.schema] not a usable XML schema: \(first.message)"
    }
  }
}

/// One problem libxml2 found in a document: its 1-based line (0 when unknown) and message.
///
/// ```
/// XMLIssue(line: 3, message: "Element 'span': The attribute 'start' is required but missing.")
/// ```
public struct XMLIssue: Sendable, Equatable, CustomStringConvertible {
  public var line: Int
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { "\(line): \(message)" }
}
