import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct LetterVerdictCacheTests {
  /// The words of the labelled corpus and the mock responses, and words that break each letter rule.
  func texts() throws -> [AnalyzedText] {
    var strings = ["fjdk fjdksla aaaa hmm SQL strengths twelfths rhythm nth p99 Dijkstra schmuck привет"]
    for folder in ["Corpora/labelled", "Corpora/mock-responses"] {
      let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path(folder)).sorted()
      for name in names where name.hasSuffix(".md") || name.hasSuffix(".txt") {
        strings.append(try String(contentsOfFile: Repository.path("\(folder)/\(name)"), encoding: .utf8))
      }
    }
    let analyzer = try TextAnalyzer()
    return try strings.map { try analyzer.analyze($0, source: "t") }
  }

  /// Checks every word token of `text` against the letter rules through `cache`; returns how many were
  /// implausible and how many were not ASCII (no verdict).
  func check(_ text: AnalyzedText, _ cache: LetterVerdictCache, maxConsonants: Int) -> (implausible: Int, other: Int) {
    var implausible = 0, other = 0
    text.utf16.withUnsafeBufferPointer { utf16 in
      for token in text.tokens where token.kind == .word {
        let word = UnsafeBufferPointer(rebasing: utf16[token.range])
        let expected = GibberishDetector.implausibleASCII(word, maxConsonants: maxConsonants)
        let cached = cache.verdict(utf16, token.range, maxConsonants: maxConsonants)
        #expect(cached == expected, "\(text.string(token.range)), max \(maxConsonants)")
        if cached == true { implausible += 1 }
        if cached == nil { other += 1 }
      }
    }
    return (implausible, other)
  }

  /// One cache kept across every word (cold, then warm), read twice with each of two limits in turn (it
  /// starts over at each change): each verdict is the letter rules' own.
  @Test func sameVerdictsAsTheLetterRules() throws {
    let texts = try texts()
    #expect(texts.count >= 161)  // the patterns, 130 labelled answers, 30 mock responses
    let cache = LetterVerdictCache()
    for maxConsonants in [6, 3, 6] {
      for _ in 0..<2 {
        var implausible = 0, other = 0
        for text in texts {
          let counts = check(text, cache, maxConsonants: maxConsonants)
          implausible += counts.implausible
          other += counts.other
        }
        #expect(implausible >= (maxConsonants == 6 ? 6 : 40) && other >= 1, "max \(maxConsonants)")
      }
      #expect(cache.count > 1000)
    }
  }

  /// More distinct words than the cache holds (it starts over), some implausible, and words too long to keep:
  /// every verdict is still the letter rules' own.
  @Test func staysRightWhenFullAndForLongWords() throws {
    var words: [String] = []
    for n in 0..<(LetterVerdictCache.capacity + 500) {
      var k = n, letters = ""
      repeat {
        letters.append(Character(Unicode.Scalar(UInt8(97 + k % 26))))
        k /= 26
      } while k > 0
      words.append(n % 3 == 0 ? "zzz\(letters)" : "a\(letters)e")
    }
    words += ["supercalifragilisticexpialidocious", "bcdfghjklmnpqrstvwxzbcdfghjk", "Aaaaaaaaaaaaaaaaaaaaaaaaaa"]
    let text = try TextAnalyzer().analyze(words.joined(separator: " "), source: "t")
    let cache = LetterVerdictCache()
    for _ in 0..<2 {
      let counts = check(text, cache, maxConsonants: 6)
      #expect(counts.implausible > LetterVerdictCache.capacity / 3 && counts.other == 0)
    }
    #expect(cache.count > 0 && cache.count <= LetterVerdictCache.capacity)
  }
}
