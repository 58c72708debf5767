import Testing

@testable import AnswerEval

@Suite struct CueDensityTests {
  func match(_ cue: Int, _ tokens: Range<Int>, weight: Double = 1) -> CueMatch {
    CueMatch(cue: cue, signal: "s", weight: weight, tokens: tokens, sentence: 0)
  }

  @Test func longestMatchWinsAndOverlapsAreDropped() {
    let density = CueDensity(
      [match(0, 3..<5), match(1, 2..<6, weight: 0.5), match(2, 7..<8), match(3, 7..<8)], words: 20)
    #expect(density.matches.map(\.cue) == [1, 2])
    #expect(density.weight == 1.5)
    #expect(density.per100Words == 7.5)
  }

  @Test func noWordsNoDensity() {
    #expect(CueDensity([], words: 0).per100Words == 0)
  }
}
