internal import CLibXML2

/// Whether a document is well-formed XML, checked by libxml2's parser (no network, no external entities).
///
/// The HTML pages answer-eval writes are also well-formed XML, so this checks that every element is closed,
/// every attribute quoted and every character reference valid — what a browser would silently repair.
///
/// ```swift
/// XMLWellFormedness.issues(in: Array("<p>a &amp; b</p>".utf8))   // []
/// XMLWellFormedness.issues(in: Array("<p>a & b</p>".utf8))
/// // [XMLIssue(line: 1, message: "xmlParseEntityRef: no name")]
/// ```
public enum XMLWellFormedness {
  /// The first well-formedness error of `document` (UTF-8 bytes), or nothing when it is well-formed.
  public static func issues(in document: [UInt8]) -> [XMLIssue] {
    LibXML2.initialize()
    guard let parser = xmlNewParserCtxt() else { return [XMLIssue(line: 0, message: "out of memory")] }
    defer { xmlFreeParserCtxt(parser) }
    let options =
      Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue)
      | Int32(bitPattern: XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)
    let parsed = document.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        xmlCtxtReadMemory(parser, $0.baseAddress, Int32($0.count), "document.xml", "UTF-8", options)
      }
    }
    guard let doc = parsed else {
      guard let error = xmlCtxtGetLastError(parser) else { return [XMLIssue(line: 0, message: "not XML")] }
      return [issue(error.pointee)]
    }
    xmlFreeDoc(doc)
    return []
  }
}
