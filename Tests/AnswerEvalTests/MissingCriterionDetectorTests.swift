import AnswerEval
import Testing

@Suite struct MissingCriterionDetectorTests {
  /// A rubric that extends `behavioral` with a "no result" pitfall mirroring `star.result`.
  func rubric(_ parameters: String) throws -> CompiledRubric {
    CompiledRubric(try TestRubrics.withFile(yaml(parameters)) { try TestRubrics.load(file: $0) })
  }

  func yaml(_ parameters: String) -> String {
    """
    id: missing-test
    version: 1.0.0
    extends: behavioral
    criteria:
      - id: pitfall.no-result
        title: No result
        detector: missing-criterion
        weight: 3
        parameters:
    \(parameters)
        feedback:
          present: "Your story has no result: say what changed after {evidence}."
          partial: "Your result is thin."
          missing: ""
    """
  }

  let story =
    "Last spring our checkout page took six seconds to load. My task was to get it under two seconds. I profiled "
    + "it, lazy-loaded the images and moved the fonts to our CDN."

  @Test func examples() throws {
    // The examples name `pitfall.no-numbers`, which joins `behavioral` with the `quantification` criterion.
    let pending = try TestRubrics.checkExamples(of: MissingCriterionDetector.self)
    #expect(pending.allSatisfy { $0.criterion == "pitfall.no-numbers" })
  }

  @Test func aStoryWithoutTheCriterionIsTheMistakePointingAtTheSection() throws {
    let rubric = try rubric("      criterion: star.result\n      evidence_section: action")
    let (finding, evidence) = try TestRubrics.finding("pitfall.no-result", story, rubric: rubric)
    #expect(finding.outcome == .present && finding.score == 0)
    #expect(evidence.map(\.text) == ["I profiled it, lazy-loaded the images and moved the fonts to our CDN."])
    let labelled =
      "Situation: our checkout page took six seconds to load.\nTask: I had to get it under two seconds.\n"
      + "Action: I profiled it, lazy-loaded the images and moved the fonts to our CDN."
    #expect(
      try TestRubrics.evidence("pitfall.no-result", labelled, rubric: rubric) == [
        "Action: I profiled it, lazy-loaded the images and moved the fonts to our CDN."
      ])
  }

  @Test func theCriterionPresentIsNoPitfall() throws {
    let rubric = try rubric("      criterion: star.result")
    let text = story + " Load time fell to 1.8 seconds."
    let (finding, evidence) = try TestRubrics.finding("pitfall.no-result", text, rubric: rubric)
    #expect(finding.outcome == .missing && finding.score == 1 && evidence.isEmpty)
  }

  @Test func onlyStoriesAreJudgedUnlessAsked() throws {
    let definition = "Precision is the share of predicted positives that are right."
    let storiesOnly = try rubric("      criterion: star.result")
    #expect(try TestRubrics.finding("pitfall.no-result", definition, rubric: storiesOnly).finding.outcome == .missing)
    let everything = try rubric("      criterion: star.result\n      requires_story: false")
    #expect(try TestRubrics.finding("pitfall.no-result", definition, rubric: everything).finding.outcome == .present)
  }

  @Test func whenMissingSoftensOrSilences() throws {
    for (value, outcome) in [("partial", Finding.Outcome.partial), ("none", .missing), ("present", .present)] {
      let rubric = try rubric("      criterion: star.result\n      when_missing: \(value)")
      #expect(try TestRubrics.finding("pitfall.no-result", story, rubric: rubric).finding.outcome == outcome)
    }
  }

  @Test func parameterValuesAreCheckedWhereTheyAreWritten() throws {
    for (parameters, column, message) in [
      ("      criterion: star.result\n      when_missing: sometimes", 21, "must be one of: present, partial, none"),
      ("      criterion: star.result\n      requires_story: maybe", 23, "must be true or false"),
      ("      criterion: star.result\n      evidence_section: ending", 25, "must be one of: situation, task, action"),
    ] {
      try TestRubrics.withFile(yaml(parameters)) { file in
        let error = try #require(throws: RubricError.self) { try TestRubrics.load(file: file) }
        #expect(error.line == 11 && error.column == column && error.message.contains(message), "\(parameters)")
      }
    }
  }

  @Test func theReferenceIsEvaluatedOnceWhateverTheOrder() throws {
    let rubric = try rubric("      criterion: star.result")
    let context = try TestRubrics.context(story + " Load time fell to 1.8 seconds.", rubric: rubric)
    // The pitfall comes after star.result in the rubric; asking for it first evaluates star.result.
    #expect(context.finding(of: "pitfall.no-result")?.outcome == .missing)
    #expect(context.finding(of: "star.result")?.outcome == .present)
    #expect(context.finding(of: "no.such-criterion") == nil)
  }

  @Test func anUnknownCriterionIsAnErrorAtTheParameter() throws {
    try TestRubrics.withFile(yaml("      criterion: star.reslt")) { file in
      let error = try #require(throws: RubricError.self) { try TestRubrics.load(file: file) }
      #expect(error.file == file && error.line == 10 && error.column == 18 && error.id == "missing-test")
      #expect(
        error.message.hasPrefix("criterion `pitfall.no-result`: `criterion: star.reslt` names no other criterion"))
      #expect(error.message.contains("did you mean `star.result`?"))
    }
  }

  @Test func aPitfallOrItselfCannotBeReferenced() throws {
    for (target, message) in [
      ("pitfall.hedging", "names a pitfall"), ("pitfall.no-result", "names no other criterion"),
    ] {
      try TestRubrics.withFile(yaml("      criterion: \(target)")) { file in
        let error = try #require(throws: RubricError.self) { try TestRubrics.load(file: file) }
        #expect(error.line == 10 && error.message.contains(message), "\(target)")
      }
    }
  }

  @Test func theCriterionIsRequired() throws {
    try TestRubrics.withFile(yaml("      evidence_section: action")) { file in
      let error = try #require(throws: RubricError.self) { try TestRubrics.load(file: file) }
      #expect(error.message.contains("needs parameter `criterion`"))
    }
  }
}
