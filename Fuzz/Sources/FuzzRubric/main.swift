import AnswerEval
import Foundation

// libFuzzer target `rubric`: any bytes, loaded as a rubric file and as a cue-pack file, the way
// `answer-eval score --rubric FILE` and `answer-eval rubric check FILE` load them.
//
// bytes → YAML → rubric. Loading may only throw RubricError (or RubricErrors); a rubric that loads must also
// compile and grade an answer whose report encodes as JSON. Anything else stops the fuzzer. The bytes are
// written to a file in a folder of this process (removed when the process exits), so `extends:` and `packs:`
// resolve as for a user's rubric: beside the file first, then in the bundled Rubrics/ folder.

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let folderPath = FileManager.default.temporaryDirectory
  .appendingPathComponent("answer-eval-fuzz-rubric-\(getpid())").path
private let folder: String = {
  try! FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
  atexit { try? FileManager.default.removeItem(atPath: folderPath) }
  return folderPath
}()
private nonisolated(unsafe) let loader = try! RubricLoader(
  catalog: RubricCatalog(folders: [repository.appendingPathComponent("Rubrics").path]))
private let answer =
  Array(
    "Situation: our p95 latency was 900 ms. Task: I had to cut it. Action: I chose caching over a rewrite, at the "
      .utf8) + Array("cost of stale reads. Result: p95 fell by 40%. I learned to measure first.".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Data(UnsafeBufferPointer(start: $0, count: size)) } ?? Data()
  let file = folder + "/fuzz.yaml"
  try! bytes.write(to: URL(fileURLWithPath: file))
  expectingRubricErrors { _ = try loader.loadPack(file: file) }
  expectingRubricErrors {
    let rubric = try CompiledRubric(loader.load(file: file))
    let graded = try Grader(rubric: rubric).grade(bytes: answer, source: "answer.md")
    _ = try ReportFormat.json.render(graded.report)
  }
  return 0
}

/// Runs `body`; a thrown RubricError is the documented outcome, any other error stops the fuzzer.
private func expectingRubricErrors(_ body: () throws -> Void) {
  do {
    try body()
  } catch is RubricError {
  } catch is RubricErrors {
  } catch {
    fatalError("undocumented error: \(type(of: error)): \(error)")
  }
}
