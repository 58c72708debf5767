import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `--out` folder: writes each report atomically at a relative path inside it, and never outside.
///
/// - Atomic: the report is written to a temporary file in its final folder, then renamed over the final
///   name, so a reader (or an interrupted batch) never sees a partial report.
/// - Inside: relative paths with `..`, `.` or empty components are refused, and every folder on the way is
///   opened relative to the one before without following symbolic links (`openat` with `O_NOFOLLOW`): a
///   link inside the output folder that points elsewhere is an error, never a way out. The output folder
///   itself may be a link.
/// - Any file name the file system accepts works: the path is passed one component at a time.
///
/// It holds an open descriptor of the folder and no mutable state, so threads may share it.
///
/// ```swift
/// let out = try OutputDirectory(creating: "reports")
/// try out.write(Array("{}\n".utf8), to: "a/b.md.json")   // reports/a/b.md.json
/// try out.write(Array("{}\n".utf8), to: "../x.json")     // throws [output.outside]
/// ```
public final class OutputDirectory: Sendable {
  /// A modification time, to the nanosecond.
  public struct FileTime: Comparable, Sendable {
    public var seconds: Int
    public var nanoseconds: Int

    /// The modification time of the file at `path` (links followed); nil when it cannot be read.
    public init?(path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      self.init(info)
    }

    init(_ info: stat) {
      #if canImport(Darwin)
        seconds = Int(info.st_mtimespec.tv_sec)
        nanoseconds = Int(info.st_mtimespec.tv_nsec)
      #else
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
      #endif
    }

    public static func < (a: FileTime, b: FileTime) -> Bool {
      (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }
  }

  /// The folder as given.
  public let path: String
  private let descriptor: Int32

  /// Opens the folder at `path`, creating it and its parents when missing.
  public init(creating path: String) throws(BatchError) {
    self.path = FileWalker.trimmingTrailingSlashes(path)
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw BatchError.outputWrite(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
    }
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd < 0 { throw BatchError.outputWrite(path: path, reason: String(cString: strerror(errno))) }
    descriptor = fd
  }

  deinit { close(descriptor) }

  /// The path a relative path names, for messages.
  public func displayPath(_ relativePath: String) -> String { path + "/" + relativePath }

  /// Writes `bytes` to `relativePath` atomically, creating the folders on the way.
  /// - Throws: ``BatchError/outputOutside(path:)``, ``BatchError/outputSymlink(path:)`` or
  ///   ``BatchError/outputWrite(path:reason:)``; no file is left behind.
  public func write(_ bytes: [UInt8], to relativePath: String) throws(BatchError) {
    let (folders, name) = try split(relativePath)
    let parent = try openFolders(folders, creating: true, for: relativePath)
    defer { close(parent) }
    var random = SystemRandomNumberGenerator()
    let temporary = ".answer-eval-\(getpid())-\(String(random.next() as UInt64, radix: 36)).tmp"
    let fd = openat(parent, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
    if fd < 0 { throw failure(relativePath, errno) }
    var written = 0
    var code: Int32 = 0
    bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let n = posixWrite(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          code = errno
          return
        }
        written += n
      }
    }
    if close(fd) != 0 && code == 0 { code = errno }
    if code == 0 && renameat(parent, temporary, parent, name) != 0 { code = errno }
    if code != 0 {
      unlinkat(parent, temporary, 0)
      throw failure(relativePath, code)
    }
  }

  /// The modification time of the file at `relativePath`, or nil when it does not exist (or a folder on the
  /// way is missing or a link).
  public func modificationTime(of relativePath: String) -> FileTime? {
    guard let (folders, name) = try? split(relativePath),
      let parent = try? openFolders(folders, creating: false, for: relativePath)
    else { return nil }
    defer { close(parent) }
    var info = stat()
    guard fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      return nil
    }
    return FileTime(info)
  }

  private func split(_ relativePath: String) throws(BatchError) -> (folders: [Substring], name: String) {
    let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
    guard let name = components.last,
      components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
    else { throw BatchError.outputOutside(path: displayPath(relativePath)) }
    return (Array(components.dropLast()), String(name))
  }

  /// A descriptor of the folder `folders` lead to (the caller closes it).
  private func openFolders(_ folders: [Substring], creating: Bool, for relativePath: String) throws(BatchError)
    -> Int32
  {
    var current = dup(descriptor)
    if current < 0 { throw failure(relativePath, errno) }
    var walked = ""
    for folder in folders {
      let name = String(folder)
      walked += walked.isEmpty ? name : "/" + name
      if creating && mkdirat(current, name, 0o777) != 0 && errno != EEXIST {
        let code = errno
        close(current)
        throw failure(relativePath, code)
      }
      let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if next < 0 {
        let code = errno
        var info = stat()
        let isLink = fstatat(current, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        close(current)
        if isLink { throw BatchError.outputSymlink(path: displayPath(walked)) }
        throw failure(relativePath, code)
      }
      close(current)
      current = next
    }
    return current
  }

  private func failure(_ relativePath: String, _ code: Int32) -> BatchError {
    .outputWrite(path: displayPath(relativePath), reason: String(cString: strerror(code)))
  }
}
