import AnswerEval
import AnswerEvalText
import TestSupport
import Testing

/// The bundled rubrics, found through the repository (not the working directory).
let bundledLibrary = RubricLibrary(catalog: RubricCatalog(folders: [Repository.path("Rubrics")]))

func behavioral() throws -> CompiledRubric { try bundledLibrary.compiled("behavioral") }

/// Grades `text` with the bundled behavioral rubric.
func grade(_ text: String) throws -> Report {
  let grader = try Grader(rubric: try behavioral())
  return try grader.grade(bytes: Array(text.utf8), source: "t").report
}

/// (label, section text) of a report's sections.
func sections(_ report: Report) -> [String] { report.sections.map { "\($0.label.rawValue): \($0.span.text)" } }

/// Grades `text` with the bundled rubric `name`.
func grade(_ text: String, rubric name: String) throws -> Report {
  let grader = try Grader(rubric: try bundledLibrary.compiled(name))
  return try grader.grade(bytes: Array(text.utf8), source: "t").report
}

/// The report's criterion `id`.
func criterion(_ id: String, in report: Report) throws -> Report.Criterion {
  try #require(report.criteria.first { $0.id == id })
}

/// Grades `text` with `behavioral` extended by one more pack of `detector`, `<detector>.xx`, whose
/// `wording:` is `wording` (YAML indented by two) and whose one cue (signal `signal`) matches no English,
/// with the `partial` feedback of criterion `id` replaced by `partial`; the report's criterion `id`.
func gradeReworded(
  _ text: String, detector: String, signal: String, wording: String, id: String, partial: String
) throws -> Report.Criterion {
  let folder = try TemporaryDirectory()
  try folder.write(
    "packs/\(detector).xx.yaml",
    """
    id: \(detector).xx
    detector: \(detector)
    language: xx
    wording:
    \(wording)
    cues:
      - id: nothing-in-english
        signal: \(signal)
        phrases: ["=ich =wählte"]
    """)
  let file = try folder.write(
    "reworded.yaml",
    """
    id: reworded
    version: 1.0.0
    extends: behavioral
    packs: [\(detector).xx]
    criteria:
      - id: \(id)
        feedback:
          partial: "\(partial)"
    """)
  let rubric = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")])).load(file: file)
  let grader = try Grader(rubric: CompiledRubric(rubric))
  return try criterion(id, in: try grader.grade(bytes: Array(text.utf8), source: "t").report)
}
