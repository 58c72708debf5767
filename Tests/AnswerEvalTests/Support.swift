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

/// German punctuation, as the `wording:` of a `grammar` pack (YAML indented by two), for ``gradeReworded``.
let germanPunctuation = """
    list: {separator: ", ", last: " und "}
    quote: "„{text}“"
  """

/// Grades `text` with `behavioral` extended by one more pack of `detector`, `<detector>.xx`, whose
/// `wording:` is `wording` (YAML indented by two) and whose one cue (signal `signal`) matches no English,
/// and, given `grammar`, by a `grammar.xx` pack whose `wording:` (the feedback's punctuation) is `grammar`;
/// with the `partial` (and, given, the `present`) feedback of criterion `id` replaced; the report's
/// criterion `id`.
func gradeReworded(
  _ text: String, detector: String, signal: String, wording: String, grammar: String? = nil, id: String,
  partial: String, present: String? = nil
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
  if let grammar {
    try folder.write(
      "packs/grammar.xx.yaml",
      """
      id: grammar.xx
      detector: grammar
      language: xx
      wording:
      \(grammar)
      cues:
        - id: nothing-in-english
          signal: first-singular
          phrases: ["=ich"]
      """)
  }
  var feedback = "partial: \"\(partial)\""
  if let present { feedback += ", present: \"\(present)\"" }
  let file = try folder.write(
    "reworded.yaml",
    """
    id: reworded
    version: 1.0.0
    extends: behavioral
    packs: [\(detector).xx\(grammar == nil ? "" : ", grammar.xx")]
    criteria:
      - id: \(id)
        feedback: {\(feedback)}
    """)
  let rubric = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")])).load(file: file)
  let grader = try Grader(rubric: CompiledRubric(rubric))
  return try criterion(id, in: try grader.grade(bytes: Array(text.utf8), source: "t").report)
}
