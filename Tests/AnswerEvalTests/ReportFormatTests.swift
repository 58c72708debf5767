import AnswerEval
import AnswerEvalXML
import Foundation
import TestSupport
import Testing

@Suite struct ReportFormatTests {
  @Test func fileExtensions() {
    #expect(ReportFormat.allCases.map(\.fileExtension) == ["json", "jsonl", "xml", "txt", "md", "html"])
  }

  @Test func everyFormatEndsWithANewline() throws {
    let report = try SyntheticReport.report()
    for format in ReportFormat.allCases {
      #expect(try format.render(report).hasSuffix("\n"), "\(format)")
    }
  }

  @Test func jsonlIsOneCompactLine() throws {
    let rendered = try ReportFormat.jsonl.render(try SyntheticReport.report())
    #expect(rendered.split(separator: "\n").count == 1)
    #expect(rendered.hasPrefix("{\"criteria\":[{\"detected\":true,"))
  }

  @Test func jsonRoundTrips() throws {
    let report = try SyntheticReport.report()
    #expect(try JSONDecoder().decode(Report.self, from: Data(ReportFormat.json.render(report).utf8)) == report)
  }

  @Test func severalReportsJSON() throws {
    let report = try SyntheticReport.report()
    let decoded = try JSONDecoder().decode([Report].self, from: Data(ReportFormat.json.render([report, report]).utf8))
    #expect(decoded == [report, report])
    #expect(try ReportFormat.jsonl.render([report, report]).split(separator: "\n").count == 2)
  }

  @Test func severalReportsXMLShareOneValidDocument() throws {
    let report = try SyntheticReport.report()
    let xml = try ReportFormat.xml.render([report, report])
    #expect(
      xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reports xmlns=\"urn:answer-eval:report:v1\">\n"))
    #expect(xml.components(separatedBy: "<report schema=").count == 3)
    let schema = try XMLSchema(path: Repository.path("Schemas/report-v1.xsd"))
    #expect(schema.validate(Array(xml.utf8)) == [])
    #expect(schema.validate(Array(try ReportFormat.xml.render([Report]()).utf8)) == [])
  }

  @Test func severalReportsAsBytes() throws {
    let report = try SyntheticReport.report(), answer = try SyntheticReport.answer()
    let line = try ReportFormat.jsonl.renderBytes(report)
    #expect(try ReportFormat.jsonl.renderBytes([report, report]) == line + line)
    let json = try ReportFormat.json.renderBytes([report, report])
    #expect(json.last == 0x0A)
    #expect(try JSONDecoder().decode([Report].self, from: Data(json)) == [report, report])
    let xml = try ReportFormat.xml.renderBytes([report, report])
    #expect(String(decoding: xml, as: UTF8.self).components(separatedBy: "<report schema=").count == 3)
    #expect(try XMLSchema(path: Repository.path("Schemas/report-v1.xsd")).validate(xml) == [])
    for format in [ReportFormat.text, .markdown, .html] {
      let bytes = try format.renderBytes([report, report], answers: [answer, answer])
      #expect(bytes == Array(try format.render([report, report], answers: [answer, answer]).utf8), "\(format)")
    }
  }

  @Test func severalReadableReportsAreSeparatedByABlankLine() throws {
    let report = try SyntheticReport.report(), answer = try SyntheticReport.answer()
    for format in [ReportFormat.text, .markdown] {
      let one = try format.render(report, answer: answer)
      #expect(try format.render([report, report], answers: [answer, answer]) == one + "\n" + one)
      #expect(try format.render([report, report]) == (try format.render(report)) + "\n" + format.render(report))
    }
  }

  @Test func optionsDefaults() {
    #expect(ReportFormat.Options() == ReportFormat.Options(color: false, width: 80))
  }
}
