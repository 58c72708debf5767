import AnswerEval
import AnswerEvalText
import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
  private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    Glibc.write(fd, buffer, count)
  }
#elseif canImport(Darwin)
  import Darwin
  private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    Darwin.write(fd, buffer, count)
  }
#endif

/// Writes every byte to `fd`, going on after partial writes and interruptions. False when a write fails,
/// with `errno` saying why.
private func writeFully(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
  var written = 0
  while written < bytes.count {
    let n = posixWrite(fd, bytes.baseAddress! + written, bytes.count - written)
    if n < 0 && errno == EINTR { continue }
    if n < 0 { return false }
    if n == 0 {
      errno = EIO  // nothing taken and no error: not expected of a regular file, pipe or device
      return false
    }
    written += n
  }
  return true
}

/// The documented exit codes.
enum ExitStatus {
  static let graded = ExitCode(0)
  static let belowMinScore = ExitCode(1)
  static let failed = ExitCode(2)
  static let usage = ExitCode(64)
}

/// Standard error, for diagnostics: stdout carries only reports. A diagnostic that cannot be written (standard
/// error closed, or on a full disk) is dropped: there is nowhere left to report it, and the exit code still
/// says what happened.
enum Diagnostics {
  static func error(_ message: String) { StandardStream.error.write(message + "\n") }

  static func warning(_ message: String) { StandardStream.error.write(message + "\n") }
}

/// Standard output, written in one piece per report, straight from the bytes (no `Data` copy: the report of a
/// 50 MiB answer is about 400 MB). If standard output cannot take it (a full disk, a closed pipe with SIGPIPE
/// ignored), the command stops with `<stdout>: error: [output.write] …` and exit code 2, rather than going on
/// grading answers whose reports would be lost.
enum Output {
  static func write(_ text: String) { StandardStream.output.write(text) }

  static func write(bytes: [UInt8]) { bytes.withUnsafeBytes { StandardStream.output.write($0) } }
}

/// File descriptors 1 and 2, written with `write(2)` until every byte is taken.
struct StandardStream {
  static let output = StandardStream(descriptor: 1)
  static let error = StandardStream(descriptor: 2)

  let descriptor: Int32

  func write(_ text: String) {
    var text = text
    text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
  }

  func write(_ bytes: UnsafeRawBufferPointer) {
    // Standard error that cannot be written is left be (see `Diagnostics`); standard output stops the command.
    guard !writeFully(descriptor, bytes), descriptor == 1 else { return }
    Diagnostics.error(OutputError.standardOutput(reason: String(cString: strerror(errno))).errorDescription!)
    exit(ExitStatus.failed.rawValue)
  }
}

/// How answers are read, for `batch` as for the commands that read one answer.
struct ReadingOptions: ParsableArguments {
  @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.")
  var lossy = false

  @Option(
    name: .customLong("max-bytes"),
    help: ArgumentHelp(
      "The most bytes one answer may have (default: \(InputReader.defaultLimit), 64 MiB).", valueName: "n"))
  var maxBytesOption: Int?

  /// `--max-bytes`, or the default.
  var maxBytes: Int { maxBytesOption ?? InputReader.defaultLimit }

  func validate() throws {
    if let maxBytesOption, maxBytesOption <= 0 {
      throw ValidationError("--max-bytes must be a positive number of bytes.")
    }
  }
}

/// Options every command that reads answers shares.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The name for standard input in reports and messages.", valueName: "label"))
  var stdinName: String = "<stdin>"

  @OptionGroup var reading: ReadingOptions

  /// The label of an input path in output.
  func label(for path: String) -> String { path == "-" ? stdinName : path }

  /// Reads and grades one input; warns on stderr when `--lossy` replaced bytes. With `followFrontMatter`,
  /// an answer whose front matter names a rubric (`rubric: NAME`) is graded with it.
  func grade(_ path: String, with grader: Grader, followFrontMatter: Bool = false) throws -> Grader.Graded {
    let label = label(for: path)
    let bytes = try InputReader.read(path, name: label, limit: reading.maxBytes)
    let graded =
      followFrontMatter
      ? try grader.grade(bytes: bytes, source: label, lossy: reading.lossy, frontMatterRubrics: .shared)
      : try grader.grade(bytes: bytes, source: label, lossy: reading.lossy)
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

/// When to colour readable output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  /// Colour when standard output is a terminal and `NO_COLOR` is not set (or empty).
  case auto
  /// Always colour, even into a pipe or a file, and even when `NO_COLOR` is set (an explicit flag wins).
  case always
  case never
}

/// What standard output is connected to.
enum Terminal {
  /// Whether standard output is a terminal.
  static var isStandardOutput: Bool { isatty(STDOUT_FILENO) == 1 }

  /// The columns of the terminal on standard output (`TIOCGWINSZ`), or nil when it is not a terminal or does
  /// not say.
  static var standardOutputColumns: Int? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// Whether to colour: `always`, `never`, or for `auto` a terminal without a non-empty `NO_COLOR`.
  static func useColor(_ choice: ColorChoice, isTerminal: Bool, environment: [String: String]) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto: return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
  }

  /// The width to wrap to: the terminal's columns, else `COLUMNS` (a positive number), else 80.
  static func width(terminalColumns: Int?, environment: [String: String]) -> Int {
    if let terminalColumns { return terminalColumns }
    if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
    return 80
  }
}

/// Why a report could not be written: to its `--output` file, or to standard output.
enum OutputError: LocalizedError, Equatable {
  case unwritable(path: String, reason: String)
  case notAFile(path: String, kind: String)
  case standardOutput(reason: String)

  var errorDescription: String? {
    switch self {
    case .unwritable(let path, let reason):
      return "\(path): error: [output.write] cannot write the report: \(reason); "
        + "check that the folder exists and is writable"
    case .notAFile(let path, let kind):
      return "\(path): error: [output.not-file] is a \(kind), not a file; write the report to a file"
    case .standardOutput(let reason):
      return "<stdout>: error: [output.write] cannot write to standard output: \(reason); "
        + "check the disk or the pipe it goes to"
    }
  }
}

/// Writes a file atomically: a temporary file in the same folder, flushed to disk, then renamed over the
/// target, so readers see the old file or the new one, never a part. A new file gets the usual permissions
/// (0666 less the umask); a replaced file keeps its own.
///
/// Nothing is written outside the target's folder: a symbolic link at the target is replaced by the file,
/// never written through (it could point anywhere), and a folder at the target is an error.
///
/// A character device or a named pipe at the target (`/dev/null`, a FIFO), or a link to one, and a path that
/// names an open file descriptor (`/dev/stdout`, `/dev/fd/3`) are written into instead, appending: renaming a
/// file over them would replace the device node or the link itself, which root is allowed to do. A block
/// device or a socket is an error.
enum AtomicFile {
  static func write(_ text: String, to path: String) throws(OutputError) {
    try write(bytes: Array(text.utf8), to: path)
  }

  static func write(bytes: [UInt8], to path: String) throws(OutputError) {
    if namesDescriptor(path) { return try writeThrough(bytes, to: path) }
    var target = stat()
    if stat(path, &target) == 0 {
      switch target.st_mode & S_IFMT {
      case S_IFCHR, S_IFIFO: return try writeThrough(bytes, to: path)
      case S_IFBLK: throw .notAFile(path: path, kind: "block device")
      case S_IFSOCK: throw .notAFile(path: path, kind: "socket")
      default: break
      }
    }
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).tmp-XXXXXX").utf8CString)
    let fd = mkstemp(&template)
    if fd < 0 { throw failure(path) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var renamed = false
    defer { if !renamed { unlink(temporary) } }
    var info = stat()
    let mode: mode_t
    if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
      mode = info.st_mode & 0o7777
    } else {
      let mask = umask(0o022)
      umask(mask)
      mode = 0o666 & ~mask
    }
    try writeAll(bytes, to: fd, path: path)
    if fchmod(fd, mode) != 0 || fsync(fd) != 0 {
      let error = failure(path)
      close(fd)
      throw error
    }
    if close(fd) != 0 || rename(temporary, path) != 0 { throw failure(path) }
    renamed = true
  }

  /// Whether `path`, or a link it leads through, sits in a process's `fd` folder (`/dev/stdout` is a link to
  /// `/proc/self/fd/1`, and `/dev/fd` to `/proc/self/fd`).
  static func namesDescriptor(_ path: String) -> Bool {
    var current = path
    for _ in 0..<8 {
      let directory = (current as NSString).deletingLastPathComponent
      if let real = realpath(directory.isEmpty ? "." : directory, nil) {
        defer { free(real) }
        let parts = String(cString: real).split(separator: "/")
        if parts.count == 3, parts[0] == "proc", parts[2] == "fd" { return true }
      }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, Int(PATH_MAX))
      guard length > 0 else { return false }
      let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = target.hasPrefix("/") ? target : (directory.isEmpty ? "." : directory) + "/" + target
    }
    return false
  }

  /// Writes into a device, a named pipe or an open descriptor as it is: no temporary file, no rename, and
  /// appending (a report sent to `/dev/stdout` after `>> log` adds to the log).
  private static func writeThrough(_ bytes: [UInt8], to path: String) throws(OutputError) {
    let fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC)
    if fd < 0 { throw failure(path) }
    try writeAll(bytes, to: fd, path: path)
    if close(fd) != 0 { throw failure(path) }
  }

  /// Writes every byte to `fd`; on failure closes it and throws.
  private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(OutputError) {
    if bytes.withUnsafeBytes({ writeFully(fd, $0) }) { return }
    let error = failure(path)
    close(fd)
    throw error
  }

  private static func failure(_ path: String) -> OutputError {
    .unwritable(path: path, reason: String(cString: strerror(errno)))
  }
}
