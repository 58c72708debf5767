import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct CueMatcherTests {
  /// The texts matched by a pack of one cue with `phrases` (and `exceptions`) in `input`.
  func matched(_ phrases: [String], exceptions: [String] = [], in input: String) throws -> [String] {
    let analyzer = try TextAnalyzer()
    let cue = Cue(
      id: "c", signal: "s", weight: 1,
      phrases: try phrases.flatMap { try PhrasePattern.compile($0, analyzer: analyzer) },
      exceptions: try exceptions.flatMap { try PhrasePattern.compile($0, analyzer: analyzer) }, matchExamples: [],
      noMatchExamples: [], location: FileLocation(file: "t", line: 1, column: 1))
    let pack = CuePack(id: "p", detector: "d", language: "en", description: "", cues: [cue], file: "t")
    let text = try analyzer.analyze(input, source: "t")
    return CueMatcher(packs: [pack]).matches(in: text).map { text.string(of: $0) }
  }

  @Test func inflectionsMatch() throws {
    #expect(
      try matched(["reduce latency"], in: "We reduced latency. It reduces latency. Reducing latency.") == [
        "reduced latency", "reduces latency", "Reducing latency",
      ])
  }

  @Test func exactWordsDoNotInflect() throws {
    #expect(try matched(["=cut"], in: "We cut it, then cutting more.") == ["cut"])
  }

  @Test func caseWidthAndQuotesDoNotMatter() throws {
    #expect(try matched(["don't know"], in: "I DON’T Ｋnow.") == ["DON’T Ｋnow"])
  }

  @Test func boundedGaps() throws {
    #expect(try matched(["reduce … by"], in: "We reduced p95 latency by 40%.") == ["reduced p95 latency by"])
    #expect(try matched(["reduce … by"], in: "We reduced the very slow p95 latency by 40%.") == [])
    #expect(
      try matched(["reduce …5 by"], in: "We reduced the very slow p95 latency by 40%.") == [
        "reduced the very slow p95 latency by"
      ])
  }

  /// Wildcards between long gaps leave many places to try at once (more than the walk's stack starts with):
  /// twelve `#any` tokens with up to 8 skipped around each match from 12 to 116 tokens in between.
  @Test func manyGapsAndWildcardsInOnePhrase() throws {
    let phrase = "start " + Array(repeating: "…8 #any", count: 12).joined(separator: " ") + " …8 end"
    func sentence(_ count: Int) -> String {
      "start " + (1...count).map { "w\($0)" }.joined(separator: " ") + " end"
    }
    #expect(try matched([phrase], in: sentence(40) + ".") == [sentence(40)])
    #expect(try matched([phrase], in: sentence(116) + ".") == [sentence(116)])
    #expect(try matched([phrase], in: sentence(11) + ".") == [])
    #expect(try matched([phrase], in: sentence(117) + ".") == [])
  }

  @Test func alternativesWildcardsAndPlaceholders() throws {
    #expect(try matched(["(cut|trim) costs"], in: "We trimmed costs and cut costs.") == ["trimmed costs", "cut costs"])
    #expect(try matched(["optimi*"], in: "Optimizing and optimisation.") == ["Optimizing", "optimisation"])
    #expect(try matched(["*ed"], in: "We shipped it red.") == ["shipped"])
    #expect(try matched(["by #number"], in: "by 40% or by hand") == ["by 40"])
    #expect(try matched(["at the cost of | in exchange for"], in: "in exchange for speed") == ["in exchange for"])
  }

  @Test func exceptionsSuppressOverlappingMatches() throws {
    #expect(
      try matched(["tradeoff"], exceptions: ["tradeoff describes"], in: "The tradeoff describes it. A tradeoff I made.")
        == [
          "tradeoff"
        ])
  }

  @Test func matchesNeverCrossSentences() throws {
    #expect(try matched(["latency by"], in: "We cut latency. By then it was late.") == [])
  }

  @Test func phraseSyntaxErrors() throws {
    let analyzer = try TextAnalyzer()
    #expect(throws: PhraseError("a phrase cannot start with a gap")) {
      try PhrasePattern.compile("… by", analyzer: analyzer)
    }
    #expect(throws: PhraseError("a phrase cannot end with a gap")) {
      try PhrasePattern.compile("by …", analyzer: analyzer)
    }
    #expect(throws: PhraseError("`(` without `)` in `(a|b`")) { try PhrasePattern.compile("(a|b", analyzer: analyzer) }
    #expect(throws: PhraseError("`#num` is unknown; placeholders are #number and #any")) {
      try PhrasePattern.compile("#num", analyzer: analyzer)
    }
  }

  /// A matcher over one pack whose cues have these phrases (cue i is named "c<i>").
  func matcher(_ cuePhrases: [[String]], analyzer: TextAnalyzer) throws -> CueMatcher {
    let cues = try cuePhrases.enumerated().map { index, phrases in
      Cue(
        id: "c\(index)", signal: "s", weight: 1,
        phrases: try phrases.flatMap { try PhrasePattern.compile($0, analyzer: analyzer) }, exceptions: [],
        matchExamples: [], noMatchExamples: [], location: FileLocation(file: "t", line: 1, column: 1))
    }
    return CueMatcher(packs: [CuePack(id: "p", detector: "d", language: "en", description: "", cues: cues, file: "t")])
  }

  /// Alternatives followed by more words would put a copy of what follows under each alternative: 1 + 3 +
  /// 9 + 9 + 9 = 31 nodes here. Nodes that match alike are merged, so the walk reads 5: the root, one node
  /// after any of the verbs, one after any of the nouns, one after "by", one after the number.
  @Test func nodesThatMatchAlikeAreMerged() throws {
    let analyzer = try TextAnalyzer()
    let merged = try matcher([["(cut|reduced|lowered) (latency|cost|errors) by #number"]], analyzer: analyzer)
    #expect(merged.nodeCount == 5)
    let text = try analyzer.analyze("We cut latency by 40% and lowered errors by 3. Reduced cost by half.", source: "t")
    #expect(merged.matches(in: text).map { text.string(of: $0) } == ["cut latency by 40", "lowered errors by 3"])
    // Nodes that accept different cues stay apart, and each match keeps its cue: the root, one node after
    // "cut" or "trim" and one after "raise" or "lift", and the two after "costs" (9 unmerged).
    let two = try matcher([["(cut|trim) costs"], ["(raise|lift) costs"]], analyzer: analyzer)
    #expect(two.nodeCount == 5)
    let both = try analyzer.analyze("We cut costs, then raised costs, then trimmed costs.", source: "t")
    #expect(
      two.matches(in: both).map { "\($0.cue) \(both.string(of: $0))" } == [
        "0 cut costs", "1 raised costs", "0 trimmed costs",
      ])
  }

  /// A phrase's leading `#any` tokens are not in the trie: its match starts that many tokens before the
  /// rest, and only where the sentence has them ("Options" and "Weeks ago" open their sentences).
  @Test func leadingAnyTokensStartTheMatchEarlier() throws {
    let input = "Options matter. We had two options. It was. Weeks ago. Three weeks ago we chose, and two days ago."
    #expect(
      try matched(["#any options", "#any #any ago"], in: input) == ["two options", "Three weeks ago", "two days ago"])
    // Exceptions with leading `#any` tokens, and against them.
    #expect(try matched(["#any options"], exceptions: ["#any #any options"], in: input) == [])
    #expect(try matched(["options"], exceptions: ["#any options"], in: input) == ["Options"])
    // The root has no `#any` child: "#any budget cuts" takes the nodes "budget cuts" would (the root, one
    // after "budget", one after "cuts").
    let analyzer = try TextAnalyzer()
    #expect(try matcher([["#any budget cuts"]], analyzer: analyzer).nodeCount == 3)
  }

  @Test func spansStayExactBehindMultibyteText() throws {
    #expect(
      try matched(["at the cost of"], in: multibytePrefix + "we shipped at the cost of speed") == ["at the cost of"])
  }
}

@Suite struct CueMatcherSortTests {
  typealias Found = (start: Int32, cue: Int32, end: Int32, sentence: Int32)

  /// Lists shaped like the walk's (start by start, with a few matches moved back), and lists in no order at
  /// all, which run out the insertion sort's budget: both must come out as the library's sort leaves them.
  @Test func sortsLikeTheLibrary() {
    var seed: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int32 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int32(Int(seed >> 33) % bound)
    }
    for length in [0, 1, 2, 3, 10, 100, 1_000] {
      for shuffled in [false, true] {
        var found: [Found] = []
        for k in 0..<length {
          let start = shuffled ? next(length + 1) : Int32(k / 3) - (next(10) == 0 ? next(3) : 0)
          let sentence = start / 50
          found.append((start, next(4), start + 1 + next(3), sentence))
        }
        var expected = found
        expected.sort { ($0.start, $0.cue, $0.end) < ($1.start, $1.cue, $1.end) }
        let insertionSortWasEnough = CueMatcher.sortNearlySorted(&found)
        #expect(
          found.map { [$0.start, $0.cue, $0.end, $0.sentence] }
            == expected.map { [$0.start, $0.cue, $0.end, $0.sentence] })
        // A shuffled list of n has about n² / 4 pairs out of order, past the budget of 8n + 64 moves.
        #expect(insertionSortWasEnough == !(shuffled && length >= 100), "length \(length), shuffled \(shuffled)")
      }
    }
  }

  /// Grouped (as ``AnswerContext`` asks, by each cue's detector, or any other grouping), the matches are those
  /// without groups, stably partitioned by group: every group's matches in the order of all of them.
  @Test func groupedMatchesAreTheMatchesPartitionedStably() throws {
    let folder = Repository.path("Corpora/labelled")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0.hasSuffix(".md") }
    let analyzer = try TextAnalyzer()
    let rubric = TestRubrics.behavioral, matcher = rubric.matcher
    let byThree = matcher.cues.indices.map { $0 % 3 }
    var groupsSeen = Set<Int>()
    for name in names.prefix(40) {
      let text = try analyzer.analyze(try String(contentsOfFile: folder + "/" + name, encoding: .utf8), source: name)
      let all = matcher.matches(in: text)
      for (groups, count) in [(rubric.cueDetectorIndex, rubric.packDetectors.count), (byThree, 3)] {
        let expected = (0..<count).flatMap { g in all.filter { groups[$0.cue] == g } }
        #expect(matcher.matches(in: text, cache: nil, groups: groups, groupCount: count) == expected, "\(name)")
        groupsSeen.formUnion(all.map { groups[$0.cue] })
      }
      let first = try #require(all.first)
      let only = matcher.matches(in: text, only: first.cue, cache: nil, groups: byThree, groupCount: 3)
      #expect(only == all.filter { $0.cue == first.cue }, "\(name)")
    }
    #expect(groupsSeen.count >= 3)
  }
}

@Suite struct StemmerTests {
  @Test func foldsInflectionsOnly() {
    let stems = ["reduce", "reduces", "reduced", "reducing"].map(Stemmer.stem)
    #expect(Set(stems) == ["reduc"])
    #expect(["cut", "cuts", "cutting"].map(Stemmer.stem) == ["cut", "cut", "cut"])
    #expect(["tradeoff", "tradeoffs"].map(Stemmer.stem) == ["tradeoff", "tradeoff"])
    #expect(["studies", "studied"].map(Stemmer.stem) == ["study", "study"])
    #expect(Stemmer.stem("improvement") != Stemmer.stem("improve"))
    #expect(Stemmer.stem("process") == "process" && Stemmer.stem("status") == "status")
    #expect(Stemmer.stem("über") == "über")
  }
}

extension AnalyzedText {
  /// The text a match covers, from its first token to its last.
  fileprivate func string(of match: CueMatch) -> String {
    string(tokens[match.tokens.lowerBound].range.lowerBound..<tokens[match.tokens.upperBound - 1].range.upperBound)
  }
}
