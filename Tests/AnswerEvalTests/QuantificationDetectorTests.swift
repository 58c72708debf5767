import AnswerEval
import TestSupport
import Testing

@Suite struct QuantificationDetectorTests {
  func criterion(_ report: Report) -> Report.Criterion? { report.criteria.first { $0.id == "quantification" } }

  @Test func descriptorExamples() throws {
    for example in QuantificationDetector.descriptor.examples {
      let found = criterion(try grade(example.text))
      #expect(found?.detected == example.detected, "\(example.text)")
    }
  }

  @Test func anOutcomeIsPresentWithItsNumbersAsEvidence() throws {
    let report = try grade(
      "Last spring our checkout page took 6 seconds to load. I profiled it and lazy-loaded the images. "
        + "Load time fell to 1.8 seconds and conversion rose by 4%.")
    let found = try #require(criterion(report))
    #expect(found.detected && found.score == 1)
    #expect(found.evidence.map(\.text) == ["6 seconds", "1.8 seconds", "4%"])
    #expect(found.feedback == "You measure what changed: “6 seconds”, “1.8 seconds” and “4%”.")
  }

  @Test func onlyTheScaleOfTheWorkIsPartial() throws {
    let report = try grade(
      "Last year I led a team of five engineers on a migration of 900 million rows. "
        + "We moved the data table by table and switched over on a Sunday.")
    let found = try #require(criterion(report))
    #expect(found.detected && found.score == 0.75)
    #expect(
      found.feedback
        == "You give the scale of the work (“five” and “900 million”) but not the outcome as a number: say how much "
        + "it changed — how much faster, cheaper or more reliable it got, or for how many people.")
  }

  @Test func aResultWithoutNumbersIsQuotedAndIncidentalNumbersNamed() throws {
    let report = try grade(
      "In 2019 our checkout page was slow on Python 3.11. I profiled it and lazy-loaded the images. As a result, the "
        + "page got much faster.")
    let found = try #require(criterion(report))
    #expect(!found.detected && found.score == 0)
    #expect(found.evidence.map(\.text) == ["As a result, the page got much faster."])
    #expect(
      found.feedback
        == "“2019” is a year and “3.11” is a version: they measure nothing you did. Nothing in your result (“As a "
        + "result, the page got much faster.”) is measured: say how much it changed — e.g. how much latency dropped, or "
        + "how many users, hours or dollars it touched.")
  }

  @Test func noStoryNoQuantification() throws {
    let found = try #require(
      criterion(try grade("AUC = 0.5 means random guessing and F1 = 2PR/(P+R) balances precision and recall.")))
    #expect(!found.detected)
    #expect(
      found.feedback
        == "“0.5” and “2” are parts of a formula: they measure nothing you did. Nothing in your answer is measured: say how much it changed — e.g. how much latency dropped, or how many users, hours or dollars it "
        + "touched.")
  }

  /// `behavioral` with one more `quantities` pack, `quantities.xx` (a `label` cue and `wording`), and the
  /// `missing` feedback of `quantification` replaced; graded on `text`.
  func gradeReworded(_ text: String, wording: String, missing: String) throws -> Report.Criterion? {
    let folder = try TemporaryDirectory()
    try folder.write(
      "packs/quantities.xx.yaml",
      """
      id: quantities.xx
      detector: quantities
      language: xx
      wording:
      \(wording)
      cues:
        - id: incidental.stufe
          signal: incidental.label
          value: bare
          phrases: ["=stufe #number"]
          match: ["⟦Stufe 3⟧ ist fertig."]
          no_match: ["Drei Stufen."]
      """)
    let file = try folder.write(
      "reworded.yaml",
      """
      id: reworded
      version: 1.0.0
      extends: behavioral
      packs: [quantities.xx]
      criteria:
        - id: quantification
          feedback:
            missing: "\(missing)"
      """)
    let rubric = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")])).load(file: file)
    let grader = try Grader(rubric: CompiledRubric(rubric))
    return criterion(try grader.grade(bytes: Array(text.utf8), source: "t").report)
  }

  static let german = """
      evidence: {result: "deinem Ergebnis ({evidence})", answer: deiner Antwort}
      and: " und "
      clause: {one: "{found} ist {value}", many: "{found} sind {value}"}
      note:
        one: "{found}: das misst nichts, was du getan hast. "
        many: "{found}: die messen nichts, was du getan hast. "
      reason:
        year: {one: ein Jahr, many: Jahre}
    """

  /// The last pack with `wording` says it, whole: `version` has nouns in `quantities.en` but not here, so
  /// “3.11” is left out rather than named in English.
  @Test func anotherPacksWordingChangesTheNote() throws {
    let found = try #require(
      try gradeReworded(
        "In 2019 our checkout page was slow on Python 3.11. I profiled it and lazy-loaded the images. As a result, "
          + "the page got much faster.",
        wording: Self.german, missing: "{value}In {evidence} steht keine Zahl."))
    #expect(
      found.feedback
        == "“2019” ist ein Jahr: das misst nichts, was du getan hast. In deinem Ergebnis (“As a result, the page got "
        + "much faster.”) steht keine Zahl.")
  }

  @Test func anotherPacksWordingForSeveralNumbers() throws {
    let found = try #require(
      try gradeReworded(
        "From 2019 to 2021 I kept our checkout page fast.", wording: Self.german,
        missing: "{value}In {evidence} steht keine Zahl."))
    #expect(
      found.feedback
        == "“2019” und “2021” sind Jahre: die messen nichts, was du getan hast. In deinem Ergebnis (“From 2019 to 2021 "
        + "I kept our checkout page fast.”) steht keine Zahl.")
  }

  /// No result section: `evidence.answer`. The formula's numbers have no nouns in the pack, so no note.
  @Test func anotherPacksWordingWithoutAResult() throws {
    let found = try #require(
      try gradeReworded(
        "AUC = 0.5 means random guessing.", wording: Self.german, missing: "{value}In {evidence} steht keine Zahl."))
    #expect(found.feedback == "In deiner Antwort steht keine Zahl.")
  }

  /// Without the templates there is no note, and without `evidence.result` the evidence is the result quoted.
  @Test func withoutTemplatesThereIsNoNote() throws {
    let found = try #require(
      try gradeReworded(
        "In 2019 our checkout page was slow on Python 3.11. I profiled it and lazy-loaded the images. As a result, "
          + "the page got much faster.",
        wording: "  reason.year: {one: ein Jahr, many: Jahre}", missing: "[{value}] {evidence}"))
    #expect(found.feedback == "[] “As a result, the page got much faster.”")
  }
}
