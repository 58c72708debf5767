import AnswerEval
import AnswerEvalText
import Foundation
import TestSupport
import Testing

/// Runs every `match:` / `no_match:` example of the pitfall cue packs: a `match:` example must have a match
/// of its cue exactly at the `⟦…⟧` span, a `no_match:` example none anywhere. Failures name the example's
/// file and line.
@Suite struct PitfallPacksTests {
  static let packs = ["hedging.en", "blame.en", "jargon.en", "keyword-stuffing.en", "gibberish.en"]

  @Test(arguments: packs) func examples(_ id: String) throws {
    let loader = try RubricLoader(catalog: TestRubrics.catalog)
    let pack = try loader.loadPack(file: Repository.path("Rubrics/packs/\(id).yaml"))
    let matcher = CueMatcher(packs: [pack])
    let analyzer = try TextAnalyzer()
    for (index, entry) in matcher.cues.enumerated() {
      let cue = entry.cue
      for example in cue.matchExamples {
        let place = "\(example.location.file):\(example.location.line): cue `\(cue.id)`"
        let utf16 = Array(example.text.utf16)
        let open = try #require(utf16.firstIndex(of: "⟦".utf16.first!), "\(place): no ⟦")
        let close = try #require(utf16.firstIndex(of: "⟧".utf16.first!), "\(place): no ⟧")
        let plain = example.text.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
        let expected = open..<(close - 1)
        let text = try analyzer.analyze(plain, source: "example")
        let found = matcher.matches(in: text).filter { $0.cue == index }.map {
          text.tokens[$0.tokens.lowerBound].range.lowerBound..<text.tokens[$0.tokens.upperBound - 1].range.upperBound
        }
        #expect(
          found.contains(expected),
          "\(place): expected a match at “\(text.string(expected))”, found \(found.map { text.string($0) })")
      }
      for example in cue.noMatchExamples {
        let text = try analyzer.analyze(example.text, source: "example")
        let found = matcher.matches(in: text).filter { $0.cue == index }
        #expect(
          found.isEmpty,
          "\(example.location.file):\(example.location.line): cue `\(cue.id)` matches “\(example.text)”")
      }
    }
  }
}
