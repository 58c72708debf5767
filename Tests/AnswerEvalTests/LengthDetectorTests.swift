import AnswerEval
import Testing

@Suite struct LengthDetectorTests {
  /// `n` words in sentences of eight ("Word word … word.").
  func words(_ n: Int) -> String {
    (0..<n).map { $0 % 8 == 0 ? "Word" : $0 % 8 == 7 ? "word." : "word" }.joined(separator: " ")
  }

  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: LengthDetector.self).isEmpty)
  }

  @Test func bands() throws {
    let cases: [(Int, Finding.Outcome)] = [
      (10, .present), (39, .present), (40, .partial), (79, .partial), (80, .missing), (600, .missing),
      (601, .partial), (900, .partial), (901, .present),
    ]
    for (n, outcome) in cases {
      let (finding, _) = try TestRubrics.finding("pitfall.length", words(n))
      #expect(finding.outcome == outcome, "\(n) words")
      #expect(finding.values["count"] == "\(n)")
    }
  }

  @Test func shortAnswerQuotesTheWholeAnswerAndTheAdvice() throws {
    let text = "I’d just use Kafka."
    let (finding, _) = try TestRubrics.finding("pitfall.length", text)
    #expect(try TestRubrics.finding("pitfall.length", text).evidence.map(\.text) == ["I’d just use Kafka."])
    #expect(finding.values["found"] == "short" && finding.values["value"] == "80–600")
    #expect(finding.values["missing"]?.hasPrefix("give the situation") == true)
  }

  @Test func longAnswerPointsPastTheLimit() throws {
    let text = words(598) + " Then the overflow starts here."
    let (finding, evidence) = try TestRubrics.finding("pitfall.length", text)
    #expect(finding.outcome == .partial && finding.values["found"] == "long")
    #expect(evidence.map(\.text) == ["Word word word word word word Then the overflow starts here."])
  }

  @Test func emptyAnswerIsFarTooShortWithNoEvidence() throws {
    let (finding, evidence) = try TestRubrics.finding("pitfall.length", "")
    #expect(finding.outcome == .present && evidence.isEmpty)
  }

  @Test func bandsMustBeNumbers() throws {
    try TestRubrics.withFile(
      """
      id: length-test
      version: 1.0.0
      extends: behavioral
      criteria:
        - id: pitfall.length
          parameters:
            min_words: eighty
      """
    ) { file in
      let error = try #require(throws: RubricError.self) { try TestRubrics.load(file: file) }
      #expect(error.line == 7 && error.column == 18)
      #expect(error.message == "`criteria[0].parameters.min_words` must be a number")
    }
  }
}
