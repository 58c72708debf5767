import AnswerEvalText
import AnswerEvalXML
import Foundation

/// The XML form of reports: the content of the JSON report, written with libxml2 in the namespace
/// `urn:answer-eval:report:v1` and described by `Schemas/report-v1.xsd`.
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <report schema="answer-eval/report/v1" replaced-characters="2" xmlns="urn:answer-eval:report:v1">
///   <source path="&lt;stdin&gt;" characters="31" words="7" sentences="1" paragraphs="1"/>
///   <criteria/>
///   <sections/>
///   <quantities>
///     <quantity text="20%" value="20" unit="%" kind="percent" impact="true">
///       <span start="16" end="19" line="1" column="17">20%</span>
///     </quantity>
///   </quantities>
///   <feedback/>
/// </report>
/// ```
///
/// Lists are container elements even when empty; `rubric` and `score` are left out when absent, as in JSON.
/// Text goes in element content (span text, messages), names and numbers in attributes. Characters XML 1.0
/// forbids are replaced with U+FFFD, and `replaced-characters` on each `report` says how many were.
extension Report {
  /// The namespace of version 1 XML reports.
  public static let xmlNamespace = "urn:answer-eval:report:v1"

  /// A document holding one report as its root (`single`), or any number inside a `<reports>` root.
  static func xmlDocument(_ reports: [Report], single: Bool) throws -> [UInt8] {
    if single {
      precondition(reports.count == 1, "a single-report XML document holds exactly one report")
      return try XMLWriter.document(reports[0].xmlElement(namespace: xmlNamespace))
    }
    let root = XMLWriter.Element(
      "reports", namespace: xmlNamespace, children: reports.map { .element($0.xmlElement(namespace: nil)) })
    return try XMLWriter.document(root)
  }

  /// The `report` element; `namespace` is declared on it when it is the root.
  func xmlElement(namespace: String?) -> XMLWriter.Element {
    var children: [XMLWriter.Node] = [
      element(
        "source",
        [
          ("path", source.path), ("characters", "\(source.characters)"), ("words", "\(source.words)"),
          ("sentences", "\(source.sentences)"), ("paragraphs", "\(source.paragraphs)"),
        ])
    ]
    if let rubric { children.append(element("rubric", [("id", rubric.id), ("version", rubric.version)])) }
    if let score { children.append(element("score", [("total", xmlNumber(score.total)), ("level", score.level)])) }
    children.append(
      element(
        "criteria", [],
        criteria.map {
          element(
            "criterion",
            [
              ("id", $0.id), ("detected", "\($0.detected)"), ("score", xmlNumber($0.score)),
              ("weight", xmlNumber($0.weight)),
            ],
            [element("evidence", [], $0.evidence.map(spanElement)), element("feedback", [], [.text($0.feedback)])])
        }))
    children.append(
      element(
        "sections", [],
        sections.map {
          element(
            "section", [("label", $0.label.rawValue), ("confidence", xmlNumber($0.confidence))], [spanElement($0.span)])
        }))
    children.append(
      element(
        "quantities", [],
        quantities.map { quantity in
          // The optional fields, only when present (as in JSON).
          let optional: [(String, String?)] = [
            ("approximate", quantity.approximate.map { "\($0)" }), ("high", quantity.high.map(xmlNumber)),
            ("role", quantity.role), ("reason", quantity.reason),
          ]
          return element(
            "quantity",
            [
              ("text", quantity.text), ("value", xmlNumber(quantity.value)), ("unit", quantity.unit),
              ("kind", quantity.kind), ("impact", "\(quantity.impact)"),
            ] + optional.compactMap { name, value in value.map { (name, $0) } },
            [spanElement(quantity.span)])
        }))
    children.append(
      element(
        "feedback", [],
        feedback.map {
          element(
            "item", [("criterion", $0.criterion), ("severity", $0.severity.rawValue)],
            [element("message", [], [.text($0.message)])] + ($0.span.map { [spanElement($0)] } ?? []))
        }))
    var report = XMLWriter.Element("report", namespace: namespace, attributes: [.init("schema", schema)])
    report.children = children
    report.attributes.append(.init("replaced-characters", "\(report.forbiddenCharacterCount)"))
    return report
  }
}

extension XMLError: LocalizedError {
  public var errorDescription: String? { description }
}

private func element(
  _ name: String, _ attributes: [(String, String)], _ children: [XMLWriter.Node] = []
) -> XMLWriter.Node {
  .element(XMLWriter.Element(name, attributes: attributes.map { XMLWriter.Attribute($0.0, $0.1) }, children: children))
}

private func spanElement(_ span: Span) -> XMLWriter.Node {
  element(
    "span",
    [("start", "\(span.start)"), ("end", "\(span.end)"), ("line", "\(span.line)"), ("column", "\(span.column)")],
    [.text(span.text)])
}

/// A number in `xs:double` form: integral values without a fraction (`78`), others in Swift's shortest
/// round-trip form (`0.85`, `1e-05`).
func xmlNumber(_ value: Double) -> String {
  if value.isNaN { return "NaN" }
  if value.isInfinite { return value < 0 ? "-INF" : "INF" }
  if value == value.rounded(), abs(value) < 1e15 { return "\(Int64(value))" }
  return "\(value)"
}
