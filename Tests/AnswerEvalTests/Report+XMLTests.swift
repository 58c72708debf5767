import AnswerEval
import AnswerEvalXML
import Foundation
import TestSupport
import Testing

@Suite struct ReportXMLTests {
  private let schema: XMLSchema

  init() throws {
    schema = try XMLSchema(path: Repository.path("Schemas/report-v1.xsd"))
  }

  @Test func fullyPopulatedReportIsValid() throws {
    let xml = try ReportFormat.xml.render(try SyntheticReport.report())
    #expect(schema.validate(Array(xml.utf8)) == [])
  }

  @Test func statisticsOnlyReportIsValidAndLeavesOutRubricAndScore() throws {
    let graded = try Grader().grade(bytes: Array("We cut costs by 20%.".utf8), source: "a <b>.md")
    let xml = try ReportFormat.xml.render(Report(statisticsOf: graded.text))
    #expect(schema.validate(Array(xml.utf8)) == [])
    #expect(
      xml == """
        <?xml version="1.0" encoding="UTF-8"?>
        <report schema="answer-eval/report/v1" replaced-characters="0" xmlns="urn:answer-eval:report:v1">
          <source path="a &lt;b&gt;.md" characters="20" words="5" sentences="1" paragraphs="1"/>
          <criteria/>
          <sections/>
          <quantities/>
          <feedback/>
        </report>

        """)
  }

  @Test func everyFieldIsWritten() throws {
    let xml = try ReportFormat.xml.render(try SyntheticReport.report())
    for fragment in [
      "<rubric id=\"default\" version=\"1\"/>", "<score total=\"82.5\" level=\"strong\"/>",
      "<criterion id=\"star.action\" detected=\"true\" score=\"0.75\" weight=\"1.5\">",
      "<criterion id=\"pitfall.hedging\" detected=\"false\" score=\"1\" weight=\"0.5\">", "<evidence/>",
      "<feedback>Names both options and the cost accepted.</feedback>",
      "<section label=\"reflection\" confidence=\"0.6\">",
      "<quantity text=\"800ms\" value=\"800\" unit=\"ms\" kind=\"duration\" impact=\"true\" role=\"before\">",
      "<quantity text=\"30 seconds\" value=\"0\" unit=\"s\" kind=\"duration\" impact=\"true\" approximate=\"true\" high=\"30\">",
      "<quantity text=\"95\" value=\"95\" unit=\"\" kind=\"count\" impact=\"false\" reason=\"metric\">",
      "<item criterion=\"pitfall.too-short\" severity=\"warning\">",
      "<span start=\"0\" end=\"69\" line=\"1\" column=\"1\">Situation: Our checkout API at Café Nova timed out at peak load 👩🏽‍💻.</span>",
      "<span start=\"112\" end=\"229\" line=\"4\" column=\"1\">Action: I weighed caching against a read replica; I chose the cache\nat the cost",
    ] {
      #expect(xml.contains(fragment), "\(fragment)")
    }
  }

  @Test func forbiddenCharactersAreReplacedAndCountedOnTheRoot() throws {
    var report = try SyntheticReport.report()
    report.source.path = "a\u{0}.md"
    report.feedback[0].message = "cut by 20%\u{1}\u{2}"
    report.sections[0].span.text = "\u{1B}[31mred\u{1B}[0m\u{FFFF}"
    let xml = try ReportFormat.xml.render(report)
    #expect(schema.validate(Array(xml.utf8)) == [])
    #expect(xml.contains("replaced-characters=\"6\""))
    #expect(xml.contains("<message>cut by 20%\u{FFFD}\u{FFFD}</message>"))
    #expect(xml.contains("path=\"a\u{FFFD}.md\""))
    #expect(!xml.unicodeScalars.contains { !XMLCharacters.isAllowed($0) })
  }

  @Test func carriageReturnsSurviveAsCharacterReferences() throws {
    var report = try SyntheticReport.report()
    report.sections[0].span.text = "one\r\ntwo"
    report.quantities[0].text = "a\tb\nc"
    let xml = try ReportFormat.xml.render(report)
    #expect(xml.contains(">one&#13;\ntwo</span>"))
    #expect(xml.contains("text=\"a&#9;b&#10;c\""))
  }

  @Test func numbersUseTheShortestForm() throws {
    var report = try SyntheticReport.report()
    report.quantities[0].value = 0.000_01
    report.quantities[1].value = -3
    report.quantities[2].value = 2.5e20
    let xml = try ReportFormat.xml.render(report)
    #expect(xml.contains("value=\"1e-05\"") && xml.contains("value=\"-3\"") && xml.contains("value=\"2.5e+20\""))
    #expect(schema.validate(Array(xml.utf8)) == [])
  }

  @Test func schemaRejectsAnUnknownSectionLabel() throws {
    let xml = try ReportFormat.xml.render(try SyntheticReport.report())
      .replacingOccurrences(of: "label=\"task\"", with: "label=\"context\"")
    let issues = schema.validate(Array(xml.utf8))
    #expect(issues.count == 1)
    #expect(issues.first?.message.contains("'context' is not an element of the set") == true)
  }
}
