import Foundation
import TestSupport
import Testing

@Suite struct ExplainCommandTests {
  @Test func explainFollowsTheFrontMatterRubric() throws {
    let result = try CLI.run(["explain", "Corpora/mock-responses/lena-deployment-tradeoff.md"])
    #expect(result.status == 0 && result.stderr == "")
    #expect(result.stdout.contains("coverage/speed.latency \"50 ms\""))
    let behavioral = try CLI.run([
      "explain", "Corpora/mock-responses/lena-deployment-tradeoff.md", "--rubric", "behavioral",
    ])
    #expect(!behavioral.stdout.contains("coverage/"))
  }
}
