import Foundation

/// The minimum figures an evaluation must reach (`Corpora/labelled/floors.json`); CI fails below them.
///
/// Floors are raised as the detectors improve, and never lowered without saying why in the commit. Every
/// key is required, so no figure goes unchecked by omission; keys starting with `_` are comments, and
/// any other key is an error (a misspelt floor would otherwise never apply).
///
/// ```json
/// {
///   "_comment": "Raised as the detectors improve.",
///   "f1": { "star.situation": 0.8, "star.task": 0.5, "star.action": 0.8, "star.result": 0.8,
///           "tradeoff": 0.6, "quantification": 0.9, "reflection": 0.7 },
///   "section_agreement": { "labelled": 0.9, "unlabelled": 0.6 },
///   "max_no_story_answers_with_sections": 5
/// }
/// ```
///
/// ```swift
/// let floors = try EvaluationFloors.load("Corpora/labelled/floors.json")
/// floors.misses(evaluation, path: "Corpora/labelled/floors.json")
/// // [] — or e.g. [.belowFloor(path: …, figure: "f1.tradeoff", value: 0.4, floor: 0.6)]
/// ```
public struct EvaluationFloors: Sendable, Equatable {
  /// The minimum F1 of each gold criterion (``GoldLabels/criterionIDs``), 0–1.
  public var f1: [String: Double]
  /// The minimum section agreement on answers with explicit labels, 0–1.
  public var sectionAgreementLabelled: Double
  /// The minimum section agreement on answers without explicit labels, 0–1.
  public var sectionAgreementUnlabelled: Double
  /// The most no-story answers that may get a predicted section.
  public var maxNoStoryAnswersWithSections: Int

  public init(
    f1: [String: Double], sectionAgreementLabelled: Double, sectionAgreementUnlabelled: Double,
    maxNoStoryAnswersWithSections: Int
  ) {
    self.f1 = f1
    self.sectionAgreementLabelled = sectionAgreementLabelled
    self.sectionAgreementUnlabelled = sectionAgreementUnlabelled
    self.maxNoStoryAnswersWithSections = maxNoStoryAnswersWithSections
  }

  /// Reads the floors file at `path`.
  /// - Throws: ``EvaluationError`` naming `path` (and the key) when it is missing or malformed.
  public static func load(_ path: String) throws(EvaluationError) -> EvaluationFloors {
    let bytes: [UInt8]
    do {
      bytes = try InputReader.read(path)
    } catch .missing {
      throw .floorsNotFound(path: path)
    } catch {
      throw .unreadable(error)
    }
    return try decode(Data(bytes), path: path)
  }

  /// Decodes a floors file's `data` read from `path`.
  /// - Throws: ``EvaluationError`` naming `path` and the offending key.
  public static func decode(_ data: Data, path: String) throws(EvaluationError) -> EvaluationFloors {
    do {
      _ = try JSONSerialization.jsonObject(with: data)
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
      throw .invalidJSON(path: path, document: .floors, detail: detail)
    }
    do {
      return try JSONDecoder().decode(FloorsFile.self, from: data).floors
    } catch let error as EvaluationError.Located {
      throw error.error(path: path, document: .floors)
    } catch let error as DecodingError {
      throw EvaluationError.decoding(error, path: path, document: .floors)
    } catch {
      throw .invalidJSON(path: path, document: .floors, detail: "\(error)")
    }
  }

  /// The figures of `evaluation` that miss these floors, as errors naming the floors file `path`, in
  /// floors-file order.
  public func misses(_ evaluation: CorpusEvaluation, path: String) -> [EvaluationError] {
    var misses: [EvaluationError] = []
    for result in evaluation.criteria {
      if let floor = f1[result.id], result.counts.f1 < floor {
        misses.append(.belowFloor(path: path, figure: "f1.\(result.id)", value: result.counts.f1, floor: floor))
      }
    }
    let agreements = [
      ("labelled", evaluation.sections.labelled.agreement, sectionAgreementLabelled),
      ("unlabelled", evaluation.sections.unlabelled.agreement, sectionAgreementUnlabelled),
    ]
    for (name, value, floor) in agreements where value < floor {
      misses.append(.belowFloor(path: path, figure: "section_agreement.\(name)", value: value, floor: floor))
    }
    let count = evaluation.sections.noStoryAnswersWithSections
    if count > maxNoStoryAnswersWithSections {
      misses.append(
        .aboveMaximum(
          path: path, figure: "no-story answers with sections", value: count, maximum: maxNoStoryAnswersWithSections))
    }
    return misses
  }
}

/// The JSON form of a floors file.
private struct FloorsFile: Decodable {
  var floors: EvaluationFloors

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    try Self.rejectUnknownKeys(container, known: ["f1", "section_agreement", "max_no_story_answers_with_sections"])
    let f1 = try container.nestedContainer(keyedBy: Key.self, forKey: Key("f1"))
    try Self.rejectUnknownKeys(f1, known: GoldLabels.criterionIDs)
    var f1Floors: [String: Double] = [:]
    for id in GoldLabels.criterionIDs { f1Floors[id] = try Self.fraction(f1, id) }
    let agreement = try container.nestedContainer(keyedBy: Key.self, forKey: Key("section_agreement"))
    try Self.rejectUnknownKeys(agreement, known: ["labelled", "unlabelled"])
    let labelled = try Self.fraction(agreement, "labelled")
    let unlabelled = try Self.fraction(agreement, "unlabelled")
    let maximumKey = Key("max_no_story_answers_with_sections")
    let maximum = try container.decode(Double.self, forKey: maximumKey)
    guard maximum >= 0, maximum == maximum.rounded(), maximum < 1e15 else {
      throw EvaluationError.Located(
        key: container.codingPath + [maximumKey], problem: "is \(maximum); use a whole number, 0 or more")
    }
    floors = EvaluationFloors(
      f1: f1Floors, sectionAgreementLabelled: labelled, sectionAgreementUnlabelled: unlabelled,
      maxNoStoryAnswersWithSections: Int(maximum))
  }

  private static func fraction(_ container: KeyedDecodingContainer<Key>, _ name: String) throws -> Double {
    let value = try container.decode(Double.self, forKey: Key(name))
    guard (0...1).contains(value) else {
      throw EvaluationError.Located(
        key: container.codingPath + [Key(name)], problem: "is \(value); use a fraction from 0 to 1")
    }
    return value
  }

  private static func rejectUnknownKeys(_ container: KeyedDecodingContainer<Key>, known: [String]) throws {
    let unknown = container.allKeys.map(\.stringValue).filter { !$0.hasPrefix("_") && !known.contains($0) }.sorted()
    if let first = unknown.first {
      throw EvaluationError.Located(
        key: container.codingPath + [Key(first)],
        problem: "is not a floor; use \(known.joined(separator: ", ")) (keys starting with _ are comments)")
    }
  }
}
