import Foundation

/// Where the repository's folders are, found from this file's path (never the working directory).
public enum Repository {
  /// The repository root.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A path under the root, e.g. `Repository.path("Fixtures/text/crlf.txt")`.
  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// The result of running the `answer-eval` binary.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  public var stdoutBytes: Data
}

/// Runs the built `answer-eval` executable, the way a user does.
public enum CLI {
  /// The binary: `ANSWER_EVAL_BIN`, else `answer-eval` beside the running test bundle.
  public static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["ANSWER_EVAL_BIN"] { return URL(fileURLWithPath: path) }
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // On Linux the test runner is `…/debug/answer-evalPackageTests.xctest`; on macOS it sits inside a bundle.
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("answer-eval")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "answer-eval")
  }

  /// Runs `answer-eval arguments…` with `stdin` (nothing when nil) in `directory` (the repository root by
  /// default) and extra environment variables. `stdoutFile` / `stderrFile` send that stream to a file (such as
  /// `/dev/full`) instead of capturing it; its text in the result is then empty.
  public static func run(
    _ arguments: [String], stdin: Data? = nil, directory: String? = nil, environment: [String: String] = [:],
    stdoutFile: String? = nil, stderrFile: String? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Repository.root.path)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = try stdoutFile.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) } ?? out
    process.standardError = try stderrFile.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) } ?? err
    process.standardInput = input
    try process.run()
    if stdoutFile != nil { try out.fileHandleForWriting.close() }
    if stderrFile != nil { try err.fileHandleForWriting.close() }
    // Read both pipes concurrently so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
  }
}

/// A prefix of multibyte text (combining marks, an emoji ZWJ sequence with a skin tone, an em dash) that
/// span tests put in front of their input, to show offsets shift by exactly its length.
public let multibytePrefix = "Ünïcödé 👩🏽‍💻 — "
