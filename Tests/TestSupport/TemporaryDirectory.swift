import Foundation

/// A fresh folder under the system's temporary folder, removed when the value goes away; tests build their
/// fixtures in it at run time (files that cannot live in git: unreadable, binary, broken links).
public final class TemporaryDirectory {
  /// The folder's path (no trailing slash).
  public let path: String

  public init() throws {
    let template = NSTemporaryDirectory() + "/answer-eval-test-XXXXXX"
    var bytes = Array(template.utf8CString)
    guard let made = mkdtemp(&bytes) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: template])
    }
    path = URL(fileURLWithPath: String(cString: made)).standardizedFileURL.path
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The path of `relative` inside the folder.
  public func path(_ relative: String) -> String { path + "/" + relative }

  /// Writes `bytes` at `relative`, creating the folders on the way; returns the path.
  @discardableResult
  public func write(_ relative: String, bytes: [UInt8]) throws -> String {
    let file = path(relative)
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  /// Writes `text` as UTF-8 at `relative`; returns the path.
  @discardableResult
  public func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, bytes: Array(text.utf8))
  }

  /// Creates the folder `relative` (and its parents); returns the path.
  @discardableResult
  public func folder(_ relative: String) throws -> String {
    try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    return path(relative)
  }

  /// Makes `relative` a symbolic link to `target`.
  public func link(_ relative: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
  }

  /// The files under the folder (or under `relative`), as sorted relative paths.
  public func files(under relative: String = "") throws -> [String] {
    let root = relative.isEmpty ? path : path(relative)
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var found: [String] = []
    while let item = walker.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isFolder), !isFolder.boolValue {
        found.append(item)
      }
    }
    return found.sorted()
  }
}

/// Whether the tests run as root, for whom `chmod 000` does not make a file unreadable.
public var runningAsRoot: Bool { geteuid() == 0 }

/// A realistic answer of about `words` words, numbered so every one differs.
public func sampleAnswer(_ number: Int, words: Int = 60) -> String {
  let sentences = [
    "Our checkout page took four seconds to load, and I owned the fix.",
    "I profiled the bundle and found that two libraries made up 60% of it.",
    "We chose to lazy-load the charts rather than rewrite them, at the cost of a short flicker.",
    "Load time fell from 4.1 s to 1.3 s and conversion rose by 6%.",
    "Next time I would measure earlier instead of trusting my first guess.",
  ]
  var text = "Answer \(number).", count = 2
  var i = 0
  while count < words {
    let sentence = sentences[i % sentences.count]
    text += " " + sentence
    count += sentence.split(separator: " ").count
    i += 1
  }
  return text + "\n"
}
