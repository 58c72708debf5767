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
