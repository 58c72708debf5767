import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct TermCacheTests {
  /// The texts of the labelled corpus and the mock responses, in path order.
  func corpusTexts() throws -> [String] {
    var texts: [String] = []
    for folder in ["Corpora/labelled", "Corpora/mock-responses"] {
      let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path(folder)).sorted()
      for name in names where name.hasSuffix(".md") || name.hasSuffix(".txt") {
        texts.append(try String(contentsOfFile: Repository.path("\(folder)/\(name)"), encoding: .utf8))
      }
    }
    return texts
  }

  /// Every answer of the corpora gets the same matches with one cache kept across them all (cold for the
  /// first answers, warm for the rest, and read a second time) as without a cache.
  @Test func sameMatchesWithAndWithoutTheCache() throws {
    let analyzer = try TextAnalyzer()
    let matcher = TestRubrics.behavioral.matcher
    let texts = try corpusTexts().map { try analyzer.analyze($0, source: "t") }
    #expect(texts.count >= 160)  // 130 labelled answers, 30 mock responses
    let cache = TermCache()
    for round in 0..<2 {
      for (index, text) in texts.enumerated() {
        let cached = matcher.matches(in: text, cache: cache)
        #expect(cached == matcher.matches(in: text), "round \(round), answer \(index)")
      }
    }
  }

  /// Words the cache does not keep (longer than its longest key), words it reads byte by byte (within
  /// sixteen bytes of the text's end), words of every length around its two eight-byte halves, words that
  /// are not ASCII, and pairs of words of one length that differ only in their last byte (in the first half,
  /// in the second, and at the end of the text), the one without a cue first: the same matches with the
  /// cache as without, cold and warm, and the cues on the longest words and on the second word of each
  /// pair are found.
  @Test func longWordsOddLengthsAndTheTextsEnd() throws {
    let analyzer = try TextAnalyzer()
    let matcher = TestRubrics.behavioral.matcher
    let text = try analyzer.analyze(
      "We kept mitigationsandcountermeasures, monitoringdashboardsandalerts and a naïve réévaluation plan; "
        + "reconciliatiox reconciliation alerx alert; "
        + "monitor monitors monitored monitoring monitoringteam monitoringstack monitoringpipeline "
        + "monitoringpipelines monitoringdashboard alert alerts, then we added guardrails, alarx alarm", source: "t")
    let cache = TermCache()
    for round in 0..<2 {
      #expect(matcher.matches(in: text, cache: cache) == matcher.matches(in: text), "round \(round)")
    }
    let matches = matcher.matches(in: text, cache: cache)
    func mitigation(_ index: Int) -> Bool {
      matches.contains { $0.tokens.contains(index) && $0.signal == "mitigation" }
    }
    func mitigation(_ word: String) -> Bool { mitigation(text.tokens.indices.first { text.normalized($0) == word }!) }
    #expect(mitigation("mitigationsandcountermeasures"))
    #expect(mitigation("monitoringdashboardsandalerts"))
    #expect(mitigation("monitoringpipelines"))
    #expect(mitigation("guardrails"))
    #expect(mitigation("reconciliation") && !mitigation("reconciliatiox"))
    #expect(mitigation("alert") && !mitigation("alerx"))
    let last = text.tokens.count - 1
    #expect(text.normalized(last - 1) == "alarx" && text.normalized(last) == "alarm")
    #expect(mitigation(last) && !mitigation(last - 1))
  }

  /// "a", "b", …, "z", "ab", …: a distinct string of letters for each number.
  func letters(_ number: Int) -> String {
    var n = number, string = ""
    repeat {
      string.append(Character(Unicode.Scalar(UInt8(97 + n % 26))))
      n /= 26
    } while n > 0
    return string
  }

  /// More distinct words than the cache holds (it starts over), and two matchers sharing one cache (it
  /// starts over for each): the matches are still those without a cache.
  @Test func staysRightWhenFullAndWhenTheMatcherChanges() throws {
    let analyzer = try TextAnalyzer()
    let words = (0..<(TermCache.capacity + 500)).map { "reduc\(letters($0))ed" }
    let many = try analyzer.analyze(
      words.joined(separator: " ") + ". We reduced latency by 40% and cut costs, at the cost of speed.", source: "t")
    let other = try CompiledRubric(RubricLoader(catalog: TestRubrics.catalog).load("technical")).matcher
    let behavioral = TestRubrics.behavioral.matcher
    let cache = TermCache()
    for _ in 0..<2 {
      #expect(behavioral.matches(in: many, cache: cache) == behavioral.matches(in: many))
      #expect(other.matches(in: many, cache: cache) == other.matches(in: many))
    }
    #expect(!behavioral.matches(in: many).isEmpty && !other.matches(in: many).isEmpty)
  }
}
