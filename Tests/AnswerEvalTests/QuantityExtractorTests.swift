import AnswerEvalText
import Testing

@testable import AnswerEval

/// Every kind of quantity with its exact value, unit, role and span — each also checked behind a
/// multibyte prefix (``quantityLinesBothWays``). Line format: `text @start-end kind value [unit] […high]
/// [role] [~] impact|(reason)`.
@Suite struct QuantityExtractorTests {
  @Test func percentages() throws {
    #expect(
      try quantityLinesBothWays(
        "Our checkout was slow. I cut churn by 15%, then by fifteen percent and 15 per cent; conversion rose 0.8 points."
      ) == [
        "15% @38-41 percent 15 % delta impact",
        "fifteen percent @51-66 percent 15 % delta impact",
        "15 per cent @71-82 percent 15 % impact",
        "0.8 points @100-110 percent 0.8 pp impact",
      ])
  }

  @Test func durations() throws {
    #expect(
      try quantityLinesBothWays(
        "Our checkout was slow. I took p95 from 500ms to 120 ms, held a p95 of 120 ms for two weeks, spent 3 hours on it and saved 1.5 s per call."
      ) == [
        "500ms @39-44 duration 500 ms before impact",
        "120 ms @48-54 duration 120 ms after impact",
        "120 ms @70-76 duration 120 ms impact",
        "two weeks @81-90 duration 2 wk impact",
        "3 hours @98-105 duration 3 h impact",
        "1.5 s @122-127 duration 1.5 s impact",
      ])
  }

  @Test func money() throws {
    #expect(
      try quantityLinesBothWays(
        "Our vendor was expensive. I raised $2.5M, saved €40k and £90k a year, and spent 40,000 dollars."
      ) == [
        "$2.5M @35-40 money 2500000 USD impact",
        "€40k @48-52 money 40000 EUR impact",
        "£90k @57-61 money 90000 GBP/yr impact",
        "40,000 dollars @80-94 money 40000 USD impact",
      ])
  }

  @Test func counts() throws {
    #expect(
      try quantityLinesBothWays(
        "Our product was new. I grew us to 10k users with a team of five, 12 engineers and 1,500,000 records."
      ) == [
        "10k @34-37 count 10000 impact",
        "five @59-63 count 5 impact",
        "12 @65-67 count 12 impact",
        "1,500,000 @82-91 count 1500000 impact",
      ])
  }

  @Test func multipliers() throws {
    #expect(
      try quantityLinesBothWays(
        "Our parser was slow. I made it 3x faster, then 10× faster and twice as fast; traffic doubled and costs halved."
      ) == [
        "3x @31-33 multiplier 3 x delta impact",
        "10× @47-50 multiplier 10 x delta impact",
        "twice @62-67 multiplier 2 impact",
        "doubled @85-92 multiplier 2 impact",
        "halved @103-109 multiplier 0.5 impact",
      ])
  }

  @Test func sizes() throws {
    #expect(
      try quantityLinesBothWays(
        "Our lake was huge. I cut the data from 2 TB to 500MB."
      ) == [
        "2 TB @39-43 size 2 TB before impact",
        "500MB @47-52 size 500 MB after impact",
      ])
  }

  @Test func rates() throws {
    #expect(
      try quantityLinesBothWays(
        "Our API was busy. I served 200 requests per second, then 5k rps, with 3 failures per day and 1.5 million webhooks a day."
      ) == [
        "200 requests per second @27-50 rate 200 req/s impact",
        "5k rps @57-63 rate 5000 req/s impact",
        "3 @70-71 rate 3 /d impact",
        "1.5 million @93-104 rate 1500000 /d impact",
      ])
  }

  @Test func ranges() throws {
    #expect(
      try quantityLinesBothWays(
        "Our tests were flaky. I cut errors by 5–10% and it took between 3 and 5 days, or two or three weeks, 30 to 60 days in all."
      ) == [
        "5–10% @38-43 percent 5 %…10 delta impact",
        "3 and 5 days @64-76 duration 3 d…5 impact",
        "two or three weeks @81-99 duration 2 wk…3 impact",
        "30 to 60 days @101-114 duration 30 d…60 impact",
      ])
  }

  @Test func approximations() throws {
    #expect(
      try quantityLinesBothWays(
        "Our API was slow. I got it to ~200 ms, about 15%, around 40 users, roughly 3 weeks, nearly 2x, sub-100ms and under 2 s."
      ) == [
        "200 ms @31-37 duration 200 ms ~ impact",
        "15% @45-48 percent 15 % ~ impact",
        "40 @57-59 count 40 ~ impact",
        "3 weeks @75-82 duration 3 wk ~ impact",
        "2x @91-93 multiplier 2 x ~ impact",
        "100ms @99-104 duration 100 ms ~ impact",
        "2 s @115-118 duration 2 s ~ impact",
      ])
  }

  @Test func spelledOutNumbers() throws {
    #expect(
      try quantityLinesBothWays(
        "Our team was small. I hired fifteen people, twenty-one interns and three hundred contractors; two thirds stayed for one and a half years."
      ) == [
        "fifteen @28-35 count 15 impact",
        "twenty-one @44-54 count 21 impact",
        "three hundred @67-80 count 300 impact",
        "two thirds @94-104 fraction 0.666666666667 impact",
        "one and a half years @116-136 duration 1.5 yr impact",
      ])
  }

  @Test func decimalsAndThousandsSeparators() throws {
    #expect(
      try quantityLinesBothWays(
        "Our data was messy. I moved 1,500,000 records and 18 000 files, 4.75 GB in all, with an AUC of 0.93."
      ) == [
        "1,500,000 @28-37 count 1500000 impact",
        "18 000 @50-56 count 18000 impact",
        "4.75 GB @64-71 size 4.75 GB impact",
        "0.93 @95-99 number 0.93 impact",
      ])
  }

  @Test func beforeAfterPairsAndDeltas() throws {
    #expect(
      try quantityLinesBothWays(
        "Our page was slow. p95 went from 500ms to 50ms, then 900ms → 120ms; errors fell by 15% and costs were cut by half, a 2.1% increase in sales."
      ) == [
        "500ms @33-38 duration 500 ms before impact",
        "50ms @42-46 duration 50 ms after impact",
        "900ms @53-58 duration 900 ms before impact",
        "120ms @61-66 duration 120 ms after impact",
        "15% @83-86 percent 15 % delta impact",
        "half @109-113 fraction 0.5 delta impact",
        "2.1% @117-121 percent 2.1 % delta impact",
      ])
  }

  @Test func webAddresses() throws {
    #expect(
      try quantityLinesBothWays(
        "Our docs moved. I linked https://example.com/v2/items?id=42 and cut load time by 40%."
      ) == [
        "40% @81-84 percent 40 % delta impact"
      ])
  }

  @Test func linkTokensAreTheChunksOfWebAddresses() throws {
    let text = try TextAnalyzer().analyze(
      "See WWW.Example.com/2024 and https://x.io/v2, not 3 www items or a 10:30 slot.", source: "t")
    let links = QuantityExtractor.linkTokens(text).sorted().map { text.string(text.tokens[$0].range) }
    // A chunk is a run of adjacent tokens, so the comma glued to the second address is in it; "3", "www" with
    // no dot and "10:30" are not.
    #expect(links == ["WWW.Example.com", "/", "2024", "https", ":", "/", "/", "x.io", "/", "v2", ","])
  }

  @Test func theWholeTextCheckFindsEveryPossibleLink() {
    // Every string of up to six units over the units a link check looks at, against the naive check.
    let alphabet: [UInt16] = Array("wW.:/x".utf16)
    var strings: [[UInt16]] = [[]]
    var checked = 0
    for _ in 1...6 {
      strings = strings.flatMap { s in alphabet.map { s + [$0] } }
      for units in strings {
        let lowered = String(decoding: units, as: UTF16.self).lowercased()
        let naive = lowered.contains("://") || lowered.contains("www.")
        #expect(QuantityExtractor.mayHoldLink(units) == naive, "\(lowered)")
        checked += 1
      }
    }
    #expect(checked == 55_986)
  }

  @Test func theWholeTextCheckFindsAMarkAtEveryOffset() {
    // The check reads four units at a time: a mark at every offset of a longer text, around the fours.
    let filler = Array("ab. cd: ef/ ww w.".utf16)
    for mark in ["://", "www.", "WwW.", "x://y"] {
      for offset in 0...40 {
        let units = (0..<offset).map { filler[$0 % filler.count] } + Array(mark.utf16) + filler.prefix(offset % 11)
        #expect(QuantityExtractor.mayHoldLink(units), "\(mark) at \(offset)")
        var broken = units
        broken[offset + (mark.hasPrefix("x") ? 2 : mark.count - 2)] = 0x2D  // "-": no mark left
        #expect(!QuantityExtractor.mayHoldLink(broken), "broken \(mark) at \(offset)")
      }
    }
  }

  @Test func fractionWordsThatAreAlsoPeriods() throws {
    #expect(
      try quantityLinesBothWays(
        "Our releases were slow. I cut a quarter of the steps, halved half an hour of checks, and still had to wait a quarter; margin rose 25 bps."
      ) == [
        "a quarter @30-39 fraction 0.25 impact",
        "halved @54-60 multiplier 0.5 impact",
        "half an hour @61-73 duration 0.5 h impact",
        "25 bps @130-136 percent 25 bps impact",
      ])
  }

  @Test func pairsAcrossUnitsAndCountedNouns() throws {
    #expect(
      try quantityLinesBothWays(
        "Our backlog was huge. Runtime went 7h → 95 min, and I cut the queue from 120 tickets to 30 in a month; we made 14 smaller jobs."
      ) == [
        "7h @35-37 duration 7 h before impact",
        "95 min @40-46 duration 95 min after impact",
        "120 @73-76 count 120 before impact",
        "30 @88-90 count 30 after impact",
        "14 @111-113 count 14 impact",
      ])
  }

  @Test func aTrailingPlusIsALowerBound() throws {
    #expect(
      try quantityLinesBothWays(
        "Our platform grew. I hired 10+ engineers and we handled 1M+ requests/day."
      ) == [
        "10+ @27-30 count 10 ~ impact",
        "1M+ @56-59 rate 1000000 /d ~ impact",
      ])
  }
}
