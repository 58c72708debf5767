import Foundation
import TestSupport
import Testing

/// `answer-eval` with the compiled-rubric cache: the reports are the same bytes whether the rubric was
/// compiled from YAML, compiled and stored, or read back from the cache.
@Suite struct RubricCacheCommandTests {
  @Test(arguments: ["behavioral", "technical", "deployment-tradeoff"])
  func reportsAreTheSameWithAndWithoutTheCache(rubric: String) throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("answer-eval-cache-\(UUID().uuidString)")
      .path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    // Every labelled answer (number words, units, every kind of cue).
    let answers = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Corpora/labelled"))
      .filter { $0.hasSuffix(".md") }.sorted().map { "Corpora/labelled/" + $0 }
    let arguments = ["score"] + answers + ["--rubric", rubric, "--format", "jsonl"]
    let uncached = try CLI.run(arguments, environment: ["ANSWER_EVAL_CACHE": "off"])
    let storing = try CLI.run(arguments, environment: ["ANSWER_EVAL_CACHE": cache])
    let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
    #expect(entries.count == 1 && entries[0].hasPrefix("rubric-") && entries[0].hasSuffix(".bin"))
    let cached = try CLI.run(arguments, environment: ["ANSWER_EVAL_CACHE": cache])
    #expect(uncached.status == 0 && storing.status == 0 && cached.status == 0)
    #expect(uncached.stdout.split(separator: "\n").count == answers.count)
    #expect(storing.stdout == uncached.stdout)
    #expect(cached.stdout == uncached.stdout)
    #expect(cached.stderr == uncached.stderr)
  }
}
