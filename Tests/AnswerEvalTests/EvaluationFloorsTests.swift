import AnswerEval
import Foundation
import TestSupport
import Testing

/// A floors file: every floor 0 and the maximum 10, with `edit` applied to its JSON object.
func floorsFile(edit: (inout [String: Any]) -> Void = { _ in }) -> Data {
  var object: [String: Any] = [
    "_comment": "test",
    "f1": Dictionary(uniqueKeysWithValues: GoldLabels.criterionIDs.map { ($0, 0) }),
    "section_agreement": ["labelled": 0, "unlabelled": 0],
    "max_no_story_answers_with_sections": 10,
  ]
  edit(&object)
  return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

/// The message of the error `EvaluationFloors.decode` throws for `data` read from `floors.json`.
func floorsMessage(_ data: Data) -> String? {
  do {
    _ = try EvaluationFloors.decode(data, path: "floors.json")
    return nil
  } catch {
    return error.errorDescription
  }
}

@Suite struct EvaluationFloorsTests {
  @Test func decodes() throws {
    let floors = try EvaluationFloors.decode(
      floorsFile {
        $0["f1"] = Dictionary(uniqueKeysWithValues: GoldLabels.criterionIDs.map { ($0, 0.5) })
        $0["section_agreement"] = ["labelled": 0.9, "unlabelled": 0.25]
        $0["max_no_story_answers_with_sections"] = 3
      }, path: "floors.json")
    #expect(
      floors
        == EvaluationFloors(
          f1: Dictionary(uniqueKeysWithValues: GoldLabels.criterionIDs.map { ($0, 0.5) }),
          sectionAgreementLabelled: 0.9, sectionAgreementUnlabelled: 0.25, maxNoStoryAnswersWithSections: 3))
  }

  @Test func theCommittedFloorsCoverEveryGoldFigure() throws {
    // CI runs `answer-eval evaluate Corpora/labelled` against these floors with the real detectors.
    let floors = try EvaluationFloors.load(Repository.path("Corpora/labelled/floors.json"))
    #expect(Set(floors.f1.keys) == Set(GoldLabels.criterionIDs))
    #expect(floors.sectionAgreementLabelled >= 0.97 && floors.sectionAgreementUnlabelled >= 0.85)
  }

  @Test func missesInFloorsFileOrder() throws {
    // sampleEvaluation: star.result F1 2/3, tradeoff F1 0, labelled agreement 0, unlabelled 7/31, 1 no-story
    // answer with sections.
    var f1 = Dictionary(uniqueKeysWithValues: GoldLabels.criterionIDs.map { ($0, 0.0) })
    f1["star.result"] = 0.7
    f1["star.action"] = 1
    let floors = EvaluationFloors(
      f1: f1, sectionAgreementLabelled: 0, sectionAgreementUnlabelled: 0.25, maxNoStoryAnswersWithSections: 0)
    #expect(
      floors.misses(try sampleEvaluation(), path: "floors.json").map(\.errorDescription) == [
        "floors.json: error: [evaluate.below-floor] f1.star.result is 0.6667, below its floor 0.7000; improve the "
          + "detectors, or lower the floor and say why in the commit",
        "floors.json: error: [evaluate.below-floor] section_agreement.unlabelled is 0.2258, below its floor 0.2500; "
          + "improve the detectors, or lower the floor and say why in the commit",
        "floors.json: error: [evaluate.above-maximum] no-story answers with sections is 1, above its maximum 0; "
          + "improve the detectors, or raise the maximum and say why in the commit",
      ])
  }

  @Test func aFigureEqualToItsFloorMeetsIt() throws {
    var f1 = Dictionary(uniqueKeysWithValues: GoldLabels.criterionIDs.map { ($0, 0.0) })
    f1["star.action"] = 1
    let floors = EvaluationFloors(
      f1: f1, sectionAgreementLabelled: 0, sectionAgreementUnlabelled: 7.0 / 31.0, maxNoStoryAnswersWithSections: 1)
    #expect(floors.misses(try sampleEvaluation(), path: "floors.json") == [])
  }

  @Test func unknownKey() {
    #expect(
      floorsMessage(floorsFile { $0["max_no_story_answer_with_sections"] = 1 })
        == "floors.json: error: [evaluate.key-value] \"max_no_story_answer_with_sections\" is not a floor; use f1, "
        + "section_agreement, max_no_story_answers_with_sections (keys starting with _ are comments) "
        + "(the floors format is in README.md, section Evaluation)")
  }

  @Test func unknownCriterion() {
    #expect(
      floorsMessage(
        floorsFile {
          var f1 = $0["f1"] as! [String: Any]
          f1["pitfall.hedging"] = 0
          $0["f1"] = f1
        })
        == "floors.json: error: [evaluate.key-value] \"f1.pitfall.hedging\" is not a floor; use star.situation, "
        + "star.task, star.action, star.result, tradeoff, quantification, reflection (keys starting with _ are "
        + "comments) (the floors format is in README.md, section Evaluation)")
  }

  @Test func missingFloor() {
    #expect(
      floorsMessage(floorsFile { $0["section_agreement"] = ["labelled": 0] })
        == "floors.json: error: [evaluate.key-missing] \"section_agreement.unlabelled\" is missing; add it "
        + "(the floors format is in README.md, section Evaluation)")
  }

  @Test func fractionOutOfRange() {
    #expect(
      floorsMessage(floorsFile { $0["section_agreement"] = ["labelled": 85, "unlabelled": 0] })
        == "floors.json: error: [evaluate.key-value] \"section_agreement.labelled\" is 85.0; use a fraction from 0 "
        + "to 1 (the floors format is in README.md, section Evaluation)")
  }

  @Test func maximumMustBeAWholeNumber() {
    #expect(
      floorsMessage(floorsFile { $0["max_no_story_answers_with_sections"] = 2.5 })
        == "floors.json: error: [evaluate.key-value] \"max_no_story_answers_with_sections\" is 2.5; use a whole "
        + "number, 0 or more (the floors format is in README.md, section Evaluation)")
  }

  @Test func missingFile() {
    #expect(throws: EvaluationError.floorsNotFound(path: "no-such-floors.json")) {
      try EvaluationFloors.load("no-such-floors.json")
    }
  }
}
