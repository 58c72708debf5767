import Foundation

/// A problem in a rubric or cue-pack file, reported as
/// `Rubrics/x.yaml:LINE:COL: error: [rubric.<id>] what is wrong and how to fix it`.
///
/// `id` is the rubric's (or pack's) id when it is known, else the file's base name.
public struct RubricError: LocalizedError, Equatable, Sendable {
  public var file: String
  public var line: Int
  public var column: Int
  public var id: String
  public var message: String

  public init(file: String, line: Int, column: Int, id: String, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.id = id
    self.message = message
  }

  public var errorDescription: String? {
    let place = line > 0 ? "\(file):\(line):\(column)" : file
    return "\(place): error: [rubric.\(id)] \(message)"
  }
}

/// Several rubric problems found in one check.
public struct RubricErrors: LocalizedError, Sendable {
  public var errors: [RubricError]
  public var errorDescription: String? { errors.map { $0.errorDescription ?? "" }.joined(separator: "\n") }
}
