import AnswerEvalText
import Testing

@testable import AnswerEval

@Suite struct ScorerTests {
  func grade(_ text: String) throws -> Report {
    let grader = try Grader(rubric: TestRubrics.behavioral)
    return grader.grade(try grader.analyzer.analyze(text, source: "t"))
  }

  @Test func stuffingCapsTheTotalEvenWhenSectionsAreFound() throws {
    // Labels make sections, and "leveraged" reads as past tense, but there is no story behind the words.
    let text =
      "Situation: A dynamic, high-growth environment with many competing priorities. Task: Align on strategic "
      + "direction. Action: I proactively leveraged radical candour and stakeholder empathy to reach a win-win "
      + "outcome. Result: Stronger alignment, enhanced synergy and a more impactful roadmap. Learned: "
      + "Disagreement is a gift."
    let report = try grade(text)
    #expect(report.criteria.first { $0.id == "star.action" }?.detected == true)
    #expect(report.criteria.first { $0.id == "pitfall.keyword-stuffing" }?.score == 0)
    #expect(report.score?.total == 30 && report.score?.level == "weak")
  }

  @Test func gibberishCapsTheTotal() throws {
    let report = try grade("asdf asdf ;lkj qwerty")
    #expect((report.score?.total ?? 100) <= 20 && report.score?.level == "weak")
  }

  @Test func aCapIsForPitfallsOnly() throws {
    try TestRubrics.withFile(
      """
      id: cap-test
      version: 1.0.0
      extends: behavioral
      criteria:
        - id: star.result
          cap: 50
      """
    ) { file in
      let error = try #require(throws: RubricError.self) { try TestRubrics.load(file: file) }
      #expect(error.line == 6 && error.column == 10)
      #expect(error.message == "`cap` limits the total when a mistake is found; only pitfall criteria take it")
    }
  }

  /// What `excerpt` must equal: the text split into characters at line breaks, joined with spaces, cut at
  /// 80 characters.
  func referenceExcerpt(_ text: String) -> String {
    let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    return flat.count <= 80 ? flat : String(flat.prefix(79)) + "…"
  }

  @Test func excerptSameAsSplittingIntoCharacters() {
    let pieces = [
      "We cut p95 latency", "\n", "\n\n", "\r\n", "\r", " ", "naïve café", "“quoted” — dash…", "\u{301}", "e\u{301}",
      "👩🏽‍💻", "‼\u{200D}🚀", "\u{85}", "\u{2028}", "我们把延迟降低了", "\t", "x",
    ]
    // Then ASCII only (cut byte by byte), with line breaks around the 79th to 81st characters.
    let ascii = ["We cut p95 latency", "\n", "\n\n", " ", "x", "\t", "ab"]
    var seed: UInt64 = 7
    for (pieces, shift, factor) in [(pieces, UInt64(60), 3), (ascii, 59, 2)] {
      for _ in 0..<3000 {
        var text = ""
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        for _ in 0..<Int(seed >> shift) * factor {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          text += pieces[Int(seed >> 33) % pieces.count]
        }
        #expect(Scorer.excerpt(text) == referenceExcerpt(text), "\(text.debugDescription)")
      }
    }
    let long = String(repeating: "a", count: 79) + "e\u{301}" + String(repeating: "b", count: 10)
    #expect(Scorer.excerpt(long) == referenceExcerpt(long))
    #expect(Scorer.excerpt(String(repeating: "x", count: 80)) == String(repeating: "x", count: 80))
    #expect(Scorer.excerpt(String(repeating: "x", count: 81)) == String(repeating: "x", count: 79) + "…")
    #expect(Scorer.excerpt(String(repeating: "—", count: 81)) == String(repeating: "—", count: 79) + "…")
    #expect(Scorer.excerpt(String(repeating: "é", count: 78) + "\n\nab") == String(repeating: "é", count: 78) + " …")
  }
}
