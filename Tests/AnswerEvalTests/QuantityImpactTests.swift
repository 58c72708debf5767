import Testing

@testable import AnswerEval

/// Impact needs a story: the numbers of a design, of advice, of a definition or of a lesson for next time
/// measure nothing the speaker did.
@Suite struct QuantityImpactTests {
  @Test func storyNumbersAreImpact() throws {
    #expect(
      try quantityLinesBothWays(
        "Last spring our checkout took 6 seconds to load. I lazy-loaded the images, and load time fell to 1.8 seconds for 40,000 daily users."
      ) == [
        "6 seconds @30-39 duration 6 s impact",
        "1.8 seconds @97-108 duration 1.8 s impact",
        "40,000 @113-119 rate 40000 /d impact",
      ])
  }

  @Test func designNumbersAreNot() throws {
    #expect(
      try quantityLinesBothWays(
        "I would put a token bucket in front of the API, say 100 requests per minute with bursts up to 20. This keeps p99 under 50 ms."
      ) == [
        "100 requests per minute @52-75 rate 100 req/min (hypothetical)",
        "20 @94-96 count 20 ~ (hypothetical)",
        "50 ms @119-124 duration 50 ms ~ (no-story)",
      ])
  }

  @Test func adviceAndDefinitionsAreNot() throws {
    #expect(
      try quantityLinesBothWays(
        "You should keep pull requests under 400 lines. Precision is defined as the share of true positives, and 0.5 is a coin flip."
      ) == [
        "400 @36-39 count 400 ~ (advice)",
        "0.5 @104-107 number 0.5 (definition)",
      ])
  }

  /// Checked without the multibyte prefix: in front of "Added" it would hide the sentence's opening verb,
  /// the implied "I" that makes these two lines a story.
  @Test func aShortReportOfAChangeIsImpact() throws {
    #expect(
      try quantityLines(
        "Added a Redis cache in front of the catalog service. p95: 900ms → sub-100ms."
      ) == [
        "900ms @58-63 duration 900 ms before impact",
        "100ms @70-75 duration 100 ms after ~ impact",
      ])
  }

  @Test func aLessonWithoutAPastVerbIsNot() throws {
    #expect(
      try quantityLinesBothWays(
        "Last year our deploys took 40 minutes and I cut them to 12. Next time I would aim for 5 minutes from the start."
      ) == [
        "40 minutes @27-37 duration 40 min impact",
        "12 @56-58 count 12 impact",
        "5 minutes @86-95 duration 5 min (hypothetical)",
      ])
  }

  /// Not read as a story (present tense, non-native), but the speaker narrates, and the change counts.
  @Test func aChangeInAnAnswerThatNarratesIsImpact() throws {
    #expect(
      try quantityLinesBothWays(
        "In my previous company we have problem with the report service, it take 45 second for load. I was responsible to fix it. I make index on the two table and add cache. After this, report load in 3 second and customers complain much less, maybe 70 percent less tickets."
      ) == [
        "45 second @72-81 duration 45 s (no-story)",
        "two @141-144 count 2 (no-story)",
        "3 second @193-201 duration 3 s (no-story)",
        "70 percent @242-252 percent 70 % delta impact",
      ])
  }
}
