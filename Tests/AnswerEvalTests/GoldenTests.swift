import AnswerEval
import AnswerEvalText
import AnswerEvalXML
import Foundation
import TestSupport
import Testing

/// Every answer in `Fixtures/answers/`, and the synthetic report, rendered in every format and compared
/// byte for byte with `Fixtures/golden/NAME.{json,xml,txt,md,html}`.
///
/// After an intended change, regenerate the golden files and review the diff:
///
///     ANSWER_EVAL_REGENERATE_GOLDENS=1 swift test --filter GoldenTests
@Suite struct GoldenTests {
  /// The formats with golden files, and how they are rendered (text and Markdown at 80 columns, no colour).
  static let formats: [ReportFormat] = [.json, .xml, .text, .markdown, .html]
  static let options = ReportFormat.Options(color: false, width: 80)

  static let regenerating = ProcessInfo.processInfo.environment["ANSWER_EVAL_REGENERATE_GOLDENS"] == "1"

  /// The answer fixtures, by file name.
  static let answers: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.path("Fixtures/answers"))) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }()

  /// The golden file for a fixture name and a format.
  private func goldenPath(_ name: String, _ format: ReportFormat) -> String {
    Repository.path("Fixtures/golden/\(name).\(format.fileExtension)")
  }

  /// Compares `rendered` with its golden file, or writes it when regenerating.
  private func check(_ rendered: String, name: String, format: ReportFormat) throws {
    let path = goldenPath(name, format)
    if Self.regenerating {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(rendered.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    let golden = try #require(FileManager.default.contents(atPath: path), "missing \(path); regenerate the goldens")
    guard Array(rendered.utf8) != Array(golden) else { return }
    let expected = String(decoding: golden, as: UTF8.self).components(separatedBy: "\n")
    let actual = rendered.components(separatedBy: "\n")
    let common = min(expected.count, actual.count)
    let line = (0..<common).first { expected[$0] != actual[$0] } ?? common
    let show = { (lines: [String]) in line < lines.count ? lines[line].debugDescription : "(end of file)" }
    Issue.record(
      """
      \(path):\(line + 1) differs from the rendered report
        golden:   \(show(expected))
        rendered: \(show(actual))
      If the change is intended: ANSWER_EVAL_REGENERATE_GOLDENS=1 swift test --filter GoldenTests
      """)
  }

  @Test func thereAreAnswerFixtures() {
    #expect(Self.answers.count >= 5)
  }

  @Test(arguments: answers) func answer(_ file: String) throws {
    let relative = "Fixtures/answers/\(file)"
    let bytes = Array(try Data(contentsOf: Repository.url(relative)))
    let graded = try Grader().grade(bytes: bytes, source: relative)
    let name = (file as NSString).deletingPathExtension
    for format in Self.formats {
      try check(format.render(graded.report, answer: graded.text, options: Self.options), name: name, format: format)
    }
  }

  @Test func syntheticReport() throws {
    let report = try SyntheticReport.report(), answer = try SyntheticReport.answer()
    for format in Self.formats {
      try check(format.render(report, answer: answer, options: Self.options), name: "synthetic", format: format)
    }
  }

  /// Every golden XML report is valid against `Schemas/report-v1.xsd` (libxml2's validator).
  @Test(.disabled(if: regenerating, "the golden files are being rewritten")) func goldenXMLIsValid() throws {
    let schema = try XMLSchema(path: Repository.path("Schemas/report-v1.xsd"))
    let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Fixtures/golden"))
      .filter { $0.hasSuffix(".xml") }.sorted()
    #expect(names.count == Self.answers.count + 1)
    for name in names {
      let bytes = Array(try Data(contentsOf: Repository.url("Fixtures/golden/\(name)")))
      #expect(schema.validate(bytes) == [], "Fixtures/golden/\(name)")
    }
  }

  /// Every golden HTML page is well-formed (as XML, which the pages also are: libxml2's parser).
  @Test(.disabled(if: regenerating, "the golden files are being rewritten")) func goldenHTMLIsWellFormed() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Fixtures/golden"))
      .filter { $0.hasSuffix(".html") }.sorted()
    #expect(names.count == Self.answers.count + 1)
    for name in names {
      let bytes = Array(try Data(contentsOf: Repository.url("Fixtures/golden/\(name)")))
      #expect(XMLWellFormedness.issues(in: bytes) == [], "Fixtures/golden/\(name)")
    }
  }

  /// No golden text, Markdown or HTML report holds an escape sequence or another raw control character.
  @Test(.disabled(if: regenerating, "the golden files are being rewritten"))
  func goldenReadableReportsHaveNoControlCharacters() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Fixtures/golden"))
      .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") || $0.hasSuffix(".html") }
    for name in names {
      let text = String(decoding: try Data(contentsOf: Repository.url("Fixtures/golden/\(name)")), as: UTF8.self)
      let controls = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) }
      #expect(controls.isEmpty, "Fixtures/golden/\(name)")
    }
  }
}
