import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

/// The traps: numbers that name, date or label something, and the words other extractors misread as
/// numbers ("x" the letter, "a" the article, "at 2" the time).
@Suite struct QuantityIncidentalsTests {
  @Test func xAsALetterIsNoMultiplier() throws {
    #expect(
      try quantityLinesBothWays(
        "Our charts were wrong. I fixed feature x, the x-axis and the 3 x 4 grid, then made rendering 3x faster."
      ) == [
        "3 @61-62 count 3 (formula)",
        "4 @65-66 count 4 (formula)",
        "3x @93-95 multiplier 3 x delta impact",
      ])
  }

  @Test func aIsNoNumberOnItsOwn() throws {
    #expect(
      try quantityLinesBothWays(
        "Our team was new. A team formed, I got an A, and a team of five joined; a dozen bugs and a third of the tests went."
      ) == [
        "five @59-63 count 5 impact",
        "a dozen @72-79 count 12 impact",
        "a third @89-96 fraction 0.333333333333 impact",
      ])
  }

  @Test func numbersAreTimesOnlyWithAClockWord() throws {
    #expect(
      try quantityLinesBothWays(
        "Our deploy was late. At 2 we were still debugging; we finished at 2 p.m., at 7 a.m. the next day and at 14:00, after 2 hours."
      ) == [
        "2 @24-25 count 2 impact",
        "2 @66-67 count 2 (time)",
        "7 @77-78 count 7 (time)",
        "14:00 @104-109 time 14 (time)",
        "2 hours @117-124 duration 2 h impact",
      ])
  }

  @Test func listNumberingAndSteps() throws {
    #expect(
      try quantityLinesBothWays(
        "Our rollout had steps. Step 3 was testing. 2. We shipped it in 4 weeks."
      ) == [
        "3 @28-29 count 3 (label)",
        "2 @43-44 count 2 (list)",
        "4 weeks @63-70 duration 4 wk impact",
      ])
  }

  @Test func yearsDatesAndQuarters() throws {
    #expect(
      try quantityLinesBothWays(
        "Our migration started in 2019. On March 12 in Q3 2022 I moved about 2,000 users."
      ) == [
        "2019 @25-29 count 2019 (year)",
        "12 @40-42 count 12 (date)",
        "2022 @49-53 count 2022 (date)",
        "2,000 @68-73 count 2000 ~ impact",
      ])
  }

  @Test func versionsAndModelNames() throws {
    #expect(
      try quantityLinesBothWays(
        "Our stack was old. I moved us to Python 3.11, v2.1 and Java 17, tried GPT-4, and upgraded Kubernetes from 1.19 to 1.21, skipping 1.20."
      ) == [
        "3.11 @40-44 number 3.11 (version)",
        "17 @60-62 count 17 (version)",
        "4 @74-75 count 4 (name)",
        "1.19 @106-110 number 1.19 before (version)",
        "1.21 @114-118 number 1.21 after (version)",
        "1.20 @129-133 number 1.2 (version)",
      ])
  }

  @Test func definitionsAndFormulas() throws {
    #expect(
      try quantityLinesBothWays(
        "Our model was weak. I explained that AUC = 0.5 means random and F1 = 2PR/(P+R); then AUC rose to 0.81."
      ) == [
        "0.5 @43-46 number 0.5 (formula)",
        "2 @69-70 count 2 (formula)",
        "0.81 @97-101 number 0.81 impact",
      ])
  }

  @Test func metricNames() throws {
    #expect(
      try quantityLinesBothWays(
        "Our search was weak. I lifted NDCG@10 and p95, 30-day retention and week-four retention by 6%."
      ) == [
        "30-day @47-53 duration 30 d (metric)",
        "four @73-77 count 4 (metric)",
        "6% @91-93 percent 6 % delta impact",
      ])
  }

  @Test func idiomsAndOptionCounts() throws {
    #expect(
      try quantityLinesBothWays(
        "Our plan was unclear. There were two ways to go and it was one of the hardest calls; I gave 110% and we had a 1:1 about 24/7 support."
      ) == [
        "two @33-36 count 2 (options)",
        "one @59-62 count 1 (one)",
        "110% @92-96 percent 110 % (idiom)",
        "1:1 @110-113 number 1 (ratio)",
        "24 @120-122 count 24 ~ (ratio)",
        "7 @123-124 count 7 (ratio)",
      ])
  }

  @Test func yearsNeedAYearWordOrNothingAfter() throws {
    #expect(
      try quantityLinesBothWays(
        "Our service grew fast. In 2019 we had 2000 users; from 2019 to 2021 it tripled, and 2020 was the hardest year."
      ) == [
        "2019 @26-30 count 2019 (year)",
        "2000 @38-42 count 2000 impact",
        "2019 @55-59 count 2019 before (year)",
        "2021 @63-67 count 2021 after (year)",
        "tripled @71-78 multiplier 3 impact",
        "2020 @84-88 count 2020 (year)",
      ])
  }

  /// Hundreds of incidental matches in one answer: the quantities of the last paragraph get the same reasons
  /// as those of the first, so each is given by the match holding it wherever it sits in the answer.
  @Test func everyParagraphOfALongAnswerGetsTheSameReasons() throws {
    let paragraph =
      "Our plan was unclear. There were two ways to go; I gave 110% and we had a 1:1 about 24/7 support. "
      + "Step 3 was testing. At 9 a.m. we moved Kubernetes 1.19 to 1.20 and cut p95 by 40%.\n\n"
    let count = 300
    let lines = try quantityLines(String(repeating: paragraph, count: count))
    let each = 9
    try #require(lines.count == each * count)
    let withoutOffsets = lines.map { $0.replacing(/\ @[0-9]+-[0-9]+/, with: "") }
    #expect(
      Array(lines.prefix(each)) == [
        "two @33-36 count 2 (options)",
        "110% @56-60 percent 110 % (idiom)",
        "1:1 @74-77 number 1 (ratio)",
        "24 @84-86 count 24 ~ (ratio)",
        "7 @87-88 count 7 (ratio)",
        "3 @103-104 count 3 (label)",
        "9 @121-122 count 9 (time)",
        "1.19 to 1.20 @148-160 number 1.19…1.2 (name)",
        "40% @176-179 percent 40 % delta impact",
      ])
    for k in 1..<count {
      #expect(Array(withoutOffsets[k * each..<(k + 1) * each]) == Array(withoutOffsets.prefix(each)))
    }
  }
}

/// ``Quantity/builtInReasons`` is a list kept by hand (a pack's `wording:` may name only those reasons and
/// its own `incidental.<reason>` signals), so it is checked against what the code gives.
@Suite struct BuiltInReasonsTests {
  /// The reasons of every quantity of every answer in `Corpora` and `Fixtures/answers`, and of a few
  /// sentences for the reasons those answers lack.
  static func reasonsGiven() throws -> Set<String> {
    let rubric = try behavioral()
    let analyzer = try TextAnalyzer()
    var texts = [
      "It ran 24/7 and on 12/03/2021 we stopped at 2 p.m. with Python 3.11 in 2019.",
      "Our rollout had steps. 2. We shipped it in 4 weeks.",
    ]
    for folder in ["Corpora", "Fixtures/answers"] {
      let root = Repository.path(folder)
      let files = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }
      for file in files where file.hasSuffix(".md") || file.hasSuffix(".txt") {
        // Some fixture answers are deliberately not text; they have no quantities to give.
        if let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8) { texts.append(text) }
      }
    }
    var reasons: Set<String> = []
    for text in texts {
      guard let analyzed = try? analyzer.analyze(text, source: "t") else { continue }
      let context = AnswerContext(text: analyzed, rubric: rubric)
      reasons.formUnion(context.quantities.compactMap(\.reason))
    }
    return reasons
  }

  @Test func everyReasonGivenIsBuiltInOrASignalOfThePack() throws {
    let rubric = try behavioral()
    let signals = Set(
      rubric.rubric.packs.filter { $0.detector == QuantityLexicon.detector }.flatMap(\.cues).map(\.signal)
        .filter { $0.hasPrefix("incidental.") }.map { String($0.dropFirst("incidental.".count)) })
    let given = try Self.reasonsGiven()
    #expect(given.subtracting(Quantity.builtInReasons).subtracting(signals).sorted() == [])
    // And every built-in reason is given somewhere: the list names no reason that no code gives.
    #expect(Set(Quantity.builtInReasons).subtracting(given).sorted() == [])
  }
}
