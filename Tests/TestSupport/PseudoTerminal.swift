import Foundation

/// Runs the built `answer-eval` on a pseudo-terminal, through util-linux `script`, to test what it does when
/// standard output is a terminal (default format, colour, width from `TIOCGWINSZ`).
///
/// The terminal carries standard output and standard error together, with line ends as `\r\n`.
public enum PseudoTerminal {
  /// `script`, when it is installed.
  public static let script: String? = ["/usr/bin/script", "/bin/script"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Runs `setup` (shell commands, e.g. `stty cols 50; `) and then `answer-eval arguments…` on a terminal, in
  /// the repository root, with `NO_COLOR=1` unless `environment` says otherwise.
  public static func run(_ arguments: [String], setup: String = "", environment: [String: String] = [:]) throws
    -> CommandResult
  {
    guard let script else { preconditionFailure("util-linux script is not installed") }
    let quoted = ([CLI.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: script)
    process.arguments = ["-qec", setup + quoted.joined(separator: " "), "/dev/null"]
    process.currentDirectoryURL = Repository.root
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "", stdoutBytes: data)
  }
}
