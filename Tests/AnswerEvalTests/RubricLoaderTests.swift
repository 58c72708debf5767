import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct RubricLoaderTests {
  @Test func brokenRubricsGiveTheExactDiagnostics() throws {
    let folder = Repository.path("Fixtures/rubrics/broken")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
    let result = try CLI.run(["rubric", "check"] + files.map { "Fixtures/rubrics/broken/\($0)" })
    let expected = try String(contentsOfFile: Repository.path("Fixtures/rubrics/broken.expected"), encoding: .utf8)
    #expect(result.status == 2)
    #expect(result.stderr == expected)
    #expect(result.stdout == "checked 0 rubrics, 0 cue packs, 0 examples: 21 problems\n")
  }

  @Test func bundledRubricsPassTheirCheck() throws {
    let result = try CLI.run(["rubric", "check"])
    #expect(result.stderr == "")
    #expect(result.status == 0)
    #expect(result.stdout.hasSuffix("all passed\n"))
  }

  @Test func extendsInheritsAndOverridesCriteria() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let child = """
      id: child
      version: 2.0.0
      extends: behavioral
      title: Child
      criteria:
        - id: star.task
          weight: 40
      """
    try child.write(to: folder.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
    let catalog = RubricCatalog(folders: [folder.path, Repository.path("Rubrics")])
    let rubric = try RubricLoader(catalog: catalog).load("child")
    #expect(rubric.id == "child" && rubric.extends == "behavioral" && rubric.version == "2.0.0")
    let base = try RubricLoader(catalog: catalog).load("behavioral")
    #expect(rubric.criteria.map(\.id) == base.criteria.map(\.id))
    #expect(rubric.criteria.first { $0.id == "star.task" }?.weight == 40)
    #expect(rubric.criteria.first { $0.id == "star.task" }?.detector == "star-section")
    #expect(rubric.packs.map(\.id) == base.packs.map(\.id))
  }

  @Test func unknownRubricNameListsTheKnownOnes() throws {
    let catalog = RubricCatalog(folders: [Repository.path("Rubrics")])
    #expect(throws: RubricError.self) { try RubricLoader(catalog: catalog).load("no-such-rubric") }
    do {
      _ = try RubricLoader(catalog: catalog).load("no-such-rubric")
    } catch let error as RubricError {
      #expect(
        error.errorDescription?.hasPrefix("no-such-rubric: error: [rubric.no-such-rubric] no rubric named") == true)
    }
  }

  @Test func environmentFolderComesFirst() {
    let catalog = RubricCatalog.standard(environment: ["ANSWER_EVAL_RUBRICS": "/a:/b"])
    #expect(Array(catalog.folders.prefix(2)) == ["/a", "/b"])
  }

  /// A rubric written to a new temporary folder, loaded with the bundled packs.
  private func load(_ yaml: String) throws -> Rubric {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("r.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")])).load(file: file.path)
  }

  /// An alias of a billion-node list as a mapping key: composing it would hash every node (hours).
  @Test func anAliasBombIsRefusedBeforeItIsComposed() throws {
    var yaml = "id: bomb\nversion: 1.0.0\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for (name, previous) in zip("bcdefghij", "abcdefghi") {
      yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
    }
    yaml += "? *j\n: x\n? *j\n: y\n"
    let clock = ContinuousClock()
    var thrown: RubricError?
    let elapsed = clock.measure { thrown = #expect(throws: RubricError.self) { try load(yaml) } }
    #expect(elapsed < .milliseconds(500))
    #expect(thrown?.line == 3 && thrown?.column == 4)
    #expect(thrown?.message.hasPrefix("anchors and aliases (&name, *name) are not allowed in rubric files") == true)
  }

  @Test func ampersandsAndAsterisksInTextAreNotAnchors() throws {
    let yaml = """
      id: text-marks
      version: 1.0.0
      extends: behavioral
      title: R&D *and* Q&A
      description: "&quoted *too"
      """
    #expect(try load(yaml).title == "R&D *and* Q&A")
  }

  /// Found by the rubric fuzzer: reading an empty file leaked under LeakSanitizer (through Foundation).
  @Test func anEmptyRubricFileSaysSo() throws {
    let loader = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")]))
    let error = #expect(throws: RubricError.self) {
      try loader.load(file: Repository.path("Fixtures/fuzz/rubric/empty.yaml"))
    }
    #expect(error?.message == "the file is empty; see Rubrics/README.md")
    #expect(error?.line == 1 && error?.column == 1)
  }

  @Test func aFolderIsNotARubricFile() throws {
    let loader = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")]))
    let error = #expect(throws: RubricError.self) { try loader.load(file: Repository.path("Rubrics/packs")) }
    #expect(error?.message == "is a folder, not a rubric file; name a .yaml file")
  }

  /// The id check without a regular expression accepts exactly what `^[a-z0-9][a-z0-9._-]*$` does (whose
  /// `$` also matches before a final line terminator).
  @Test func idCheckSameAsTheRegularExpression() {
    let ends = [
      "", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\n\n", "\r\r", "\n\r", " ", "\t",
      "\u{1C}",
    ]
    for base in ["abc", "a-b_c.d", "0day", "Abc", "-a", ".a", "", "a b", "é", "a/b", "ab\u{301}"] {
      for end in ends {
        let id = base + end
        let expected = id.range(of: #"^[a-z0-9][a-z0-9._-]*$"#, options: .regularExpression) != nil
        #expect(RubricLoader.isValidID(id) == expected, "\(id.debugDescription)")
      }
    }
  }

  // MARK: wording

  /// A `quantities` pack with one `incidental.label` cue and `wording`, loaded from a temporary file.
  private func loadPack(wording: String) throws -> CuePack {
    let folder = try TemporaryDirectory()
    let file = try folder.write(
      "p.yaml",
      """
      id: p
      detector: quantities
      language: en
      wording:
      \(wording)
      cues:
        - id: incidental.step
          signal: incidental.label
          phrases: ["step #number"]
      """)
    return try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")])).loadPack(file: file)
  }

  @Test func theBundledQuantitiesPackHasItsWording() throws {
    let loader = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")]))
    let pack = try loader.loadPack(file: Repository.path("Rubrics/packs/quantities.en.yaml"))
    #expect(pack.wording.count == 25)
    #expect(pack.wording["evidence.result"] == "your result ({evidence})")
    #expect(pack.wording["note.many"] == "{found}: they measure nothing you did. ")
    #expect(pack.wording["reason.metric.one"] == "part of a metric's name")
  }

  /// The English tradeoff and reflection packs give every key their detector declares (none has a `*`).
  @Test(arguments: [("tradeoff", "tradeoff.en", 12), ("reflection", "reflection.en", 5)])
  func theBundledPackGivesEveryDeclaredKey(detector: String, pack id: String, count: Int) throws {
    let loader = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")]))
    let pack = try loader.loadPack(file: Repository.path("Rubrics/packs/\(id).yaml"))
    let declared = try #require(DetectorRegistry.descriptor(detector)).wording.map(\.key)
    #expect(declared.count == count)
    #expect(pack.wording.keys.sorted() == declared.sorted())
  }

  @Test func wordingKeysJoinNestedKeysWithDots() throws {
    let pack = try loadPack(
      wording: """
          clause:
            one: "{found} is {value}"
          clause.many: "{found} are {value}"
          reason: {label: {one: a step, many: steps}}
        """)
    #expect(
      pack.wording == [
        "clause.one": "{found} is {value}", "clause.many": "{found} are {value}", "reason.label.one": "a step",
        "reason.label.many": "steps",
      ])
  }

  /// `label` is no reason the extractor gives: the pack's own `incidental.label` cue makes it one.
  @Test func aReasonOfThePacksOwnCuesMayBeWorded() throws {
    let pack = try loadPack(wording: "  reason.label.one: a step")
    #expect(pack.wording == ["reason.label.one": "a step"])
    let error = #expect(throws: RubricError.self) { try loadPack(wording: "  reason.idiom.one: an idiom") }
    #expect(error?.line == 5 && error?.column == 3)
    #expect(
      error?.message
        == "`wording.reason.idiom`: `idiom` is no reason of an incidental number (one the extractor gives, or an "
        + "`incidental.<reason>` signal of the pack); known: advice, date, definition, hypothetical, label, list, "
        + "name, no-story, ratio, time, version, year")
  }

  @Test func aWordingKeyWrittenTwiceIsAnError() throws {
    let error = #expect(throws: RubricError.self) {
      try loadPack(
        wording: """
            note: {one: "{found}: it measures nothing. "}
            note.one: "{found}: it counts for nothing. "
          """)
    }
    #expect(error?.line == 6 && error?.column == 3)
    #expect(error?.message == "duplicate wording key `wording.note.one`; keep one")
  }

  @Test func anUnknownWordingKeyListsTheKnownOnes() throws {
    let error = #expect(throws: RubricError.self) { try loadPack(wording: "  greeting: hello") }
    #expect(error?.line == 5 && error?.column == 3)
    #expect(
      error?.message
        == "unknown wording key `wording.greeting`; known keys: evidence.result, evidence.answer, and, clause.one, "
        + "clause.many, note.one, note.many, reason.*.one, reason.*.many")
  }

  @Test func aWordingTextMustBeText() throws {
    let error = #expect(throws: RubricError.self) { try loadPack(wording: "  evidence.answer: [your, answer]") }
    #expect(error?.line == 5 && error?.column == 20)
    #expect(error?.message == "`wording.evidence.answer` must be a text value")
  }

  @Test func aWordingWithoutPlaceholdersTakesNone() throws {
    let error = #expect(throws: RubricError.self) { try loadPack(wording: "  evidence.answer: \"{evidence}\"") }
    #expect(
      error?.message == "`wording.evidence.answer` uses unknown placeholder `{evidence}`; it takes no placeholder")
  }
}
