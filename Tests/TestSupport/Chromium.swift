import Foundation

/// A real browser for tests: Debian's `chromium`, run headless, to load a page and dump its DOM after
/// parsing and scripts, or to take a screenshot.
///
/// Tests that need it skip when it is not installed, unless `ANSWER_EVAL_REQUIRE_BROWSER=1` (which `.ci/run`
/// sets, after installing it): then a missing browser is a failure, so CI can never pass without the check.
public enum Chromium {
  /// The browser: `ANSWER_EVAL_CHROMIUM` if set, else the first of `chromium`, `chromium-browser`,
  /// `google-chrome` found on `PATH`.
  public static let binary: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["ANSWER_EVAL_CHROMIUM"], !path.isEmpty { return path }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }()

  /// Whether the environment demands the browser (`ANSWER_EVAL_REQUIRE_BROWSER=1`).
  public static var isRequired: Bool { ProcessInfo.processInfo.environment["ANSWER_EVAL_REQUIRE_BROWSER"] == "1" }

  /// Why a browser run failed.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The serialized DOM of `page` once loaded (`--dump-dom`).
  public static func dumpDOM(_ page: URL) throws -> String {
    String(decoding: try run(["--dump-dom", page.absoluteString]), as: UTF8.self)
  }

  /// Writes a PNG screenshot of `page` at `width`×`height` pixels to `png`.
  public static func screenshot(_ page: URL, to png: URL, width: Int = 1200, height: Int = 2000) throws {
    try? FileManager.default.removeItem(at: png)
    _ = try run(["--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString])
    guard FileManager.default.fileExists(atPath: png.path) else {
      throw Failure(description: "chromium wrote no screenshot to \(png.path)")
    }
  }

  /// Runs the browser headless with its own empty profile (so runs never share one) and returns its stdout.
  private static func run(_ arguments: [String]) throws -> Data {
    guard let binary else { throw Failure(description: "chromium is not installed") }
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("answer-eval-chromium-\(UUID())")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments =
      [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(profile.path)",
      ] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    watchdog.cancel()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errData, as: UTF8.self).split(separator: "\n").suffix(5).joined(separator: "\n")
      throw Failure(description: "chromium exited with \(process.terminationStatus): \(message)")
    }
    return outData
  }
}
