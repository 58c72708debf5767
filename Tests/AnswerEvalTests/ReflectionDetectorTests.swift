import AnswerEval
import TestSupport
import Testing

/// The `reflection` criterion of a report graded with the bundled behavioral rubric.
private func reflection(_ text: String) throws -> Report.Criterion {
  try #require(try grade(text).criteria.first { $0.id == "reflection" })
}

/// (start, end, text) of each evidence span.
private func spans(_ criterion: Report.Criterion) -> [(Int, Int, String)] {
  criterion.evidence.map { ($0.start, $0.end, $0.text) }
}

@Suite struct ReflectionDetectorTests {
  static let story =
    "Last year I migrated our billing tables without a load test, and the tracking page slowed to nine seconds. "
    + "I learned that staging is a smoke test, not proof. "
    + "Since then I replay real production queries before every cutover."

  @Test func lessonAndChangedHabit() throws {
    let finding = try reflection(Self.story)
    #expect(finding.detected)
    #expect(finding.score == 1)
    #expect(
      spans(finding).elementsEqual(
        [
          (107, 157, "I learned that staging is a smoke test, not proof."),
          (158, 223, "Since then I replay real production queries before every cutover."),
        ], by: ==))
    #expect(
      finding.feedback
        == "You reflect on what you learned and what you changed: “I learned that staging is a smoke test, not proof.”")
  }

  @Test func evidenceShiftsBehindAMultibytePrefix() throws {
    let plain = try reflection(Self.story)
    let prefixed = try reflection(multibytePrefix + Self.story)
    let shift = multibytePrefix.unicodeScalars.count
    #expect(prefixed.evidence.map(\.start) == plain.evidence.map { $0.start + shift })
    #expect(prefixed.evidence.map(\.end) == plain.evidence.map { $0.end + shift })
    #expect(prefixed.evidence.map(\.text) == plain.evidence.map(\.text))
    #expect(prefixed.score == plain.score)
  }

  @Test func changedHabitAloneAsksForTheLesson() throws {
    let finding = try reflection("Since then I replay real production queries before every cutover.")
    #expect(finding.detected)
    #expect(finding.score == 0.6)
    #expect(
      finding.feedback
        == "You reflect (“Since then I replay real production queries before every cutover.”); add the lesson "
        + "itself: what you learned (\"It taught me that…\").")
  }

  @Test func hindsightInTheFirstPersonButNotAdvice() throws {
    let finding = try reflection(
      "The rollout went fine. Looking back, I should have told support before launch. "
        + "Teams should always warn support early.")
    #expect(finding.detected)
    #expect(finding.score == 1)
    #expect(
      spans(finding).elementsEqual([(23, 78, "Looking back, I should have told support before launch.")], by: ==))
  }

  @Test func labelledSectionIsALesson() throws {
    let finding = try reflection(
      """
      **Situation:** our ETL kept failing at night.
      **Action:** I added retries and alerts.
      **Result:** failures dropped from weekly to once a quarter.
      **Lesson:** retries hide problems unless someone is alerted when they happen.
      """)
    #expect(finding.detected)
    #expect(finding.score == 0.6)
    #expect(
      spans(finding).elementsEqual(
        [(148, 223, "Lesson:** retries hide problems unless someone is alerted when they happen.")], by: ==))
  }

  @Test func learnedALotIsVague() throws {
    let finding = try reflection(
      "Our deployments kept failing, so I added checks to the pipeline. Learned a lot and grew as a leader.")
    #expect(!finding.detected)
    #expect(finding.score == 0.2)
    #expect(spans(finding).elementsEqual([(65, 100, "Learned a lot and grew as a leader.")], by: ==))
    #expect(
      finding.feedback
        == "You reflect (“Learned a lot and grew as a leader.”); add what exactly you learned and what you now do "
        + "differently.")
  }

  @Test func genericAdviceIsNotReflection() throws {
    let finding = try reflection(
      "It is important to test the rollback before every deploy. "
        + "You should always keep a holdout set that nobody tunes against.")
    #expect(!finding.detected)
    #expect(finding.score == 0)
    #expect(finding.evidence.isEmpty)
    #expect(finding.feedback.hasPrefix("End with your own lesson"))
  }

  @Test func narrationIsNotAChangedHabit() throws {
    #expect(try !reflection("We dropped polyfills for browsers we no longer supported.").detected)
    #expect(try !reflection("The team has stayed on React Native ever since.").detected)
    #expect(try !reflection("Looking back at the logs, we saw the spike at noon.").detected)
  }

  static let german = """
      found: {lesson: was du gelernt hast, change: was du geändert hast}
      missing:
        lesson: "die Lehre selbst: was du gelernt hast (\\"Es hat mich gelehrt, dass…\\")"
        change: was du jetzt anders machst
      vague: was genau du gelernt hast und was du jetzt anders machst
    """

  /// The last `reflection` pack with `wording` asks for the missing part in its words.
  @Test func anotherPacksWordingAsksForTheLesson() throws {
    let finding = try gradeReworded(
      "Since then I replay real production queries before every cutover.", detector: "reflection",
      signal: "lesson", wording: Self.german, id: "reflection", partial: "Du nennst {found}; ergänze {missing}.")
    #expect(finding.score == 0.6)
    #expect(
      finding.feedback
        == "Du nennst was du geändert hast; ergänze die Lehre selbst: was du gelernt hast (\"Es hat mich gelehrt, "
        + "dass…\").")
  }

  @Test func anotherPacksWordingForAVagueReflection() throws {
    let finding = try gradeReworded(
      "Our deployments kept failing, so I added checks to the pipeline. Learned a lot and grew as a leader.",
      detector: "reflection", signal: "lesson", wording: Self.german, id: "reflection",
      partial: "Ergänze {missing}.")
    #expect(finding.score == 0.2)
    #expect(finding.feedback == "Ergänze was genau du gelernt hast und was du jetzt anders machst.")
  }

  /// Both parts, listed and the labelled section quoted in the punctuation of a German `grammar` pack.
  @Test func anotherPacksPunctuationListsAndQuotes() throws {
    let finding = try gradeReworded(
      """
      **Situation:** our ETL kept failing at night.
      **Action:** I added retries and alerts.
      **Lesson:** retries hide problems. Since then I add an alert to every retry.
      """,
      detector: "reflection", signal: "lesson", wording: Self.german,
      grammar: germanPunctuation, id: "reflection", partial: "Ergänze {missing}.",
      present: "Du nennst {found}: {evidence}")
    #expect(finding.score == 1)
    #expect(
      finding.feedback
        == "Du nennst was du gelernt hast und was du geändert hast: „retries hide problems. Since then I add an "
        + "alert to every retry.“")
  }

  /// Without `vague` a vague reflection's `{missing}` is empty, and a part without its text is left out.
  @Test func withoutWordingNothingIsSaidInEnglish() throws {
    let vague = try gradeReworded(
      "Our deployments kept failing, so I added checks to the pipeline. Learned a lot and grew as a leader.",
      detector: "reflection", signal: "lesson", wording: "  found.change: was du geändert hast", id: "reflection",
      partial: "[{found}] [{missing}]")
    #expect(vague.feedback == "[] []")
    let partial = try gradeReworded(
      "Since then I replay real production queries before every cutover.", detector: "reflection",
      signal: "lesson", wording: "  found.change: was du geändert hast", id: "reflection",
      partial: "[{found}] [{missing}]")
    #expect(partial.feedback == "[was du geändert hast] []")
  }
}
