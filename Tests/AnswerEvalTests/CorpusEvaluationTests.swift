import AnswerEvalText
import Testing

@testable import AnswerEval

/// A report on `text` with these detected criteria (id → evidence texts; each evidence is found in the text),
/// undetected criteria, sections and quantities.
func report(
  _ text: String, detected: [String: [String]] = [:], undetected: [String] = [],
  sections: [Report.Section] = [], quantities: [Report.Quantity] = []
) throws -> Report {
  var report = Report(statisticsOf: try TextAnalyzer().analyze(text, source: "t"))
  func criterion(_ id: String, _ detected: Bool, _ evidence: [String]) -> Report.Criterion {
    let scalars = Array(text.unicodeScalars)
    let spans = evidence.map { piece -> Span in
      let needle = Array(piece.unicodeScalars)
      let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }!
      return span(text, start, start + needle.count)
    }
    return Report.Criterion(id: id, detected: detected, score: 0, weight: 1, evidence: spans, feedback: "")
  }
  report.criteria =
    detected.keys.sorted().map { criterion($0, true, detected[$0]!) } + undetected.map { criterion($0, false, []) }
  report.sections = sections
  report.quantities = quantities
  return report
}

/// Three answers: an unlabelled story, an unlabelled no-story answer, and a labelled story, with reports
/// that are right on some criteria and wrong on others.
func sampleEvaluation() throws -> CorpusEvaluation {
  let story = "I led it. We shipped."
  let advice = "You should test."
  let labelled = "**Result:** 40% faster."
  let answers = [
    LabelledAnswer(
      path: "c/a.md", text: story,
      gold: gold(
        ["star.action", "star.result"],
        sections: [goldSection(.action, story, 0, 9), goldSection(.result, story, 10, 21)])),
    LabelledAnswer(path: "c/b.md", text: advice, gold: gold()),
    LabelledAnswer(
      path: "c/c.md", text: labelled,
      gold: gold(
        ["star.result", "quantification"], sections: [goldSection(.result, labelled, 0, 23)],
        quantities: [goldSpan(labelled, 12, 15)], explicitLabels: true)),
  ]
  let reports = [
    try report(
      story, detected: ["star.action": ["I led it."], "tradeoff": ["We shipped."]],
      sections: [section(.action, story, 0, 21)]),
    try report(advice, sections: [section(.result, advice, 0, 16)]),
    try report(
      labelled, detected: ["star.result": ["**Result:**"]], undetected: ["quantification"],
      quantities: [quantity(labelled, 12, 15), quantity(labelled, 16, 22)]),
  ]
  return CorpusEvaluation(corpus: "c", rubric: "behavioral", graded: Array(zip(answers, reports)))
}

@Suite struct CorpusEvaluationTests {
  @Test func criterionCounts() throws {
    let evaluation = try sampleEvaluation()
    #expect(evaluation.answers == 3)
    #expect(evaluation.criteria.map(\.id) == GoldLabels.criterionIDs)
    #expect(
      evaluation.criteria.map(\.counts) == [
        ConfusionCounts(tn: 3),  // star.situation
        ConfusionCounts(tn: 3),  // star.task
        ConfusionCounts(tp: 1, tn: 2),  // star.action
        ConfusionCounts(tp: 1, fn: 1, tn: 1),  // star.result: missing from a's report counts as not detected
        ConfusionCounts(fp: 1, tn: 2),  // tradeoff
        ConfusionCounts(fn: 1, tn: 2),  // quantification
        ConfusionCounts(tn: 3),  // reflection
      ])
    #expect(evaluation.counts(of: "star.result")?.f1 == 2.0 / 3.0)
    #expect(evaluation.counts(of: "pitfall.hedging") == nil)
  }

  @Test func disagreementsWithEvidence() throws {
    #expect(
      try sampleEvaluation().disagreements == [
        .init(file: "c/a.md", criterion: "star.result", expected: true, got: false, evidence: []),
        .init(file: "c/a.md", criterion: "tradeoff", expected: false, got: true, evidence: ["We shipped."]),
        .init(file: "c/c.md", criterion: "quantification", expected: true, got: false, evidence: []),
      ])
  }

  @Test func sectionAgreementByKindOfAnswer() throws {
    let sections = try sampleEvaluation().sections
    // a: "I led it." is action in both, "We shipped." result vs action (7 of 17); b: none vs result (0 of 14).
    #expect(sections.unlabelled == SectionAgreement(answers: 2, characters: 31, agreeing: 7))
    // c: result vs nothing predicted.
    #expect(sections.labelled == SectionAgreement(answers: 1, characters: 21, agreeing: 0))
    #expect(sections.noStory == SectionAgreement(answers: 1, characters: 14, agreeing: 0))
    #expect(sections.noStoryAnswersWithSections == 1)
  }

  @Test func impactQuantities() throws {
    #expect(try sampleEvaluation().impactQuantities == QuantityMatch(gold: 1, found: 1, predicted: 2, matched: 1))
  }

  @Test func emptyCorpus() {
    let evaluation = CorpusEvaluation(corpus: "c", rubric: "behavioral", graded: [])
    #expect(evaluation.criteria.map(\.counts) == Array(repeating: ConfusionCounts(), count: 7))
    #expect(evaluation.sections == CorpusEvaluation.Sections())
    #expect(evaluation.disagreements == [])
  }
}
