import AnswerEvalXML
import TestSupport
import Testing

@Suite struct XMLSchemaTests {
  private let schema: XMLSchema

  init() throws {
    schema = try XMLSchema(path: Repository.path("Fixtures/xml/note.xsd"))
  }

  private func issues(_ document: String) -> [XMLIssue] { schema.validate(Array(document.utf8)) }

  @Test func validDocumentHasNoIssues() {
    #expect(issues("<note xmlns=\"urn:example\">\n  <line number=\"1\">hi</line>\n</note>\n") == [])
  }

  @Test func writtenDocumentValidates() throws {
    let root = XMLWriter.Element(
      "note", namespace: "urn:example",
      children: [.element(XMLWriter.Element("line", attributes: [.init("number", "1")], children: [.text("a\u{1}")]))])
    #expect(schema.validate(try XMLWriter.document(root)) == [])
  }

  @Test func schemaViolationsNameTheirLines() {
    #expect(
      issues("<note xmlns=\"urn:example\">\n  <line>a</line>\n  <line number=\"0\">b</line>\n</note>\n") == [
        XMLIssue(
          line: 2,
          message: "Element '{urn:example}line': The attribute 'number' is required but missing."),
        XMLIssue(
          line: 3,
          message: "Element '{urn:example}line', attribute 'number': '0' is not a valid value of the atomic type "
            + "'xs:positiveInteger'."),
      ])
  }

  @Test func wrongRootElement() {
    #expect(
      issues("<other/>") == [
        XMLIssue(line: 1, message: "Element 'other': No matching global declaration available for the validation root.")
      ])
  }

  @Test func malformedDocumentReportsItsFirstError() {
    #expect(issues("<note xmlns=\"urn:example\">\n  <line number=\"1\">\u{1}</line>\n</note>\n").map(\.line) == [2])
    #expect(issues("").count == 1)
  }

  @Test func brokenSchemaIsAThrownErrorNamingItsLine() {
    let path = Repository.path("Fixtures/xml/broken.xsd")
    #expect(throws: XMLError.self) { try XMLSchema(path: path) }
    do {
      _ = try XMLSchema(path: path)
    } catch {
      #expect(
        error.description.hasPrefix("\(path):3: error: [xml.schema] not a usable XML schema: element decl. 'x', "))
    }
  }

  @Test func missingSchemaIsAThrownError() {
    #expect(throws: XMLError.self) { try XMLSchema(path: Repository.path("Fixtures/xml/missing.xsd")) }
  }
}
