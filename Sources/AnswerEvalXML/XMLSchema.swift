internal import CLibXML2

/// An XSD schema loaded with libxml2, to validate documents against.
///
/// ```swift
/// let schema = try XMLSchema(path: "Schemas/report-v1.xsd")
/// schema.validate(Array("<report/>".utf8))
/// // [XMLIssue(line: 1, message: "Element 'report': No matching global declaration available for the validation root.")]
/// ```
///
/// A schema can validate many documents; each call uses its own libxml2 validation context.
public final class XMLSchema {
  private let schema: xmlSchemaPtr

  /// Loads the schema at `path` (an XSD file; its includes are resolved from there, never the network).
  /// - Throws: ``XMLError/schema(path:issues:)`` when the file cannot be read or is not a valid XSD.
  public init(path: String) throws(XMLError) {
    LibXML2.initialize()
    guard let parser = xmlSchemaNewParserCtxt(path) else { throw XMLError.schema(path: path, issues: []) }
    defer { xmlSchemaFreeParserCtxt(parser) }
    let collector = IssueCollector()
    let parsed = withExtendedLifetime(collector) {
      xmlSchemaSetParserStructuredErrors(parser, { IssueCollector.record($0, $1?.pointee) }, collector.pointer)
      return xmlSchemaParse(parser)
    }
    guard let parsed else { throw XMLError.schema(path: path, issues: collector.issues) }
    schema = parsed
  }

  deinit { xmlSchemaFree(schema) }

  /// The problems of `document` (UTF-8 bytes): its well-formedness error, or every way it breaks the schema,
  /// in document order. Empty when the document is valid.
  public func validate(_ document: [UInt8]) -> [XMLIssue] {
    let doc: xmlDocPtr
    switch parseDocument(document) {
    case .success(let parsed): doc = parsed
    case .failure(let problem): return [problem.issue]
    }
    defer { xmlFreeDoc(doc) }
    guard let validator = xmlSchemaNewValidCtxt(schema) else { return [XMLIssue(line: 0, message: "out of memory")] }
    defer { xmlSchemaFreeValidCtxt(validator) }
    let collector = IssueCollector()
    let status = withExtendedLifetime(collector) {
      xmlSchemaSetValidStructuredErrors(validator, { IssueCollector.record($0, $1?.pointee) }, collector.pointer)
      return xmlSchemaValidateDoc(validator, doc)
    }
    if status != 0 && collector.issues.isEmpty {
      return [XMLIssue(line: 0, message: "libxml2 could not validate the document (status \(status))")]
    }
    return collector.issues
  }
}

/// Collects the issues libxml2 reports through a structured-error callback.
///
/// The callbacks are closure literals (`{ IssueCollector.record($0, $1?.pointee) }`) so they fit both
/// libxml2's older `xmlErrorPtr` and its newer `const xmlError *` signatures.
private final class IssueCollector {
  var issues: [XMLIssue] = []

  /// The user data to register with the callback; valid while the collector is alive.
  var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  /// The callback's body: `userData` is an unretained collector.
  static func record(_ userData: UnsafeMutableRawPointer?, _ error: xmlError?) {
    guard let userData, let error else { return }
    Unmanaged<IssueCollector>.fromOpaque(userData).takeUnretainedValue().issues.append(issue(error))
  }
}

/// A libxml2 error as an ``XMLIssue``, its message trimmed of the trailing newline.
func issue(_ error: xmlError) -> XMLIssue {
  var message = error.message.map { String(cString: $0) } ?? "unknown error (code \(error.code))"
  while message.last == "\n" || message.last == " " { message.removeLast() }
  return XMLIssue(line: Int(error.line), message: message)
}
