internal import CLibXML2

/// Writes XML documents with libxml2's `xmlTextWriter`, to memory.
///
/// Build the document as a small tree of ``Element``s, then write it. Attribute values and text are
/// escaped by libxml2 (`&`, `<`, `>`, quotes, and line breaks and tabs inside attributes as character
/// references), and characters XML 1.0 forbids are replaced with U+FFFD (see ``XMLCharacters``), so the
/// output is well-formed whatever the strings hold.
///
/// ```swift
/// let root = XMLWriter.Element(
///   "note", namespace: "urn:example", attributes: [.init("lang", "en")], children: [.text("a < b\u{1}")])
/// String(decoding: try XMLWriter.document(root), as: UTF8.self)
/// // <?xml version="1.0" encoding="UTF-8"?>
/// // <note xmlns="urn:example" lang="en">a &lt; b�</note>
/// ```
public enum XMLWriter {
  /// One attribute: a name and its (unescaped) value.
  public struct Attribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// An element's content: a child element or (unescaped) text.
  public enum Node: Sendable, Equatable {
    case element(Element)
    case text(String)
  }

  /// An element: its name, an optional default namespace declared on it, attributes in the order they are
  /// written, and children.
  public struct Element: Sendable, Equatable {
    public var name: String
    /// Written as `xmlns="…"` on this element; its descendants inherit it.
    public var namespace: String?
    public var attributes: [Attribute]
    public var children: [Node]

    public init(_ name: String, namespace: String? = nil, attributes: [Attribute] = [], children: [Node] = []) {
      self.name = name
      self.namespace = namespace
      self.attributes = attributes
      self.children = children
    }

    /// How many characters of this element's attribute values and text, and its descendants', XML 1.0
    /// forbids: the number the writer will replace with U+FFFD.
    public var forbiddenCharacterCount: Int {
      attributes.reduce(0) { $0 + XMLCharacters.forbiddenCount(in: $1.value) }
        + children.reduce(0) {
          switch $1 {
          case .element(let element): return $0 + element.forbiddenCharacterCount
          case .text(let text): return $0 + XMLCharacters.forbiddenCount(in: text)
          }
        }
    }
  }

  /// The UTF-8 bytes of a document whose root is `root`, with an XML declaration and a final newline.
  ///
  /// - Parameter indent: indent nested elements by two spaces (elements holding text stay on one line).
  /// - Throws: ``XMLError/write(operation:)`` when a libxml2 call fails.
  public static func document(_ root: Element, indent: Bool = true) throws(XMLError) -> [UInt8] {
    LibXML2.initialize()
    guard let buffer = xmlBufferCreate() else { throw XMLError.write(operation: "create a buffer") }
    defer { xmlBufferFree(buffer) }
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
      throw XMLError.write(operation: "create a writer")
    }
    var writerFreed = false
    defer { if !writerFreed { xmlFreeTextWriter(writer) } }
    if indent {
      try check(xmlTextWriterSetIndent(writer, 1), "set indentation")
      try check(withXMLString("  ") { xmlTextWriterSetIndentString(writer, $0) }, "set the indent string")
    }
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    try write(root, to: writer)
    try check(xmlTextWriterEndDocument(writer), "end the document")
    // Freeing the writer flushes its output into the buffer.
    xmlFreeTextWriter(writer)
    writerFreed = true
    guard let content = xmlBufferContent(buffer) else { return [] }
    return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
  }

  private static func write(_ element: Element, to writer: xmlTextWriterPtr) throws(XMLError) {
    let started = withXMLString(element.name) { name in
      guard let namespace = element.namespace else { return xmlTextWriterStartElement(writer, name) }
      return withXMLString(namespace) { xmlTextWriterStartElementNS(writer, nil, name, $0) }
    }
    try check(started, "start element <\(element.name)>")
    for attribute in element.attributes {
      let value = XMLCharacters.replacingForbidden(in: attribute.value).text
      let written = withXMLString(attribute.name) { name in
        withXMLString(value) { xmlTextWriterWriteAttribute(writer, name, $0) }
      }
      try check(written, "write attribute \(attribute.name) of <\(element.name)>")
    }
    for child in element.children {
      switch child {
      case .element(let child): try write(child, to: writer)
      case .text(let text):
        let safe = XMLCharacters.replacingForbidden(in: text).text
        try check(withXMLString(safe) { xmlTextWriterWriteString(writer, $0) }, "write text in <\(element.name)>")
      }
    }
    try check(xmlTextWriterEndElement(writer), "end element <\(element.name)>")
  }

  private static func check(_ status: Int32, _ operation: String) throws(XMLError) {
    if status < 0 { throw XMLError.write(operation: operation) }
  }
}

/// Passes `string` to `body` as a NUL-terminated `xmlChar` (UTF-8) string.
func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
  var utf8 = Array(string.utf8)
  utf8.append(0)
  return utf8.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// libxml2's one-time initialization, done before first use from any thread.
///
/// The XSD built-in types are set up here too: libxml2 (2.9) does that on the first schema parse behind a
/// plain flag, so two schemas parsed at once on two threads both built them and one set leaked (seen by
/// LeakSanitizer when schema tests ran in parallel).
enum LibXML2 {
  private static let initialized: Bool = {
    xmlInitParser()
    xmlSchemaInitTypes()
    return true
  }()

  static func initialize() { precondition(initialized, "libxml2 initialization") }
}
