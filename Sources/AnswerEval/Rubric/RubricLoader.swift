import AnswerEvalText
import Foundation

/// Loads rubric and cue-pack YAML files and checks them.
///
/// Problems are ``RubricError``s that point into the YAML: unknown keys (with a "did you mean"), wrong
/// types, unknown detectors, duplicate ids, missing cue packs, cyclic `extends`, negative weights, bad
/// phrases, anchors and aliases; detector parameters of the wrong kind (a number, true/false, one of a
/// list, a criterion id that must name another quality criterion of the rubric), and a `cap` on anything
/// but a pitfall; a pack's `wording:` keys that no detector (or ``FeedbackPunctuation``) declares for its
/// kind, and placeholders a wording does not take.
///
/// ```swift
/// let rubric = try RubricLoader(catalog: .standard()).load(name: "behavioral")
/// rubric.criteria.map(\.id)   // ["star.situation", "star.task", …]
/// ```
public struct RubricLoader {
  public let catalog: RubricCatalog
  private let analyzer: TextAnalyzer
  /// Where a load notes what it read and how it resolved names, for ``RubricCache`` (nil: nowhere).
  private let sources: RubricSources?

  public init(catalog: RubricCatalog) throws {
    try self.init(catalog: catalog, recording: nil)
  }

  init(catalog: RubricCatalog, recording sources: RubricSources?) throws {
    self.catalog = catalog
    self.analyzer = try TextAnalyzer()
    self.sources = sources
  }

  /// Loads a bundled (or `ANSWER_EVAL_RUBRICS`) rubric by name, or a file when `nameOrPath` is a path
  /// (contains `/` or ends in `.yaml`/`.yml`).
  public func load(_ nameOrPath: String) throws -> Rubric {
    if RubricCatalog.isPath(nameOrPath) { return try load(file: nameOrPath) }
    let resolved = catalog.file(named: nameOrPath)
    sources?.lookups.append(.init(kind: .rubric, name: nameOrPath, near: nil, file: resolved))
    guard let file = resolved else {
      let known = catalog.names().joined(separator: ", ")
      throw RubricError(
        file: nameOrPath, line: 0, column: 0, id: nameOrPath,
        message: "no rubric named `\(nameOrPath)`; bundled and ANSWER_EVAL_RUBRICS rubrics: \(known)")
    }
    return try load(file: file)
  }

  /// Loads a rubric file (and what it extends, and its packs).
  public func load(file: String) throws -> Rubric {
    var packCache: [String: CuePack] = [:]
    return try load(file: file, chain: [], packCache: &packCache)
  }

  // MARK: Rubrics

  private static let rubricKeys = [
    "id", "version", "language", "title", "description", "extends", "levels", "packs", "criteria",
  ]
  private static let criterionKeys = ["id", "title", "detector", "weight", "cap", "parameters", "feedback"]

  /// `file` relative to the working directory when it is inside it, as diagnostics show it.
  public static func displayPath(_ file: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
    return absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : file
  }

  /// The text of a rubric or pack file, read with ``InputReader`` (Foundation's `FileManager.contents(atPath:)`
  /// leaks a buffer on every empty file, which the rubric fuzzer found under LeakSanitizer).
  private func readText(_ file: String, id: String) throws -> String {
    func fail(_ message: String) -> RubricError {
      RubricError(file: file, line: 0, column: 0, id: id, message: message)
    }
    let bytes: [UInt8]
    do {
      bytes = try InputReader.read(file)
    } catch .missing {
      throw fail("cannot read the file; check the path")
    } catch .permissionDenied {
      throw fail("cannot read the file: permission denied; make it readable (chmod +r)")
    } catch .isDirectory {
      throw fail("is a folder, not a rubric file; name a .yaml file")
    } catch .tooLarge(_, let size, let limit) {
      throw fail("is at least \(size) bytes, over the limit of \(limit) bytes for a rubric file")
    } catch .unreadable(_, let reason) {
      throw fail("cannot read the file: \(reason)")
    } catch {
      throw fail("cannot read the file; check the path")
    }
    guard let text = String(bytes: bytes, encoding: .utf8) else {
      throw fail("the file is not UTF-8; save it as UTF-8")
    }
    sources?.files.append((file, bytes))
    return text
  }

  private func load(file: String, chain: [String], packCache: inout [String: CuePack]) throws -> Rubric {
    let file = Self.displayPath(file)
    let fallbackID = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let root = try YAMLValue.parse(try readText(file, id: fallbackID), file: file, id: fallbackID)
    let entries = try root.mapping(allowed: Self.rubricKeys, required: ["id", "version"])
    func value(_ key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }

    let idValue = value("id")!
    let id = try idValue.string()
    guard Self.isValidID(id) else {
      throw idValue.error("rubric id `\(id)` must be lowercase letters, digits, `.`, `_` or `-`")
    }
    let ctx = { (v: YAMLValue) -> YAMLValue in
      var v = v
      v.id = id
      return v
    }
    if chain.contains(id) {
      throw ctx(idValue).error("cyclic `extends`: \((chain + [id]).joined(separator: " → ")); remove one of the links")
    }

    var rubric: Rubric
    if let extendsValue = value("extends").map(ctx) {
      let parentName = try extendsValue.string()
      let parentFile: String?
      if RubricCatalog.isPath(parentName) {
        parentFile =
          parentName.hasPrefix("/")
          ? parentName
          : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(parentName).path
      } else {
        parentFile = catalog.file(named: parentName, near: file)
        sources?.lookups.append(.init(kind: .rubric, name: parentName, near: file, file: parentFile))
      }
      guard let parentFile else {
        throw extendsValue.error(
          "`extends: \(parentName)` names no known rubric; known: \(catalog.names().joined(separator: ", "))")
      }
      do {
        rubric = try load(file: parentFile, chain: chain + [id], packCache: &packCache)
      } catch var error as RubricError where error.message.hasPrefix("cyclic `extends`") {
        // Report the cycle where this file's `extends` is.
        error = extendsValue.error(error.message)
        throw error
      }
      rubric.extends = rubric.id
      rubric.id = id
      rubric.file = file
    } else {
      for key in ["language", "title", "levels", "criteria"] where value(key) == nil {
        throw ctx(root).error("missing key `\(key)`; add it (a rubric without `extends` must define it)")
      }
      rubric = Rubric(
        id: id, version: "", language: "", title: "", description: "", extends: nil, levels: [], criteria: [],
        packs: [],
        file: file)
    }
    rubric.version = try ctx(value("version")!).string()
    if let v = value("language").map(ctx) { rubric.language = try v.string() }
    if let v = value("title").map(ctx) { rubric.title = try v.string() }
    if let v = value("description").map(ctx) { rubric.description = try v.string() }
    if let v = value("levels").map(ctx) { rubric.levels = try levels(v) }
    if let v = value("packs").map(ctx) {
      for entry in try v.sequence() {
        let packID = try entry.string()
        if rubric.packs.contains(where: { $0.id == packID }) { continue }
        let resolvedPack = catalog.packFile(named: packID, near: file)
        sources?.lookups.append(.init(kind: .pack, name: packID, near: file, file: resolvedPack))
        guard let packFile = resolvedPack else {
          throw entry.error(
            "no cue pack `\(packID)` (looked for packs/\(packID).yaml beside the rubric and in the rubric folders)")
        }
        if packCache[packFile] == nil { packCache[packFile] = try loadPack(file: packFile) }
        rubric.packs.append(packCache[packFile]!)
      }
    }
    if let v = value("criteria").map(ctx) { try mergeCriteria(v, into: &rubric) }
    try validate(rubric, criteria: value("criteria").map(ctx), root: ctx(root))
    return rubric
  }

  /// Whether `id` matches `^[a-z0-9][a-z0-9._-]*$` as a regular expression does (without compiling one):
  /// `$` also matches before one line terminator at the very end.
  static func isValidID(_ id: String) -> Bool {
    var scalars = Substring(id).unicodeScalars
    if scalars.last == "\n", scalars.dropLast().last == "\r" {
      scalars = scalars.dropLast(2)
    } else if let last = scalars.last,
      ["\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(last)
    {
      scalars = scalars.dropLast()
    }
    guard let first = scalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
    return scalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
    }
  }

  private func levels(_ value: YAMLValue) throws -> [LevelBand] {
    var bands: [LevelBand] = []
    for entry in try value.sequence() {
      let fields = try entry.mapping(allowed: ["level", "min"], required: ["level", "min"])
      let levelValue = fields.first { $0.key == "level" }!.value
      let minValue = fields.first { $0.key == "min" }!.value
      let minimum = try minValue.double()
      guard (0...100).contains(minimum) else { throw minValue.error("`min` must be between 0 and 100") }
      bands.append(LevelBand(level: try levelValue.string(), min: minimum))
    }
    guard !bands.isEmpty else { throw value.error("`levels` needs at least one band") }
    guard bands.contains(where: { $0.min == 0 }) else {
      throw value.error("`levels` needs a band with `min: 0` so every score has a level")
    }
    return bands.sorted { $0.min > $1.min }
  }

  private func mergeCriteria(_ value: YAMLValue, into rubric: inout Rubric) throws {
    var ids: Set<String> = []
    for entry in try value.sequence() {
      let fields = try entry.mapping(allowed: Self.criterionKeys, required: ["id"])
      func field(_ key: String) -> YAMLValue? { fields.first { $0.key == key }?.value }
      let idValue = field("id")!
      let id = try idValue.string()
      guard ids.insert(id).inserted else { throw idValue.error("duplicate criterion id `\(id)`; ids must be unique") }
      let location = FileLocation(file: entry.file, line: entry.line, column: entry.column)
      var criterion: Criterion
      if let existing = rubric.criteria.firstIndex(where: { $0.id == id }) {
        criterion = rubric.criteria[existing]
        criterion.location = location
      } else {
        for key in ["detector", "weight", "feedback"] where field(key) == nil {
          throw entry.error(
            "criterion `\(id)` is missing `\(key)`; add it (only criteria inherited through `extends` may omit it)")
        }
        criterion = Criterion(
          id: id, title: id, detector: "", weight: 0, parameters: [:],
          feedback: FeedbackTemplates(present: "", partial: "", missing: ""), location: location)
      }
      if let v = field("title") { criterion.title = try v.string() }
      if let v = field("detector") {
        criterion.detector = try v.string()
        guard DetectorRegistry.descriptor(criterion.detector) != nil else {
          let known = DetectorRegistry.all.map(\.id)
          let near = known.min { editDistance($0, criterion.detector) < editDistance($1, criterion.detector) } ?? ""
          let hint =
            editDistance(near, criterion.detector) <= 3
            ? "did you mean `\(near)`?" : "see `answer-eval rubric show` for the detectors"
          throw v.error("unknown detector `\(criterion.detector)`; \(hint)")
        }
      }
      if let v = field("weight") {
        criterion.weight = try v.double()
        guard criterion.weight >= 0 else {
          throw v.error("weight \(v.node.scalar?.string ?? "") is negative; use 0 or more")
        }
      }
      if let v = field("cap") {
        let cap = try v.double()
        guard (0...100).contains(cap) else { throw v.error("`cap` must be a total between 0 and 100") }
        guard DetectorRegistry.descriptor(criterion.detector)?.kind == .pitfall else {
          throw v.error("`cap` limits the total when a mistake is found; only pitfall criteria take it")
        }
        criterion.cap = cap
      }
      if let v = field("parameters") {
        let declared = DetectorRegistry.descriptor(criterion.detector)?.parameters ?? []
        for (key, parameter) in try v.mapping(allowed: declared.map(\.name)) {
          let value = try Self.parameter(parameter)
          switch declared.first(where: { $0.name == key })?.kind {
          case .number where value.number == nil:
            throw parameter.error("`\(parameter.path)` must be a number")
          case .flag where value.bool == nil:
            throw parameter.error("`\(parameter.path)` must be true or false")
          case .oneOf(let words) where !words.contains(value.string ?? ""):
            throw parameter.error("`\(parameter.path)` must be one of: \(words.joined(separator: ", "))")
          default: break
          }
          criterion.parameters[key] = value
          criterion.parameterLocations[key] = FileLocation(
            file: parameter.file, line: parameter.line, column: parameter.column)
        }
      }
      if let v = field("feedback") {
        for (key, template) in try v.mapping(allowed: ["present", "partial", "missing"]) {
          let text = try template.string()
          switch key {
          case "present": criterion.feedback.present = text
          case "partial": criterion.feedback.partial = text
          default: criterion.feedback.missing = text
          }
        }
      }
      if let existing = rubric.criteria.firstIndex(where: { $0.id == id }) {
        rubric.criteria[existing] = criterion
      } else {
        rubric.criteria.append(criterion)
      }
    }
  }

  private static func parameter(_ value: YAMLValue) throws -> Criterion.Parameter {
    switch value.node {
    case .sequence: return .strings(try value.strings())
    case .scalar(let scalar):
      if scalar.style == .plain {
        if let number = Double(scalar.string) { return .number(number) }
        if scalar.string == "true" || scalar.string == "false" { return .bool(scalar.string == "true") }
      }
      return .string(scalar.string)
    default: throw value.error("`\(value.path)` must be a value or a list of values")
    }
  }

  private func validate(_ rubric: Rubric, criteria: YAMLValue?, root: YAMLValue) throws {
    guard !rubric.criteria.isEmpty else { throw root.error("the rubric has no criteria; add at least one") }
    guard rubric.criteria.contains(where: { $0.weight > 0 }) else {
      throw root.error("every criterion has weight 0; give at least one a positive weight")
    }
    for criterion in rubric.criteria {
      guard let descriptor = DetectorRegistry.descriptor(criterion.detector) else { continue }
      for required in descriptor.parameters where required.required && criterion.parameters[required.name] == nil {
        throw RubricError(
          file: criterion.location.file, line: criterion.location.line, column: criterion.location.column,
          id: rubric.id,
          message: "criterion `\(criterion.id)` needs parameter `\(required.name)` (\(required.summary))")
      }
      for pack in descriptor.packs where !rubric.packs.contains(where: { $0.detector == pack }) {
        throw RubricError(
          file: criterion.location.file, line: criterion.location.line, column: criterion.location.column,
          id: rubric.id,
          message: "criterion `\(criterion.id)` uses detector `\(criterion.detector)`, which needs a cue pack for "
            + "`\(pack)`; add one to `packs:` (e.g. `\(pack).\(rubric.language.isEmpty ? "en" : rubric.language)`)")
      }
      for parameter in descriptor.parameters where parameter.kind == .criterion {
        guard let value = criterion.parameters[parameter.name] else { continue }
        try validateReference(value, parameter: parameter.name, of: criterion, in: rubric)
      }
      for template in [criterion.feedback.present, criterion.feedback.partial, criterion.feedback.missing] {
        if let bad = FeedbackTemplate.unknownPlaceholder(in: template) {
          throw RubricError(
            file: criterion.location.file, line: criterion.location.line, column: criterion.location.column,
            id: rubric.id,
            message: "criterion `\(criterion.id)` feedback uses unknown placeholder `{\(bad)}`; "
              + "known: \(FeedbackTemplate.placeholders.map { "{\($0)}" }.joined(separator: ", "))")
        }
      }
    }
  }

  /// A `.criterion` parameter must name another, quality criterion of the rubric. (Only pitfalls refer to
  /// criteria, so references never form a cycle.)
  private func validateReference(
    _ value: Criterion.Parameter, parameter: String, of criterion: Criterion, in rubric: Rubric
  ) throws {
    let place = criterion.parameterLocations[parameter] ?? criterion.location
    func fail(_ message: String) -> RubricError {
      RubricError(file: place.file, line: place.line, column: place.column, id: rubric.id, message: message)
    }
    guard let id = value.string else {
      throw fail("criterion `\(criterion.id)`: `\(parameter)` must be the id of another criterion")
    }
    guard let target = rubric.criteria.first(where: { $0.id == id }), target.id != criterion.id else {
      let others = rubric.criteria.map(\.id).filter { $0 != criterion.id }
      let near = others.min { editDistance($0, id) < editDistance($1, id) } ?? ""
      let hint = editDistance(near, id) <= 3 ? "did you mean `\(near)`? " : ""
      throw fail(
        "criterion `\(criterion.id)`: `\(parameter): \(id)` names no other criterion of rubric `\(rubric.id)`; "
          + "\(hint)criteria: \(others.joined(separator: ", "))")
    }
    if DetectorRegistry.descriptor(target.detector)?.kind != .quality {
      throw fail(
        "criterion `\(criterion.id)`: `\(parameter): \(id)` names a pitfall; refer to a quality criterion "
          + "(one whose detector finds something good, such as a section or a reflection)")
    }
  }

  // MARK: Packs

  private static let packKeys = ["id", "detector", "language", "description", "cues", "wording"]
  private static let cueKeys = [
    "id", "signal", "weight", "value", "phrases", "exceptions", "match", "no_match", "note",
  ]

  /// Loads one cue-pack file.
  public func loadPack(file: String) throws -> CuePack {
    let file = Self.displayPath(file)
    let fallbackID = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    var root = try YAMLValue.parse(try readText(file, id: fallbackID), file: file, id: fallbackID)
    let entries = try root.mapping(allowed: Self.packKeys, required: ["id", "detector", "language", "cues"])
    func value(_ key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }
    let id = try value("id")!.string()
    root.id = id
    let detector = try value("detector")!.string()
    var pack = CuePack(
      id: id, detector: detector, language: try value("language")!.string(),
      description: try value("description")?.string() ?? "", cues: [], file: file)
    var ids: Set<String> = []
    for var entry in try value("cues")!.sequence() {
      entry.id = id
      let fields = try entry.mapping(allowed: Self.cueKeys, required: ["id", "signal", "phrases"])
      func field(_ key: String) -> YAMLValue? { fields.first { $0.key == key }?.value }
      let cueIDValue = field("id")!
      let cueID = try cueIDValue.string()
      guard ids.insert(cueID).inserted else { throw cueIDValue.error("duplicate cue id `\(cueID)` in pack `\(id)`") }
      var weight = 1.0
      if let w = field("weight") {
        weight = try w.double()
        guard weight >= 0 else { throw w.error("weight is negative; use 0 or more") }
      }
      func phrases(_ key: String) throws -> [PhrasePattern] {
        guard let list = field(key) else { return [] }
        let items: [YAMLValue] = (list.node.scalar != nil) ? [list] : try list.sequence()
        return try items.flatMap { item in
          do {
            return try PhrasePattern.compile(try item.string(), analyzer: analyzer)
          } catch let error as PhraseError {
            throw item.error("cue `\(cueID)`: \(error.message)")
          }
        }
      }
      func examples(_ key: String) throws -> [CueExample] {
        guard let list = field(key) else { return [] }
        let items: [YAMLValue] = (list.node.scalar != nil) ? [list] : try list.sequence()
        return try items.map {
          CueExample(text: try $0.string(), location: FileLocation(file: file, line: $0.line, column: $0.column))
        }
      }
      let cue = Cue(
        id: cueID, signal: try field("signal")!.string(), weight: weight, phrases: try phrases("phrases"),
        exceptions: try phrases("exceptions"), matchExamples: try examples("match"),
        noMatchExamples: try examples("no_match"),
        location: FileLocation(file: file, line: entry.line, column: entry.column), value: try field("value")?.string())
      if cue.phrases.isEmpty { throw cueIDValue.error("cue `\(cueID)` has no phrases") }
      for example in cue.matchExamples where !example.text.contains("⟦") {
        throw RubricError(
          file: file, line: example.location.line, column: example.location.column, id: id,
          message: "cue `\(cueID)`: a `match:` example must mark the expected span with ⟦…⟧")
      }
      pack.cues.append(cue)
    }
    if var v = value("wording") {
      v.id = id
      let key = try root.keyedEntries().first { $0.key == "wording" }?.at ?? v
      pack.wording = try wording(v, at: key, of: pack)
    }
    return pack
  }

  /// A pack's `wording:`: texts in nested mappings, by key with nested keys joined with `.`. Every key
  /// must be one declared for packs of the pack's kind (``DetectorRegistry/wording``), a `*` of it standing
  /// for one of its names, and every text may use only the placeholders declared for it.
  private func wording(_ value: YAMLValue, at key: YAMLValue, of pack: CuePack) throws -> [String: String] {
    let all = DetectorRegistry.wording
    let declared = all.filter { $0.pack == pack.detector }
    guard !declared.isEmpty else {
      let kinds = Set(all.map(\.pack)).sorted().map { "`\($0)`" }
      // The tool's own message, in English whatever the pack's language.
      throw key.error(
        "packs of detector `\(pack.detector)` take no `wording`; remove it (only packs of detector "
          + "\(FeedbackPunctuation(last: " and ").list(kinds)) do)")
    }
    var texts: [String: String] = [:]
    // Where each key path is written: a bad name of `*` is reported where it is ("weather:").
    var keys: [String: YAMLValue] = [:]
    func collect(_ value: YAMLValue, prefix: String) throws {
      for (key, at, entry) in try value.keyedEntries() {
        let full = prefix + key
        keys[full] = at
        if case .mapping = entry.node {
          try collect(entry, prefix: full + ".")
          continue
        }
        guard let wording = declared.first(where: { $0.name(in: full) != nil }), let name = wording.name(in: full)
        else {
          let near = declared.map(\.key).min { editDistance($0, full) < editDistance($1, full) } ?? ""
          let hint =
            editDistance(near, full) <= 3
            ? "did you mean `wording.\(near)`?" : "known keys: \(declared.map(\.key).joined(separator: ", "))"
          throw at.error("unknown wording key `wording.\(full)`; \(hint)")
        }
        let names = wording.names(in: pack).sorted()
        if !name.isEmpty, !names.contains(name) {
          let near = names.min { editDistance($0, name) < editDistance($1, name) } ?? ""
          let hint = editDistance(near, name) <= 2 ? "did you mean `\(near)`? " : ""
          let named = wording.key.prefix { $0 != "*" } + name
          throw (keys[String(named)] ?? at).error(
            "`wording.\(named)`: `\(name)` is no \(wording.nameKind); \(hint)known: \(names.joined(separator: ", "))")
        }
        guard texts[full] == nil else { throw at.error("duplicate wording key `wording.\(full)`; keep one") }
        let text = try entry.string()
        if let bad = FeedbackTemplate.unknownPlaceholder(in: text, known: wording.placeholders) {
          let takes =
            wording.placeholders.isEmpty
            ? "it takes no placeholder" : "it takes \(wording.placeholders.map { "{\($0)}" }.joined(separator: ", "))"
          throw entry.error("`wording.\(full)` uses unknown placeholder `{\(bad)}`; \(takes)")
        }
        texts[full] = text
      }
    }
    try collect(value, prefix: "")
    return texts
  }
}
