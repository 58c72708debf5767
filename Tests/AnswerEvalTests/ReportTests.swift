import AnswerEval
import Foundation
import TestSupport
import Testing

/// The JSON report against its schema, `Schemas/report-v1.schema.json`: every key a report encodes is
/// described there, and everything described there is a key a report can encode.
@Suite struct ReportTests {
  private let schema: [String: Any]

  init() throws {
    let data = try Data(contentsOf: Repository.url("Schemas/report-v1.schema.json"))
    schema = try JSONSerialization.jsonObject(with: data) as! [String: Any]
  }

  /// The JSON value of `report` as the CLI writes it.
  private func json(_ report: Report) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8))
  }

  /// The schema node a `$ref` names (`#/$defs/span`), or the node itself.
  private func resolved(_ node: [String: Any]) -> [String: Any] {
    guard let ref = node["$ref"] as? String else { return node }
    precondition(ref.hasPrefix("#/$defs/"), "only local $defs references")
    return (schema["$defs"] as! [String: Any])[String(ref.dropFirst("#/$defs/".count))] as! [String: Any]
  }

  /// Walks `value` with the schema `node`; returns the keys the schema does not describe (as paths) and
  /// records every described property it met in `seen` (as `definition.property`).
  private func undescribed(
    _ value: Any, _ node: [String: Any], at path: String, definition: String, seen: inout Set<String>
  ) -> [String] {
    let target = resolved(node)
    let name = (node["$ref"] as? String).map { String($0.split(separator: "/").last!) } ?? definition
    if let object = value as? [String: Any] {
      let properties = target["properties"] as? [String: Any] ?? [:]
      var missing: [String] = []
      for (key, child) in object.sorted(by: { $0.key < $1.key }) {
        guard let property = properties[key] as? [String: Any] else {
          missing.append("\(path).\(key)")
          continue
        }
        seen.insert("\(name).\(key)")
        missing += undescribed(child, property, at: "\(path).\(key)", definition: "\(name).\(key)", seen: &seen)
      }
      return missing
    }
    if let array = value as? [Any], let items = target["items"] as? [String: Any] {
      return array.enumerated().flatMap {
        undescribed($0.element, items, at: "\(path)[\($0.offset)]", definition: name, seen: &seen)
      }
    }
    return []
  }

  /// Every `definition.property` the schema describes.
  private var describedProperties: Set<String> {
    var all: Set<String> = []
    for key in (schema["properties"] as! [String: Any]).keys { all.insert("report.\(key)") }
    for (name, definition) in schema["$defs"] as! [String: Any] {
      for key in ((definition as! [String: Any])["properties"] as? [String: Any] ?? [:]).keys {
        all.insert("\(name).\(key)")
      }
    }
    return all
  }

  @Test func everyKeyOfAFullyPopulatedReportIsDescribed() throws {
    var seen: Set<String> = []
    let missing = undescribed(
      try json(SyntheticReport.report()), schema, at: "report", definition: "report", seen: &seen)
    #expect(missing == [])
    // The synthetic report fills every field, so it meets every property the schema describes: none is stale.
    #expect(describedProperties.subtracting(seen) == [])
  }

  @Test func statisticsOnlyReportHasOnlyDescribedAndRequiredKeys() throws {
    let graded = try Grader().grade(bytes: Array("We cut costs by 20%.".utf8), source: "a.md")
    var seen: Set<String> = []
    let value = try json(Report(statisticsOf: graded.text)) as! [String: Any]
    #expect(undescribed(value, schema, at: "report", definition: "report", seen: &seen) == [])
    #expect(Set(value.keys) == Set(schema["required"] as! [String]))
    #expect(value["schema"] as? String == Report.schemaID)
  }

  @Test func everyObjectIsClosedAndEveryPropertyDescribed() {
    let objects =
      [("report", schema)] + (schema["$defs"] as! [String: Any]).map { ($0.key, $0.value as! [String: Any]) }
    for (name, object) in objects {
      #expect(object["additionalProperties"] as? Bool == false, "\(name) must set additionalProperties: false")
      #expect(!(object["description"] as? String ?? "").isEmpty, "\(name) has no description")
      for (key, property) in object["properties"] as? [String: Any] ?? [:] {
        let description = (property as! [String: Any])["description"] as? String ?? ""
        #expect(!description.isEmpty, "\(name).\(key) has no description")
      }
    }
  }

  @Test func enumsMatchTheSwiftTypes() {
    let defs = schema["$defs"] as! [String: Any]
    func enumValues(_ definition: String, _ property: String) -> [String] {
      let properties = (defs[definition] as! [String: Any])["properties"] as! [String: Any]
      return (properties[property] as! [String: Any])["enum"] as! [String]
    }
    #expect(enumValues("section", "label") == Report.Section.Label.allCases.map(\.rawValue))
    #expect(enumValues("feedback", "severity") == ["strength", "suggestion", "warning"])
    #expect((schema["properties"] as! [String: Any]).keys.contains("schema"))
    let schemaConst = ((schema["properties"] as! [String: Any])["schema"] as! [String: Any])["const"] as? String
    #expect(schemaConst == Report.schemaID)
  }
}
