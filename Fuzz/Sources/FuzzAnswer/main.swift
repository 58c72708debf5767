import AnswerEval
import AnswerEvalText
import AnswerEvalXML
import Foundation

// libFuzzer target `answer`: any bytes, graded as an answer the way `answer-eval score` grades a file.
//
// bytes → decode → Markdown structure → normalize → tokenize → detect → report, then every output. An input
// may be refused only with a documented error (TextError other than an ICU failure, InputError, RubricError
// for a front-matter rubric that does not exist); anything else stops the fuzzer with the broken invariant:
//
// - every span of the report is `{start, end, line, column, text}` of the original text (Unicode scalars);
// - the JSON and JSON Lines reports decode back to the same report;
// - the XML report is well-formed and valid against Schemas/report-v1.xsd (libxml2, through AnswerEvalXML);
// - the text and Markdown reports, the token dump and the explanation render, with no escape character;
// - the HTML pages (one report, and several) are well-formed XML and carry no script.
//
// Invalid UTF-8 is graded again with `lossy`, so both decoder paths run. Front matter may name a rubric
// (`rubric: technical`), so every bundled rubric gets fuzzed answers. The source label (what `--stdin-name`
// sets) is made of the input's first bytes, so reports carry hostile paths too.

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let library = RubricLibrary(
  catalog: RubricCatalog(folders: [repository.appendingPathComponent("Rubrics").path]))
private nonisolated(unsafe) let grader = try! Grader(rubric: try! library.compiled(RubricLibrary.defaultName))
private nonisolated(unsafe) let schema = try! XMLSchema(
  path: repository.appendingPathComponent("Schemas/report-v1.xsd").path)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let graded = grade(bytes) else { return 0 }
  checkSpans(graded)
  checkOutputs(graded)
  return 0
}

/// The graded answer, or nil when it is refused with a documented error.
private func grade(_ bytes: [UInt8]) -> Grader.Graded? {
  let label = "fuzz " + String(decoding: bytes.prefix(6), as: UTF8.self)
  do {
    do {
      return try grader.grade(bytes: bytes, source: label, frontMatterRubrics: library)
    } catch TextError.invalidUTF8 {
      return try grader.grade(bytes: bytes, source: label, lossy: true, frontMatterRubrics: library)
    }
  } catch let error as TextError {
    if case .icu = error { fatalError("ICU failed: \(error.localizedDescription)") }
  } catch is InputError {
  } catch is RubricError {
  } catch {
    fatalError("undocumented error: \(error)")
  }
  return nil
}

/// Every span points into the original text: its offsets, its line and column, and its text.
private func checkSpans(_ graded: Grader.Graded) {
  let report = graded.report
  let scalars = Array(graded.text.text.unicodeScalars)
  guard report.source.characters == scalars.count else {
    fatalError("source.characters \(report.source.characters), but the text has \(scalars.count) scalars")
  }
  var lineStarts = [0]
  for (i, scalar) in scalars.enumerated() {
    if scalar == "\n" || (scalar == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n")) {
      lineStarts.append(i + 1)
    }
  }
  let spans =
    report.criteria.flatMap(\.evidence) + report.sections.map(\.span) + report.quantities.map(\.span)
    + report.feedback.compactMap(\.span)
  for span in spans {
    guard 0 <= span.start, span.start <= span.end, span.end <= scalars.count else {
      fatalError("span \(span) is outside the text of \(scalars.count) scalars")
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars[span.start..<span.end])
    guard String(text) == span.text else { fatalError("span \(span) has the text \(String(reflecting: String(text)))") }
    let line = lineStarts.lastIndex { $0 <= span.start }!
    guard span.line == line + 1, span.column == span.start - lineStarts[line] + 1 else {
      fatalError("span \(span) is at \(line + 1):\(span.start - lineStarts[line] + 1)")
    }
  }
}

/// Every format renders; JSON decodes back to the same report; XML is valid; text has no escape character.
private func checkOutputs(_ graded: Grader.Graded) {
  let report = graded.report
  do {
    for format in [ReportFormat.json, .jsonl] {
      let rendered = try format.render(report)
      let decoded = try JSONDecoder().decode(Report.self, from: Data(rendered.utf8))
      guard decoded == report else { fatalError("\(format) does not decode back to the report:\n\(rendered)") }
    }
    for xml in [try ReportFormat.xml.render(report), try ReportFormat.xml.render([report, report])] {
      let issues = schema.validate(Array(xml.utf8))
      guard issues.isEmpty else { fatalError("invalid XML report: \(issues)\n\(xml)") }
    }
    let options = ReportFormat.Options(color: false, width: 40 + report.source.characters % 80)
    for format in [ReportFormat.text, .markdown] {
      let rendered = try format.render(report, answer: graded.text, options: options)
      guard !rendered.unicodeScalars.contains("\u{1B}") else {
        fatalError("\(format) report has an escape:\n\(rendered)")
      }
    }
    let pages = [
      try ReportFormat.html.render(report, answer: graded.text, options: options),
      try ReportFormat.html.render([report, report], answers: [graded.text, graded.text], options: options),
    ]
    for page in pages {
      let issues = XMLWellFormedness.issues(in: Array(page.utf8))
      guard issues.isEmpty else { fatalError("an HTML page is not well-formed XML: \(issues)\n\(page)") }
      guard !page.contains("<script") else { fatalError("an HTML page has a script:\n\(page)") }
    }
    let dump = TextDump(graded.text)
    _ = try ReportFormat.encoder(pretty: true).encode(dump)
    _ = dump.listing
    _ = AnswerContext(text: graded.text, rubric: graded.rubric).explanation()
  } catch {
    fatalError("rendering failed: \(error)")
  }
}
