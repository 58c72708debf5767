import AnswerEvalXML
import Testing

@Suite struct XMLWriterTests {
  private func written(_ root: XMLWriter.Element, indent: Bool = true) throws -> String {
    String(decoding: try XMLWriter.document(root, indent: indent), as: UTF8.self)
  }

  @Test func emptyRootWithNamespace() throws {
    #expect(
      try written(XMLWriter.Element("report", namespace: "urn:example"))
        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\"urn:example\"/>\n")
  }

  /// libxml2 writes the namespace declaration after the other attributes.
  @Test func nestedElementsAreIndentedAndTextStaysInline() throws {
    let root = XMLWriter.Element(
      "a", namespace: "urn:example", attributes: [.init("n", "1")],
      children: [
        .element(XMLWriter.Element("b", children: [.element(XMLWriter.Element("c", children: [.text("x y")]))])),
        .element(XMLWriter.Element("d", attributes: [.init("k", "v")])),
      ])
    #expect(
      try written(root) == """
        <?xml version="1.0" encoding="UTF-8"?>
        <a n="1" xmlns="urn:example">
          <b>
            <c>x y</c>
          </b>
          <d k="v"/>
        </a>

        """)
  }

  @Test func withoutIndentation() throws {
    let root = XMLWriter.Element("a", children: [.element(XMLWriter.Element("b", children: [.text("t")]))])
    #expect(try written(root, indent: false) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b>t</b></a>\n")
  }

  @Test func markupCharactersAreEscaped() throws {
    let root = XMLWriter.Element(
      "a", attributes: [.init("q", "\"<&>'")], children: [.text("if a < b && c > d then \"ok\"")])
    #expect(
      try written(root, indent: false)
        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<a q=\"&quot;&lt;&amp;&gt;'\">if a &lt; b &amp;&amp; c &gt; d then &quot;ok&quot;</a>\n")
  }

  @Test func lineBreaksAndTabsSurviveInAttributesAndText() throws {
    let root = XMLWriter.Element("a", attributes: [.init("v", "1\n2\r\n3\t4")], children: [.text("x\r\ny\tz")])
    #expect(
      try written(root, indent: false)
        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"1&#10;2&#13;&#10;3&#9;4\">x&#13;\ny\tz</a>\n")
  }

  @Test func forbiddenCharactersAreReplacedAndCounted() throws {
    let root = XMLWriter.Element(
      "a", attributes: [.init("v", "\u{0}\u{1B}")], children: [.text("20%\u{1}\u{2} in Q3\u{FFFE}\u{FFFF}")])
    #expect(root.forbiddenCharacterCount == 6)
    #expect(
      try written(root, indent: false)
        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"\u{FFFD}\u{FFFD}\">20%\u{FFFD}\u{FFFD} in Q3\u{FFFD}\u{FFFD}</a>\n"
    )
  }

  @Test func multibyteTextIsWrittenAsUTF8() throws {
    let root = XMLWriter.Element("a", children: [.text("Ünïcödé 👩🏽‍💻 — 延迟")])
    #expect(try written(root, indent: false) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>Ünïcödé 👩🏽‍💻 — 延迟</a>\n")
  }

  @Test func invalidNameIsAThrownError() throws {
    #expect(throws: XMLError.self) { try XMLWriter.document(XMLWriter.Element("")) }
  }
}
