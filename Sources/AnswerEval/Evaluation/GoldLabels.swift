import Foundation

/// The gold labels of one answer: its sidecar `NNN-slug.json` (format and annotation guideline in
/// `Corpora/README.md`).
///
/// Decoding checks the shape: every key present with the right type, exactly the seven gold criteria,
/// known section labels, whole-number offsets, and `id` equal to the file name. Whether the spans fit
/// the answer is checked by ``validate(against:path:)``.
///
/// ```swift
/// let gold = try GoldLabels.decode(data, path: "Corpora/labelled/034-backend-autocomplete-result-first.json")
/// gold.criteria["star.result"]   // true
/// gold.sections[0].label         // .result
/// ```
public struct GoldLabels: Sendable, Equatable {
  /// The criteria every sidecar labels, in sidecar order.
  public static let criterionIDs = [
    "star.situation", "star.task", "star.action", "star.result", "tradeoff", "quantification", "reflection",
  ]

  /// A labelled stretch of the answer: Unicode-scalar offsets, end exclusive, and the text there.
  public struct GoldSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
      self.start = start
      self.end = end
      self.text = text
    }
  }

  /// A gold STAR section (or reflection).
  public struct GoldSection: Sendable, Equatable {
    public var label: Report.Section.Label
    public var span: GoldSpan

    public init(label: Report.Section.Label, span: GoldSpan) {
      self.label = label
      self.span = span
    }
  }

  public var id: String
  public var question: String
  public var field: String
  public var kinds: [String]
  /// Whether the answer marks its sections with labels (`Situation:`, `## Result`, `(S)`, …).
  public var explicitLabels: Bool
  /// Each of ``criterionIDs`` → whether the answer meets it.
  public var criteria: [String: Bool]
  /// The story's sections in text order; empty when there is no story.
  public var sections: [GoldSection]
  /// The impact quantities in text order.
  public var quantities: [GoldSpan]

  public init(
    id: String, question: String = "", field: String = "none", kinds: [String] = [], explicitLabels: Bool,
    criteria: [String: Bool], sections: [GoldSection], quantities: [GoldSpan]
  ) {
    self.id = id
    self.question = question
    self.field = field
    self.kinds = kinds
    self.explicitLabels = explicitLabels
    self.criteria = criteria
    self.sections = sections
    self.quantities = quantities
  }

  /// Whether the answer tells a story (its gold `sections` are not empty).
  public var hasStory: Bool { !sections.isEmpty }

  /// Decodes the sidecar `data` read from `path`; `id` must be the file name without `.json`.
  /// - Throws: ``EvaluationError`` naming `path` and the offending key.
  public static func decode(_ data: Data, path: String) throws(EvaluationError) -> GoldLabels {
    let gold: GoldLabels
    do {
      _ = try JSONSerialization.jsonObject(with: data)
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
      throw .invalidJSON(path: path, document: .sidecar, detail: detail)
    }
    do {
      gold = try JSONDecoder().decode(Sidecar.self, from: data).gold
    } catch let error as EvaluationError.Located {
      throw error.error(path: path, document: .sidecar)
    } catch let error as DecodingError {
      throw EvaluationError.decoding(error, path: path, document: .sidecar)
    } catch {
      throw .invalidJSON(path: path, document: .sidecar, detail: "\(error)")
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    if gold.id != name {
      throw .invalidValue(
        path: path, document: .sidecar, key: "id", problem: "is \"\(gold.id)\"; make it the file name, \"\(name)\"")
    }
    return gold
  }
}

/// The JSON form of a sidecar.
private struct Sidecar: Decodable {
  var gold: GoldLabels

  private enum Keys: String, CodingKey {
    case id, question, field, kinds
    case explicitLabels = "explicit_labels"
    case criteria, sections, quantities
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  private struct Span: Decodable {
    var span: GoldLabels.GoldSpan

    private enum Keys: String, CodingKey { case start, end, text }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Keys.self)
      span = GoldLabels.GoldSpan(
        start: try Self.offset(container, .start), end: try Self.offset(container, .end),
        text: try container.decode(String.self, forKey: .text))
    }

    private static func offset(_ container: KeyedDecodingContainer<Keys>, _ key: Keys) throws -> Int {
      let value = try container.decode(Double.self, forKey: key)
      guard value >= 0, value == value.rounded(), value < 1e15 else {
        throw EvaluationError.Located(
          key: container.codingPath + [key], problem: "is \(value); use a whole number of Unicode scalars, 0 or more")
      }
      return Int(value)
    }
  }

  private struct Section: Decodable {
    var section: GoldLabels.GoldSection

    private enum Keys: String, CodingKey { case label }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Keys.self)
      let name = try container.decode(String.self, forKey: .label)
      guard let label = Report.Section.Label(rawValue: name) else {
        let labels = Report.Section.Label.allCases.map(\.rawValue).joined(separator: ", ")
        throw EvaluationError.Located(
          key: container.codingPath + [Keys.label], problem: "is \"\(name)\"; use one of \(labels)")
      }
      section = GoldLabels.GoldSection(label: label, span: try Span(from: decoder).span)
    }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    // In sidecar key order, so the first problem reported is the first in the file.
    let id = try container.decode(String.self, forKey: .id)
    let question = try container.decode(String.self, forKey: .question)
    let field = try container.decode(String.self, forKey: .field)
    let kinds = try container.decode([String].self, forKey: .kinds)
    let explicitLabels = try container.decode(Bool.self, forKey: .explicitLabels)
    let criteria = try Self.criteria(try container.nestedContainer(keyedBy: AnyKey.self, forKey: .criteria))
    gold = GoldLabels(
      id: id, question: question, field: field, kinds: kinds, explicitLabels: explicitLabels, criteria: criteria,
      sections: try container.decode([Section].self, forKey: .sections).map(\.section),
      quantities: try container.decode([Span].self, forKey: .quantities).map(\.span))
  }

  /// Exactly the seven gold criteria, each true or false.
  private static func criteria(_ container: KeyedDecodingContainer<AnyKey>) throws -> [String: Bool] {
    var criteria: [String: Bool] = [:]
    for id in GoldLabels.criterionIDs {
      criteria[id] = try container.decode(Bool.self, forKey: AnyKey(stringValue: id))
    }
    if let unknown = container.allKeys.first(where: { !GoldLabels.criterionIDs.contains($0.stringValue) }) {
      throw EvaluationError.Located(
        key: container.codingPath + [unknown],
        problem: "is not a gold criterion; use exactly \(GoldLabels.criterionIDs.joined(separator: ", "))")
    }
    return criteria
  }
}
