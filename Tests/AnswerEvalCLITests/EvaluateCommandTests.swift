import Foundation
import TestSupport
import Testing

@Suite struct EvaluateCommandTests {
  @Test func floorsMetExitsZero() throws {
    let result = try CLI.run(["evaluate", "Fixtures/evaluate/valid"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("Evaluation of Fixtures/evaluate/valid: 4 answers, rubric behavioral\n"))
    #expect(result.stdout.contains("\nSection agreement per non-whitespace character:\n"))
  }

  @Test func impossibleFloorsExitOneAndAreListed() throws {
    // 03-twin-story and 04-twin-no-story have the same text and opposite labels, so no grader reaches an F1 of 1
    // for star.action or full section agreement on the unlabelled answers.
    let result = try CLI.run([
      "evaluate", "Fixtures/evaluate/valid", "--floors", "Fixtures/evaluate/impossible-floors.json",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("Evaluation of Fixtures/evaluate/valid: 4 answers"))
    let lines = result.stderr.split(separator: "\n").map(String.init)
    let hint = "; improve the detectors, or lower the floor and say why in the commit"
    #expect(lines.count == 2)
    #expect(
      lines.first?.wholeMatch(
        of: try Regex(
          #"Fixtures/evaluate/impossible-floors\.json: error: \[evaluate\.below-floor\] f1\.star\.action is "#
            + #"0\.\d{4}, below its floor 1\.0000"# + hint)) != nil)
    #expect(
      lines.last?.wholeMatch(
        of: try Regex(
          #"Fixtures/evaluate/impossible-floors\.json: error: \[evaluate\.below-floor\] "#
            + #"section_agreement\.unlabelled is 0\.\d{4}, below its floor 1\.0000"# + hint)) != nil)
  }

  @Test func brokenCorpusReportsEveryProblemAndExitsTwo() throws {
    let result = try CLI.run([
      "evaluate", "Fixtures/evaluate/broken", "--floors", "Fixtures/evaluate/valid/floors.json",
    ])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    let first: String =
      "Fixtures/evaluate/broken/01-broken-offset.json: error: [evaluate.span-text] \"sections[0].text\" is not "
      + "the answer's text at 1..39: from offset 1 the sidecar has \"We cut the build from 12 minut…\" and the "
      + "answer has \"e cut the build from 12 minute…\"; fix start/end (Unicode-scalar offsets, end exclusive) or "
      + "the text"
    let last: String =
      "Fixtures/evaluate/broken/09-wrong-id.json: error: [evaluate.key-value] \"id\" is \"09-wrong\"; make it "
      + "the file name, \"09-wrong-id\" (the sidecar format is in Corpora/README.md)"
    #expect(lines.count == 10)
    #expect(lines.first == first)
    #expect(lines.last == last)
  }

  @Test func missingFloorsFileExitsTwo() throws {
    let result = try CLI.run(["evaluate", "Fixtures/evaluate/valid", "--floors", "no-such-floors.json"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "no-such-floors.json: error: [evaluate.floors-missing] no such floors file; check the --floors path\n")
  }

  @Test func missingCorpusExitsTwo() throws {
    let result = try CLI.run(["evaluate", "no-such-corpus"])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "no-such-corpus: error: [evaluate.corpus] no such folder; give the folder of labelled answers, "
        + "e.g. Corpora/labelled\n")
  }

  @Test func corpusWithoutFloorsWarnsAndExitsZero() throws {
    let bare = FileManager.default.temporaryDirectory.appendingPathComponent("answer-eval-bare-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: bare) }
    for name in ["02-advice.md", "02-advice.json"] {
      try FileManager.default.copyItem(
        atPath: Repository.path("Fixtures/evaluate/valid/\(name)"), toPath: bare.appendingPathComponent(name).path)
    }
    let result = try CLI.run(["evaluate", bare.path])
    #expect(result.status == 0)
    #expect(result.stderr == "\(bare.path): warning: [evaluate.no-floors] no floors.json; no floors checked\n")
  }

  @Test func jsonFormatCarriesEveryFigure() throws {
    let result = try CLI.run(["evaluate", "Fixtures/evaluate/valid", "--format", "json", "--rubric", "behavioral"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
    #expect(
      object.keys.sorted() == [
        "answers", "corpus", "criteria", "disagreements", "impact_quantities", "rubric", "schema", "sections",
      ])
    #expect(object["schema"] as? String == "answer-eval/evaluation/v1")
    #expect(object["rubric"] as? String == "behavioral")
    #expect(object["answers"] as? Int == 4)
    let criteria = object["criteria"] as! [[String: Any]]
    #expect(
      criteria.map { $0["id"] as! String } == [
        "star.situation", "star.task", "star.action", "star.result", "tradeoff", "quantification", "reflection",
      ])
    #expect(criteria[0].keys.sorted() == ["f1", "fn", "fp", "id", "precision", "recall", "tn", "tp"])
    let sections = object["sections"] as! [String: Any]
    #expect(sections.keys.sorted() == ["labelled", "no_story", "no_story_answers_with_sections", "unlabelled"])
    // 02-advice and 04-twin-no-story have no story; 01 is the only labelled answer.
    #expect((sections["no_story"] as! [String: Any])["answers"] as? Int == 2)
    #expect((sections["labelled"] as! [String: Any])["answers"] as? Int == 1)
    #expect((object["impact_quantities"] as! [String: Any])["gold"] as? Int == 3)
  }

  @Test func helpDocumentsTheRubricOption() throws {
    let help = try CLI.run(["evaluate", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Rubric to grade with (default: behavioral)"))
    #expect(help.stdout.contains("answer-eval evaluate Corpora/labelled"))
  }

  @Test func theLabelledCorpusMeetsItsFloors() throws {
    let result = try CLI.run(["evaluate", "Corpora/labelled"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("Evaluation of Corpora/labelled: 130 answers, rubric behavioral\n"))
  }
}
