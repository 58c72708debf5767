import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the bytes of one answer from a path or from standard input (`-`).
///
/// Regular files, FIFOs and character devices are read to the end; directories and missing or
/// unreadable paths are ``InputError``s that name the path.
///
/// ```swift
/// try InputReader.read("answer.md")   // [UInt8]
/// try InputReader.read("Corpora")     // throws: Corpora: error: [input.directory] is a directory; …
/// ```
public enum InputReader {
  /// The default limit on one answer's size: 64 MiB.
  public static let defaultLimit = 64 << 20

  /// - Parameters:
  ///   - path: a file path, or `-` for standard input.
  ///   - name: how messages name the input (defaults to the path, or `<stdin>`).
  ///   - limit: the most bytes accepted.
  public static func read(_ path: String, name: String? = nil, limit: Int = defaultLimit) throws(InputError) -> [UInt8]
  {
    let label = name ?? (path == "-" ? "<stdin>" : path)
    if path == "-" { return try readAll(fd: 0, label: label, limit: limit) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      let code = errno
      var info = stat()
      if code == ENOENT, lstat(path, &info) == 0 { throw InputError.brokenLink(path: label) }
      throw error(code, label)
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw error(errno, label) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError.isDirectory(path: label) }
    let regular = (info.st_mode & S_IFMT) == S_IFREG
    if regular, Int(info.st_size) > limit {
      throw InputError.tooLarge(path: label, bytes: Int(info.st_size), limit: limit)
    }
    return try readAll(fd: fd, label: label, limit: limit, expected: regular ? Int(info.st_size) : 0)
  }

  /// Reads to the end (a regular file may grow or shrink while it is read), failing once past `limit`.
  ///
  /// The `expected` bytes (a regular file's size) are read straight into the array, with room for one more
  /// so that the end of a file that did not grow is seen without a copy; the rest goes through a chunk.
  private static func readAll(fd: Int32, label: String, limit: Int, expected: Int = 0) throws(InputError) -> [UInt8] {
    var failure: Int32? = nil
    var ended = false
    var bytes = [UInt8](unsafeUninitializedCapacity: min(expected, limit) + 1) { buffer, count in
      count = 0
      while count < buffer.count {
        let n = posixRead(fd, buffer.baseAddress! + count, buffer.count - count)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if n == 0 {
          ended = true
          return
        }
        count += n
      }
    }
    if let failure { throw error(failure, label) }
    if bytes.count > limit { throw InputError.tooLarge(path: label, bytes: bytes.count, limit: limit) }
    if ended { return bytes }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw error(errno, label)
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
      if bytes.count > limit { throw InputError.tooLarge(path: label, bytes: bytes.count, limit: limit) }
    }
    return bytes
  }

  private static func error(_ code: Int32, _ label: String) -> InputError {
    switch code {
    case ENOENT, ENOTDIR: return .missing(path: label)
    case EACCES, EPERM: return .permissionDenied(path: label)
    case EISDIR: return .isDirectory(path: label)
    case ELOOP: return .symlinkLoop(path: label)
    default: return .unreadable(path: label, reason: String(cString: strerror(code)))
    }
  }
}
