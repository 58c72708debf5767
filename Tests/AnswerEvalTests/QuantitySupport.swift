import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

/// The quantities of `text` graded with the bundled behavioral rubric, each as one line:
/// `text @start-end kind value [unit] […high] [role] [~] impact|(reason)`, offsets in Unicode scalars less
/// `shift` (so a text behind a prefix reads the same).
func quantityLines(_ text: String, shift: Int = 0) throws -> [String] {
  let analyzed = try TextAnalyzer().analyze(text, source: "t")
  let context = AnswerContext(text: analyzed, rubric: try behavioral())
  return context.quantities.map { quantity in
    let reported = Report.Quantity(quantity, in: analyzed)
    var line = "\(reported.text) @\(reported.span.start - shift)-\(reported.span.end - shift) \(reported.kind) "
    line += number(reported.value)
    if !reported.unit.isEmpty { line += " \(reported.unit)" }
    if let high = reported.high { line += "…\(number(high))" }
    if let role = reported.role { line += " \(role)" }
    if reported.approximate == true { line += " ~" }
    line += reported.impact ? " impact" : " (\(reported.reason ?? "?"))"
    return line
  }
}

/// The quantity lines of `text`, checked to be the same behind ``multibytePrefix`` (offsets shifted by
/// exactly its length).
func quantityLinesBothWays(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
  let plain = try quantityLines(text)
  let shifted = try quantityLines(multibytePrefix + text, shift: multibytePrefix.unicodeScalars.count)
  #expect(plain == shifted, "behind a multibyte prefix", sourceLocation: sourceLocation)
  return plain
}

/// Twelve significant digits, as `%.12g` writes them ("0.666666666667", "1e-10", "2500000").
private func number(_ value: Double) -> String { String(format: "%.12g", value) }
