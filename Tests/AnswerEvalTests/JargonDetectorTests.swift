import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct JargonDetectorTests {
  @Test func examples() throws {
    #expect(try TestRubrics.checkExamples(of: JargonDetector.self).isEmpty)
  }

  @Test func buzzwordsAreEvidenceLongestFirst() throws {
    let text =
      "We leveraged cross-functional synergies to move the needle on our north-star metric, and I circled "
      + "back with stakeholders."
    let (finding, _) = try TestRubrics.finding("pitfall.jargon", text)
    #expect(finding.outcome == .present && finding.score == 0)
    #expect(
      try TestRubrics.evidence("pitfall.jargon", text) == [
        "leveraged", "cross-functional", "synergies", "move the needle", "north-star", "circled back", "stakeholders",
      ])
  }

  @Test func acronymStacksCountOnce() throws {
    let text = "I drove our OKRs, KPIs and SLAs while the API team owned the SDK."
    #expect(try TestRubrics.evidence("pitfall.jargon", text).isEmpty)
    let context = try TestRubrics.context(text)
    let stacks = JargonDetector.acronymStacks(in: context.text, minimum: 3)
    #expect(stacks.map { context.text.string($0) } == ["OKRs, KPIs and SLAs"])
  }

  @Test func acronymsAreWrittenInCapitals() throws {
    let text = try TextAnalyzer().analyze("KPIs gRPC SLO Ok MLOps A", source: "t")
    #expect(text.tokens.map { JargonDetector.isAcronym($0, in: text) } == [true, false, true, false, false, false])
  }

  /// The shortcut for a word that starts with a lowercase ASCII letter gives the whole test's answer for
  /// every token of the labelled corpus and for words that mix cases.
  @Test func theFirstUnitShortcutAgreesWithTheWholeTest() throws {
    let folder = Repository.path("Corpora/labelled")
    var strings = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0.hasSuffix(".md") }
      .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    strings.append("aPI sLOs kPIs aB ÉSLO SLOs API x KPIs éTÉ ÉTÉ zÉTA")
    var acronyms = 0, words = 0
    for string in strings {
      let text = try TextAnalyzer().analyze(string, source: "t")
      for index in text.tokens.indices {
        let whole = JargonDetector.isAcronym(text.tokens[index], in: text)
        #expect(JargonDetector.isAcronym(at: index, in: text) == whole, "\(text.string(text.tokens[index].range))")
        if whole { acronyms += 1 }
        if text.tokens[index].kind == .word { words += 1 }
      }
    }
    #expect(acronyms > 100 && words > 10_000)
  }

  @Test func oneBuzzwordInAStoryIsFine() throws {
    let text =
      "Last spring I leveraged our existing queue to move the nightly import off cron. Imports that took six "
      + "hours finished in forty minutes, and the on-call pages for late feeds stopped."
    #expect(try TestRubrics.finding("pitfall.jargon", text).finding.outcome == .missing)
  }
}
