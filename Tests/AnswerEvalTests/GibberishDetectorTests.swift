import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct GibberishDetectorTests {
  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: GibberishDetector.self).isEmpty)
  }

  @Test func keyboardMashIsTheWholeAnswer() throws {
    let text = "fjdksla;fj asdkfj qwpoeiru zxmcvn,. asdf asdf hjkl"
    let (finding, _) = try TestRubrics.finding("pitfall.gibberish", text)
    #expect(finding.outcome == .present && finding.score == 0)
    #expect(try TestRubrics.finding("pitfall.gibberish", text).evidence.map(\.text) == [text])
    #expect(finding.values["found"] == "“fjdksla”, “zxmcvn” and “asdf”")
  }

  @Test func tokenSoupAndEmojiAreGibberish() throws {
    for text in [
      "zxq 1234 lkj;; 99 %% drift?? 0.5 0.5 0.5 mnb vcx 2024 -- ppp 7 7 7 ok ok ok ### 404",
      "??? !!! … 🙂🙂🙂 hmm hmm hmm — — — ok ok ok ok",
      "🙂🙂🙂 ???",
    ] {
      #expect(try TestRubrics.finding("pitfall.gibberish", text).finding.outcome == .present, "\(text)")
    }
  }

  @Test func aMashedSentenceInARealAnswerIsAWarning() throws {
    let text =
      "Last year I moved our nightly import to a queue and cut failures from 12 a month to 1.\n\nasdf qwerty "
      + "zxcv hjkl"
    let (finding, _) = try TestRubrics.finding("pitfall.gibberish", text)
    #expect(finding.outcome == .partial && finding.score == 0.5)
    #expect(try TestRubrics.evidence("pitfall.gibberish", text) == ["asdf qwerty zxcv hjkl"])
  }

  @Test func otherLanguagesAndTechnicalWordsAreNotGibberish() throws {
    for text in [
      "Letztes Jahr habe ich die Datenbank migriert, und wir haben die Latenz um die Hälfte reduziert.",
      "We run Kafka, gRPC, k8s, nginx and PostgreSQL; the strengths of the twelfth rewrite were its SLOs.",
      "Der Dijkstra-Algorithmus war schnell genug für unsere Routenplanung im Lager.",
    ] {
      #expect(try TestRubrics.finding("pitfall.gibberish", text).finding.outcome == .missing, "\(text)")
    }
  }

  /// Words outside ASCII are judged by their Unicode letters, and ASCII ones by their units, whether the
  /// context keeps letter verdicts (as a ``Grader``'s does) or not: the same words are junk either way.
  @Test func wordsOutsideASCIIAreJudgedWithAndWithoutTheCache() throws {
    let text = "Ŝkrž bžçdrt qwrtpsd fghjž. Then we shipped the release to all customers on time."
    let analyzed = try TextAnalyzer().analyze(text, source: "t")
    let cache = LetterVerdictCache()
    for context in [
      AnswerContext(text: analyzed, rubric: TestRubrics.behavioral),
      AnswerContext(text: analyzed, rubric: TestRubrics.behavioral, termCache: nil, letterVerdicts: cache),
    ] {
      let finding = try #require(context.finding(of: "pitfall.gibberish"))
      #expect(finding.outcome == .partial)
      #expect(finding.evidence.map { analyzed.string($0) } == ["Ŝkrž bžçdrt qwrtpsd fghjž."])
      #expect(finding.values["found"] == "“Ŝkrž”, “bžçdrt” and “qwrtpsd”")
    }
    #expect(cache.count > 0)
  }

  @Test func implausibleLetterPatterns() throws {
    let text = try TextAnalyzer().analyze(
      "fjdk fjdksla aaaa hmm SQL strengths twelfths rhythm nth p99 Dijkstra schmuck привет", source: "t")
    #expect(
      text.tokens.indices.map { GibberishDetector.implausible(at: $0, in: text, maxConsonants: 6) } == [
        true, true, true, true, false, false, false, false, true, false, false, false, false,
      ])
  }

  @Test func theVowelMaskHoldsExactlyTheVowels() {
    for c in UInt32(0)...0x2FF {
      #expect(GibberishDetector.isASCIIVowel(c) == "aeiouy".unicodeScalars.contains { $0.value == c }, "U+\(c)")
    }
  }

  /// The ASCII path gives the Unicode path's verdict for every word it answers for: each word of the
  /// labelled corpus, and every string of up to five characters over letters that reach each rule (vowels a
  /// and e; h and k after c and t, of which ch, ck and th are one sound; a capital, a digit, an apostrophe),
  /// with a consonant run of three as the limit.
  @Test func theASCIIPathAgreesWithTheUnicodePath() throws {
    let folder = Repository.path("Corpora/labelled")
    var texts = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0.hasSuffix(".md") }
      .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    let alphabet = Array("acehktA1'")
    var words: [String] = [], level = [""]
    for _ in 1...5 {
      level = level.flatMap { word in alphabet.map { word + String($0) } }
      words += level
    }
    texts += stride(from: 0, to: words.count, by: 5000).map {
      words[$0..<min($0 + 5000, words.count)].joined(separator: " ")
    }
    var answered = 0, implausible = 0
    for (number, string) in texts.enumerated() {
      let text = try TextAnalyzer().analyze(string, source: "t")
      for index in text.tokens.indices where text.tokens[index].kind == .word {
        guard let ascii = GibberishDetector.implausibleASCII(at: index, in: text, maxConsonants: 3) else { continue }
        let unicode = GibberishDetector.implausibleUnicode(at: index, in: text, maxConsonants: 3)
        #expect(ascii == unicode, "text \(number): \(text.string(text.tokens[index].range))")
        answered += 1
        if ascii { implausible += 1 }
      }
    }
    #expect(answered > 50_000 && implausible > 10_000 && answered - implausible > 10_000)
  }
}
