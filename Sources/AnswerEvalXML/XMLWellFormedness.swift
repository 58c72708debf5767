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
    switch parseDocument(document) {
    case .success(let doc):
      xmlFreeDoc(doc)
      return []
    case .failure(let problem): return [problem.issue]
    }
  }
}

/// Why a document could not be parsed (an `Error` so that it fits `Result`).
struct ParseFailure: Error {
  var issue: XMLIssue
}

/// `document` (UTF-8 bytes) parsed by libxml2 without network access or messages on standard error; the
/// caller frees the document (`xmlFreeDoc`). Failure: the first well-formedness error.
func parseDocument(_ document: [UInt8]) -> Result<xmlDocPtr, ParseFailure> {
  LibXML2.initialize()
  guard let parser = xmlNewParserCtxt() else {
    return .failure(ParseFailure(issue: XMLIssue(line: 0, message: "out of memory")))
  }
  defer { xmlFreeParserCtxt(parser) }
  let options =
    Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue)
    | Int32(bitPattern: XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)
  let parsed = document.withUnsafeBufferPointer { bytes in
    bytes.withMemoryRebound(to: CChar.self) {
      xmlCtxtReadMemory(parser, $0.baseAddress, Int32($0.count), "document.xml", "UTF-8", options)
    }
  }
  if let parsed { return .success(parsed) }
  guard let error = xmlCtxtGetLastError(parser) else {
    return .failure(ParseFailure(issue: XMLIssue(line: 0, message: "not XML")))
  }
  return .failure(ParseFailure(issue: issue(error.pointee)))
}
