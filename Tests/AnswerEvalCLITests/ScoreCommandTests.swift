import Foundation
import TestSupport
import Testing

@Suite struct ScoreCommandTests {
  func rubricID(_ result: CommandResult) throws -> String? {
    let report = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
    return (report?["rubric"] as? [String: Any])?["id"] as? String
  }

  @Test func theFrontMatterChoosesTheRubric() throws {
    let result = try CLI.run(["score", "Corpora/mock-responses/alex-drift-detection-design.md", "--format", "jsonl"])
    #expect(result.status == 0 && result.stderr == "")
    #expect(try rubricID(result) == "drift-detection-design")
  }

  @Test func rubricOptionWinsOverTheFrontMatter() throws {
    let result = try CLI.run([
      "score", "Corpora/mock-responses/alex-drift-detection-design.md", "--format", "jsonl", "--rubric", "behavioral",
    ])
    #expect(result.status == 0)
    #expect(try rubricID(result) == "behavioral")
  }

  @Test func rubricOptionTakesAPath() throws {
    let result = try CLI.run(
      ["score", "-", "--format", "jsonl", "--rubric", "Rubrics/technical.yaml"], stdin: Data("We shipped it.".utf8))
    #expect(result.status == 0)
    #expect(try rubricID(result) == "technical")
  }

  @Test func anUnknownFrontMatterRubricFailsThatInputOnly() throws {
    let bad = Data("---\nquestion: Why?\nrubric: no-such-rubric\n---\n\nWe shipped it.\n".utf8)
    let result = try CLI.run(["score", "-", "Corpora/examples/answer.md", "--format", "jsonl"], stdin: bad)
    #expect(result.status == 2)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(
      result.stderr.hasPrefix("<stdin>:3:1: error: [rubric.no-such-rubric] front matter `rubric: no-such-rubric`: "))
  }

  @Test func anUnknownRubricOptionIsAnError() throws {
    let result = try CLI.run(["score", "Corpora/examples/answer.md", "--rubric", "no-such-rubric"])
    #expect(result.status == 2 && result.stdout == "")
    #expect(result.stderr.hasPrefix("no-such-rubric: error: [rubric.no-such-rubric] no rubric named `no-such-rubric`"))
  }
}
