import Foundation

/// Why an input could not be read. Each message names the path and says what to do.
public enum InputError: LocalizedError, Equatable, Sendable {
  case missing(path: String)
  case isDirectory(path: String)
  case permissionDenied(path: String)
  case unreadable(path: String, reason: String)
  /// Over the size limit: `bytes` is a regular file's size, or what was read of a stream before giving up.
  case tooLarge(path: String, bytes: Int, limit: Int)
  case empty(path: String)
  case brokenLink(path: String)
  case symlinkLoop(path: String)
  case notRegularFile(path: String, kind: String)
  case undecodableName(path: String)

  public var errorDescription: String? {
    switch self {
    case .missing(let path):
      return "\(path): error: [input.missing] no such file; check the path"
    case .isDirectory(let path):
      return "\(path): error: [input.directory] is a directory; grade a folder with `answer-eval batch \(path)`"
    case .permissionDenied(let path):
      return "\(path): error: [input.permission] permission denied; make the file readable (chmod +r)"
    case .unreadable(let path, let reason):
      return "\(path): error: [input.unreadable] cannot be read: \(reason)"
    case .tooLarge(let path, let bytes, let limit):
      return "\(path): error: [input.too-large] is at least \(bytes) bytes, over the limit of \(limit) bytes; "
        + "split the answer or raise --max-bytes"
    case .empty(let path):
      return "\(path): error: [input.empty] is empty or only white space; write the answer in the file, or remove it"
    case .brokenLink(let path):
      return "\(path): error: [input.broken-link] is a symbolic link to nothing; fix the link or remove it"
    case .symlinkLoop(let path):
      return "\(path): error: [input.symlink-loop] is a loop of symbolic links; fix the link or remove it"
    case .notRegularFile(let path, let kind):
      return "\(path): error: [input.not-file] is a \(kind), not a regular file; remove it or exclude it with --exclude"
    case .undecodableName(let path):
      return "\(path): error: [input.name] the file name is not valid UTF-8; rename the file"
    }
  }
}
