import AnswerEvalYAML
import Yams

/// A node of a rubric YAML file with what is needed to point at it: the file, the owning id, the node's
/// line and column. Accessors throw a ``RubricError`` at the node's position, saying what was expected.
struct YAMLValue {
  let node: Node
  let file: String
  /// The rubric or pack id used in messages.
  var id: String
  /// Where the value sits (`criteria[2].weight`), worked out only when a message needs it.
  var path: String { location?.description ?? "" }
  private let location: Location?

  var line: Int { node.mark?.line ?? 0 }
  var column: Int { node.mark?.column ?? 0 }

  func error(_ message: String) -> RubricError {
    RubricError(file: file, line: line, column: column, id: id, message: message)
  }

  /// Parses a whole file. Anchors and aliases are refused before the file is composed into nodes, so an
  /// alias bomb is never expanded (Yams hashes every mapping key while composing: a key that is an alias of
  /// a billion-node list would take hours).
  static func parse(_ text: String, file: String, id: String) throws -> YAMLValue {
    if let place = YAMLEvents.firstAnchorOrAlias(in: text) {
      throw RubricError(
        file: file, line: place.line, column: place.column, id: id,
        message: "anchors and aliases (&name, *name) are not allowed in rubric files; write the values out")
    }
    let node: Node?
    do {
      // The basic resolver leaves every scalar a string instead of matching it against the default rules'
      // regular expressions (bool, int, float, null, timestamp) — for every mapping key, when Yams checks
      // keys for duplicates. The loader reads scalars as text and parses numbers itself, and every key a
      // rubric allows resolves to a string under both resolvers.
      node = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw RubricError(yamlError: error, file: file, id: id)
    }
    guard let node else {
      throw RubricError(file: file, line: 1, column: 1, id: id, message: "the file is empty; see Rubrics/README.md")
    }
    return YAMLValue(node: node, file: file, id: id, location: nil)
  }

  /// A value's place in the file as a chain of keys and indices.
  private final class Location: CustomStringConvertible {
    let parent: Location?
    let key: String?
    let index: Int

    init(parent: Location?, key: String?, index: Int) {
      self.parent = parent
      self.key = key
      self.index = index
    }

    var description: String {
      let prefix = parent?.description ?? ""
      guard let key else { return "\(prefix)[\(index)]" }
      return prefix.isEmpty ? key : "\(prefix).\(key)"
    }
  }

  private func at(_ key: String) -> Location { Location(parent: location, key: key, index: 0) }

  private init(node: Node, file: String, id: String, location: Location?) {
    self.node = node
    self.file = file
    self.id = id
    self.location = location
  }

  /// The entries of a mapping, in file order. Keys not in `allowed` are errors at the key's position,
  /// and keys in `required` must be present.
  func mapping(allowed: [String], required: [String] = []) throws -> [(key: String, value: YAMLValue)] {
    guard case .mapping(let mapping) = node else {
      throw error("`\(path.isEmpty ? "the file" : path)` must be a mapping (key: value lines)")
    }
    var entries: [(String, YAMLValue)] = []
    var seen: Set<String> = []
    for (keyNode, valueNode) in mapping {
      let key = keyNode.scalar?.string ?? ""
      let keyValue = YAMLValue(node: keyNode, file: file, id: id, location: at(key))
      if !allowed.contains(key) {
        let suggestion = allowed.min { editDistance($0, key) < editDistance($1, key) } ?? ""
        let hint =
          editDistance(suggestion, key) <= 3
          ? "did you mean `\(suggestion)`?" : "allowed keys: \(allowed.joined(separator: ", "))"
        throw keyValue.error("unknown key `\(at(key))`; \(hint)")
      }
      if !seen.insert(key).inserted { throw keyValue.error("duplicate key `\(at(key))`; keep one") }
      entries.append((key, YAMLValue(node: valueNode, file: file, id: id, location: at(key))))
    }
    for key in required where !seen.contains(key) {
      throw error("missing key `\(at(key))`; add it (see Rubrics/README.md)")
    }
    return entries
  }

  /// The entries of a mapping whose keys are not known in advance, in file order, each key with its own
  /// position (to point at it). A key that is not a text, or a duplicate key, is an error.
  func keyedEntries() throws -> [(key: String, at: YAMLValue, value: YAMLValue)] {
    guard case .mapping(let mapping) = node else {
      throw error("`\(path.isEmpty ? "the file" : path)` must be a mapping (key: value lines)")
    }
    var entries: [(String, YAMLValue, YAMLValue)] = []
    var seen: Set<String> = []
    for (keyNode, valueNode) in mapping {
      let key = keyNode.scalar?.string ?? ""
      let keyValue = YAMLValue(node: keyNode, file: file, id: id, location: at(key))
      guard keyNode.scalar != nil, !key.isEmpty else { throw keyValue.error("a key of `\(path)` must be a word") }
      if !seen.insert(key).inserted { throw keyValue.error("duplicate key `\(at(key))`; keep one") }
      entries.append((key, keyValue, YAMLValue(node: valueNode, file: file, id: id, location: at(key))))
    }
    return entries
  }

  func sequence() throws -> [YAMLValue] {
    guard case .sequence(let sequence) = node else {
      throw error("`\(path)` must be a list (lines starting with `- `)")
    }
    return sequence.enumerated().map {
      YAMLValue(node: $1, file: file, id: id, location: Location(parent: location, key: nil, index: $0))
    }
  }

  func string() throws -> String {
    guard case .scalar(let scalar) = node else { throw error("`\(path)` must be a text value") }
    return scalar.string
  }

  func double() throws -> Double {
    guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.string) else {
      throw error("`\(path)` must be a number")
    }
    return value
  }

  func int() throws -> Int {
    guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
      throw error("`\(path)` must be a whole number")
    }
    return value
  }

  func bool() throws -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else {
      throw error("`\(path)` must be true or false")
    }
    switch scalar.string {
    case "true", "yes": return true
    case "false", "no": return false
    default: throw error("`\(path)` must be true or false")
    }
  }

  /// A text value, or a list of text values.
  func strings() throws -> [String] {
    if case .scalar = node { return [try string()] }
    return try sequence().map { try $0.string() }
  }
}

extension RubricError {
  init(yamlError: YamlError, file: String, id: String) {
    switch yamlError {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
      let during = context.map { " \($0.text) (from line \($0.mark.line), column \($0.mark.column))" } ?? ""
      self.init(
        file: file, line: mark.line, column: mark.column, id: id, message: "YAML syntax error: \(problem)\(during)")
    case .composer(_, let problem, let mark, _):
      self.init(file: file, line: mark.line, column: mark.column, id: id, message: "YAML error: \(problem)")
    default:
      self.init(file: file, line: 0, column: 0, id: id, message: "YAML error: \(yamlError)")
    }
  }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
