import AnswerEval
import TestSupport
import Testing

@Suite struct StarSegmenterTests {
  @Test func allFourSectionsInOneParagraph() throws {
    let report = try grade(
      "Last year I was the only backend engineer at a ticketing startup, and our checkout API timed out under load. "
        + "My goal was to keep checkout under 300 ms for the spring on-sale. "
        + "I profiled the hot path, added a read-through cache for seat maps and moved receipts to a queue. "
        + "As a result, p95 latency fell from 1.2 s to 180 ms and the on-sale went through without an incident.")
    #expect(report.sections.map(\.label) == [.situation, .task, .action, .result])
    #expect(report.sections[1].span.text == "My goal was to keep checkout under 300 ms for the spring on-sale.")
    #expect(
      report.criteria.filter { $0.id.hasPrefix("star.") && $0.detected }.map(\.id) == [
        "star.situation", "star.task", "star.action", "star.result",
      ])
  }

  @Test func explicitLabelsInManyForms() throws {
    let report = try grade(
      """
      **Situation:** At my last company the nightly billing job kept failing.

      T: I had to make it reliable before quarter end.

      ## Action
      I split the job into idempotent steps and added retries.

      (R) It has not failed since, and finance closed the quarter two days early.
      """)
    #expect(
      sections(report) == [
        "situation: **Situation:** At my last company the nightly billing job kept failing.",
        "task: T: I had to make it reliable before quarter end.",
        "action: ## Action\nI split the job into idempotent steps and added retries.",
        "result: (R) It has not failed since, and finance closed the quarter two days early.",
      ])
  }

  @Test func bulletListWithLabels() throws {
    let report = try grade(
      """
      - Situation: our app's sign-up page lost half of its visitors.
      - Task: I owned the sign-up funnel that quarter.
      - Action: I cut the form from nine fields to four and added social login.
      - Result: sign-ups rose by 35% in a month.
      """)
    #expect(report.sections.map(\.label) == [.situation, .task, .action, .result])
    #expect(report.sections[0].span.text == "Situation: our app's sign-up page lost half of its visitors.")
  }

  @Test func resultFirstIsReordered() throws {
    let report = try grade(
      "We cut our cloud bill from $48k to $29k a month within one quarter. "
        + "At the time I was the platform lead at a small analytics company, and costs were growing faster than revenue. "
        + "My manager asked me to find savings without slowing the product teams down. "
        + "I tagged every resource by team, moved batch jobs to spot instances and deleted idle staging clusters.")
    #expect(report.sections.map(\.label) == [.result, .situation, .task, .action])
  }

  @Test func storyWithoutAnExplicitTask() throws {
    let report = try grade(
      "Two years ago I was a nurse on a busy surgical ward. "
        + "One night a patient's blood pressure dropped sharply after surgery. "
        + "I called the outreach team, started fluids and kept him lying flat. "
        + "He was in theatre within the hour and recovered well.")
    #expect(report.sections.map(\.label).contains(.action))
    #expect(report.sections.map(\.label).contains(.result))
    #expect(!report.sections.map(\.label).contains(.task))
  }

  @Test(arguments: [
    "The bias-variance tradeoff describes how a model that is too simple underfits, while a model that is too flexible "
      + "overfits. Regularization is one way to move along it. Cross-validation tells you where you are.",
    "You should always have a tested rollback plan. It is important to monitor your models after deployment. "
      + "Teams need to agree on alert thresholds before launch.",
    "Situation task action result. I am a results-driven synergy leader with tradeoff thinking and impact.",
    "My process is always the same. I usually start by reading the logs, then I talk to the people involved. "
      + "I tend to write a short summary at the end.",
  ])
  func noStoryNoSections(answer: String) throws {
    let report = try grade(answer)
    #expect(report.sections.isEmpty)
    #expect(report.criteria.filter { $0.id.hasPrefix("star.") && $0.detected }.isEmpty)
  }

  @Test func sectionSpansStayExactBehindMultibyteText() throws {
    let answer =
      "Last year I ran the support desk at a bike shop. I had to halve the reply time. "
      + "I set up templates and a rota. Reply time fell from 2 days to 6 hours."
    let plain = try grade(answer)
    let shifted = try grade(multibytePrefix + "\n\n" + answer)
    let offset = (multibytePrefix + "\n\n").unicodeScalars.count
    #expect(shifted.sections.map(\.span.text) == plain.sections.map(\.span.text))
    #expect(shifted.sections.map { $0.span.start - offset } == plain.sections.map(\.span.start))
  }

  @Test func gradingIsDeterministic() throws {
    let answer = try String(contentsOfFile: Repository.path("Corpora/examples/answer.md"), encoding: .utf8)
    #expect(try grade(answer) == grade(answer))
  }
}
