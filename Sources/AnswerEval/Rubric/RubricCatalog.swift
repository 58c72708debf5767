import Foundation

/// Where rubrics are found, in order:
/// 1. the folders in `ANSWER_EVAL_RUBRICS` (separated by `:`);
/// 2. the bundled `Rubrics/` folder: `share/answer-eval/Rubrics` beside an installed binary's `bin/`, a
///    `Rubrics/` folder in a parent of the binary's folder (`swift run`, `.build/debug/answer-eval`), or
///    the `Rubrics/` folder of the source tree the binary was built from.
///
/// A rubric named `NAME` is the file `NAME.yaml` in the first folder that has one; cue pack `ID` is
/// `packs/ID.yaml` beside the rubric that uses it, or in any of the folders.
public struct RubricCatalog: Sendable {
  public var folders: [String]

  public init(folders: [String]) { self.folders = folders }

  /// The standard search folders for this process.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> RubricCatalog {
    var folders: [String] = []
    if let extra = environment["ANSWER_EVAL_RUBRICS"] {
      folders += extra.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }
    if let bundled = bundledFolder() { folders.append(bundled) }
    return RubricCatalog(folders: folders)
  }

  /// The bundled rubric folder, if one can be found.
  public static func bundledFolder() -> String? {
    let fm = FileManager.default
    func isRubricFolder(_ path: String) -> Bool { fm.fileExists(atPath: path + "/behavioral.yaml") }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    var dir = executable.deletingLastPathComponent()
    let share = dir.deletingLastPathComponent().appendingPathComponent("share/answer-eval/Rubrics").path
    if isRubricFolder(share) { return share }
    for _ in 0..<6 {
      let candidate = dir.appendingPathComponent("Rubrics").path
      if isRubricFolder(candidate) { return candidate }
      dir.deleteLastPathComponent()
    }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rubrics").path
    return isRubricFolder(source) ? source : nil
  }

  /// Whether `--rubric` names a file rather than a bundled rubric.
  public static func isPath(_ value: String) -> Bool {
    value.contains("/") || value.hasSuffix(".yaml") || value.hasSuffix(".yml")
  }

  /// The file of rubric `name`: beside `near` first (for `extends`), then in the folders.
  public func file(named name: String, near: String? = nil) -> String? {
    var candidates: [String] = []
    if let near { candidates.append(URL(fileURLWithPath: near).deletingLastPathComponent().path) }
    candidates += folders
    for folder in candidates {
      let path = folder + "/" + name + ".yaml"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    return nil
  }

  /// The file of cue pack `id`: `packs/ID.yaml` beside `near`, then in the folders.
  public func packFile(named id: String, near: String) -> String? {
    let candidates = [URL(fileURLWithPath: near).deletingLastPathComponent().path] + folders
    for folder in candidates {
      let path = folder + "/packs/" + id + ".yaml"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    return nil
  }

  /// The names of all rubrics in the folders (first folder wins), sorted.
  public func names() -> [String] { Array(Set(files().keys)).sorted() }

  /// Rubric name → file, first folder wins.
  public func files() -> [String: String] {
    var result: [String: String] = [:]
    for folder in folders {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for entry in entries.sorted() where entry.hasSuffix(".yaml") {
        let name = String(entry.dropLast(5))
        if result[name] == nil { result[name] = folder + "/" + entry }
      }
    }
    return result
  }
}
