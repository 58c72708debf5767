import TestSupport
import Testing

@testable import AnswerEval

/// The `tradeoff` criterion of a report graded with the bundled behavioral rubric.
private func tradeoff(_ text: String) throws -> Report.Criterion {
  try #require(try grade(text).criteria.first { $0.id == "tradeoff" })
}

/// (start, end, text) of each evidence span.
private func spans(_ criterion: Report.Criterion) -> [(Int, Int, String)] {
  criterion.evidence.map { ($0.start, $0.end, $0.text) }
}

@Suite struct TradeoffDetectorTests {
  /// A choice, what it was weighed against, the reason and the cost; no alternatives, no mitigation.
  static let gridChoice =
    "I picked AG Grid over building on TanStack Table, although it added about 300 KB to the bundle. "
    + "The tool only ran on office desktops, so bundle size mattered much less than shipping it."

  @Test func choiceAndConcessionInOneSentence() throws {
    let finding = try tradeoff(Self.gridChoice)
    #expect(finding.detected)
    #expect(finding.score == 0.8)
    #expect(
      spans(finding).elementsEqual(
        [(0, 95, "I picked AG Grid over building on TanStack Table, although it added about 300 KB to the bundle.")],
        by: ==))
    #expect(
      finding.feedback
        == "You name the choice, what you weighed it against, why and the cost (“I picked AG Grid over building on "
        + "TanStack Table, although it added about 300 K…”); add the other options you considered and how you "
        + "monitored or limited the downside.")
  }

  @Test func designCommitmentThenItsCost() throws {
    let finding = try tradeoff(
      "I'd use a token bucket per API key, with the state in Redis rather than in each server's memory. "
        + "The cost is an extra network round trip on every request. "
        + "I'd accept the latency, and if Redis is unreachable the limiter fails open and alerts.")
    #expect(finding.detected)
    #expect(finding.score == 0.75)
    #expect(
      spans(finding).elementsEqual(
        [
          (0, 96, "I'd use a token bucket per API key, with the state in Redis rather than in each server's memory."),
          (97, 154, "The cost is an extra network round trip on every request."),
        ], by: ==))
  }

  @Test func everyPartNamedIsPresent() throws {
    let finding = try tradeoff(
      "The two options were a nightly rebuild of the search index or real-time updates. "
        + "I chose the nightly rebuild rather than streaming, because our team of three could not run Kafka. "
        + "The downside was that new listings took up to a day to appear. "
        + "I added an alert on listings older than a day that were still missing from search.")
    #expect(finding.detected)
    #expect(finding.score == 1)
    #expect(
      finding.feedback.hasPrefix("You articulate a real tradeoff, naming the choice, what you weighed it against"))
    #expect(finding.evidence.map(\.start) == [81, 179])
  }

  @Test func labelledDecisionAndDownside() throws {
    let finding = try tradeoff(
      """
      Situation: legacy reports timing out.
      Decision: moved reporting to a read replica instead of optimising every query.
      Downside: reports can be up to five minutes stale; finance agreed to that.
      Result: timeouts went from 30 a day to zero.
      """)
    #expect(finding.detected)
    #expect(finding.score == 0.65)
    #expect(
      spans(finding).elementsEqual(
        [
          (38, 116, "Decision: moved reporting to a read replica instead of optimising every query."),
          (117, 191, "Downside: reports can be up to five minutes stale; finance agreed to that."),
        ], by: ==))
  }

  @Test func anActionWhoseCostIsNamedWasAChoice() throws {
    let finding = try tradeoff(
      "Our nightly job missed its deadline. I merged the two jobs into one pass. "
        + "It was not free: the merged job is harder to test on its own.")
    #expect(finding.detected)
    #expect(finding.score == 0.5)
    #expect(
      spans(finding).elementsEqual(
        [
          (37, 73, "I merged the two jobs into one pass."),
          (74, 135, "It was not free: the merged job is harder to test on its own."),
        ], by: ==))
    #expect(try !tradeoff("I joined the team in March. The catch was that the codebase had no tests.").detected)
  }

  @Test func evidenceShiftsBehindAMultibytePrefix() throws {
    let text =
      "We had to pick a queue for order events. We went for SQS. "
      + "We lost strict ordering across partitions, so I added a sequence number and an alert on gaps."
    let plain = try tradeoff(text)
    let prefixed = try tradeoff(multibytePrefix + text)
    let shift = multibytePrefix.unicodeScalars.count
    #expect(
      spans(plain).elementsEqual(
        [
          (41, 57, "We went for SQS."),
          (58, 151, "We lost strict ordering across partitions, so I added a sequence number and an alert on gaps."),
        ], by: ==))
    #expect(prefixed.evidence.map(\.start) == plain.evidence.map { $0.start + shift })
    #expect(prefixed.evidence.map(\.end) == plain.evidence.map { $0.end + shift })
    #expect(prefixed.evidence.map(\.text) == plain.evidence.map(\.text))
    #expect(prefixed.evidence.map(\.column) == plain.evidence.map { $0.column + shift })
  }

  @Test func oneSidedJustificationIsPartial() throws {
    let finding = try tradeoff(
      "We had to choose between logistic regression and XGBoost. "
        + "We tried both and went with XGBoost because it performed better.")
    #expect(!finding.detected)
    #expect(finding.score == 0.65)
    #expect(
      spans(finding).elementsEqual(
        [(58, 122, "We tried both and went with XGBoost because it performed better.")], by: ==))
    #expect(
      finding.feedback
        == "You name the choice, what you weighed it against, the options you considered and why (“We tried both and "
        + "went with XGBoost because it performed better.”); add what it cost you: what you gave up or accepted and "
        + "how you monitored or limited the downside.")
  }

  @Test func aLossBeforeTheChoiceIsNotItsCost() throws {
    let finding = try tradeoff(
      "We lost our biggest client in March when the outage hit. "
        + "After that I decided to build a proper on-call rotation.")
    #expect(!finding.detected)
    #expect(finding.score == 0.25)
    #expect(finding.evidence.map(\.text) == ["After that I decided to build a proper on-call rotation."])
  }

  @Test func explainingATradeoffIsNotArticulatingOne() throws {
    let finding = try tradeoff(
      "The bias-variance tradeoff describes two ways a model can be wrong. Making a model more flexible lowers "
        + "bias at the cost of higher variance, so what you give up is stability. I'd explain it with an example.")
    #expect(!finding.detected)
    #expect(finding.score == 0)
    #expect(finding.evidence.isEmpty)
    #expect(finding.feedback.hasPrefix("Name a concrete choice you made between two options"))
  }

  @Test func genericWeAndGenericAdviceAreNotChoices() throws {
    #expect(try !tradeoff("When we raise the threshold we give up recall to gain precision.").detected)
    #expect(
      try !tradeoff(
        "I'll use fraud as an example: if we lower the threshold we catch more fraud, but we accept more false "
          + "alarms, so the cost is analyst time."
      ).detected)
    #expect(try !tradeoff("Teams should always pick boring technology, even though it is less exciting.").detected)
    #expect(try !tradeoff("I always choose the simpler design, even if it is a bit slower.").detected)
  }

  @Test func noDefinitionalAnswerOfTheCorpusArticulatesATradeoff() throws {
    let corpus = LabelledCorpus.load(Repository.path("Corpora/labelled"))
    let definitional = corpus.answers.filter { $0.gold.kinds.contains("definitional") }
    #expect(definitional.count >= 10)
    for answer in definitional {
      #expect(try !tradeoff(answer.text).detected, "\(answer.gold.id)")
    }
  }

  static let german = """
      found:
        decision: die Entscheidung
        sides: wogegen du sie abgewogen hast
        alternatives: die Optionen, die du erwogen hast
        rationale: warum
        cost: den Preis
        mitigation: wie du den Nachteil begrenzt hast
      missing:
        decision: die Entscheidung, die du getroffen hast
        sides: wogegen du dich entschieden hast
        alternatives: die anderen Optionen, die du erwogen hast
        rationale: warum es sich gelohnt hat
        cost: was es dich gekostet hat
        mitigation: wie du den Nachteil überwacht oder begrenzt hast
    """

  /// The last `tradeoff` pack with `wording` names the parts, whole: every part in the pack's words, listed
  /// and quoted in the punctuation of the last `grammar` pack with `wording`.
  @Test func anotherPacksWordingNamesTheParts() throws {
    let finding = try gradeReworded(
      Self.gridChoice,
      detector: "tradeoff", signal: "decision", wording: Self.german, grammar: germanPunctuation,
      id: "tradeoff", partial: "Du nennst {found} ({evidence}); ergänze {missing}.")
    #expect(finding.score == 0.8)
    #expect(
      finding.feedback
        == "Du nennst die Entscheidung, wogegen du sie abgewogen hast, warum und den Preis („I picked AG Grid over "
        + "building on TanStack Table, although it added about 300 K…“); ergänze die anderen Optionen, die "
        + "du erwogen hast und wie du den Nachteil überwacht oder begrenzt hast.")
  }

  /// Without a `grammar` pack of its own the reworded rubric keeps the English punctuation it extends.
  @Test func anotherPacksWordingKeepsTheInheritedPunctuation() throws {
    let finding = try gradeReworded(
      Self.gridChoice,
      detector: "tradeoff", signal: "decision", wording: Self.german, id: "tradeoff",
      partial: "Du nennst {found}; ergänze {missing}.")
    #expect(
      finding.feedback
        == "Du nennst die Entscheidung, wogegen du sie abgewogen hast, warum and den Preis; ergänze die anderen "
        + "Optionen, die du erwogen hast and wie du den Nachteil überwacht oder begrenzt hast.")
  }

  /// A part without its text in the pack is left out of the list (not said in English).
  @Test func aPartWithoutWordingIsLeftOut() throws {
    let finding = try gradeReworded(
      Self.gridChoice,
      detector: "tradeoff", signal: "decision",
      wording: "  found: {decision: die Entscheidung, cost: den Preis}\n  missing.mitigation: die Absicherung",
      id: "tradeoff", partial: "[{found}] [{missing}]")
    #expect(finding.feedback == "[die Entscheidung and den Preis] [die Absicherung]")
  }

  /// The detector reads the `tradeoff` pack's signals by name: each signal of the bundled pack has its own
  /// bit, and every bit is some signal's (a signal renamed in the pack or in the code fails here).
  @Test func eachSignalOfThePackHasItsOwnBit() throws {
    let pack = try #require(TestRubrics.behavioral.rubric.packs.first { $0.id == "tradeoff.en" })
    var bitOf: [String: UInt16] = [:]
    for cue in pack.cues { bitOf[cue.signal] = TradeoffDetector.Signals(cue.signal).rawValue }
    #expect(bitOf.count == 11)
    #expect(bitOf.values.allSatisfy { $0.nonzeroBitCount == 1 })
    #expect(Set(bitOf.values).count == bitOf.count)
    #expect(bitOf.values.reduce(0, |) == (1 << 11) - 1)
    #expect(TradeoffDetector.Signals("hedge").isEmpty)
  }

  /// The choice, the options and how the downside was watched: 0.25 + 0.1 + 0.1, which added as doubles in
  /// that order is 0.44999999999999996, and in another 0.45. The score is the same in every process, whatever
  /// order a set of the parts would hand them out in.
  @Test func scoreIsTheSharesAddedExactly() throws {
    let (finding, _) = try TestRubrics.finding(
      "tradeoff",
      "We chose to move the billing job to a nightly batch. We considered two options. "
        + "We watched the error dashboards for a week after the switch.")
    #expect(finding.score == 0.45)
    #expect(finding.outcome == .partial)
    // Every set of parts that includes the choice scores its shares in hundredths, over 100.
    for bits in UInt8(0)..<64 where bits & TradeoffDetector.Part.decision.bit != 0 {
      let candidate = TradeoffDetector.Candidate(decision: 0, cost: nil, partBits: bits, statesChoice: true)
      let percent = candidate.parts.map(\.percent).reduce(0, +)
      #expect(candidate.score == Double(percent) / 100, "parts \(candidate.parts.map(\.rawValue).sorted())")
      #expect(candidate.parts.count == bits.nonzeroBitCount)
    }
  }
}
