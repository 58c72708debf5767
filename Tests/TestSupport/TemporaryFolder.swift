import Foundation

/// A new empty folder under the system's temporary folder, removed when the value is released.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path("a.md")))
/// ```
public final class TemporaryFolder {
  /// The folder's absolute path.
  public let path: String

  public init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("answer-eval-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    // Make anything a test made unreadable removable again.
    if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
      for name in names { chmod(self.path(name), 0o700) }
    }
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `name` inside the folder.
  public func path(_ name: String) -> String { path + "/" + name }

  /// Writes `bytes` to `name` inside the folder and returns its path.
  @discardableResult
  public func write(_ bytes: [UInt8], to name: String) throws -> String {
    try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    return path(name)
  }
}
