import Foundation
import Synchronization
import TestSupport
import Testing

@testable import AnswerEval

/// The compiled-rubric cache: what it reads back is what was compiled, property by property, and an entry
/// is used only while everything it was made from is unchanged.
@Suite struct RubricCacheTests {
  /// Every stored property of `value`, private ones included, with dictionaries in key order: two values
  /// with the same description hold the same data.
  static func describe(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .dictionary, .set:
      return "[" + mirror.children.map { describe($0.value) }.sorted().joined(separator: ", ") + "]"
    case .optional:
      return mirror.children.first.map { describe($0.value) } ?? "nil"
    case .enum where !mirror.children.isEmpty:
      return "\(value)"
    case nil:
      return String(reflecting: value)
    default:
      let fields = mirror.children.map { ($0.label.map { $0 + ": " } ?? "") + describe($0.value) }
      return "\(mirror.subjectType)(" + fields.joined(separator: ", ") + ")"
    }
  }

  /// nil when `a` and `b` hold the same data, else where their descriptions first differ (kept short, as a
  /// failed expectation prints it).
  static func difference(_ a: Any, _ b: Any) -> String? {
    let (x, y) = (Array(describe(a).utf8), Array(describe(b).utf8))
    guard x != y else { return nil }
    let at = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
    func around(_ bytes: [UInt8]) -> String {
      String(decoding: bytes[max(0, at - 150)..<min(bytes.count, at + 150)], as: UTF8.self)
    }
    return "at byte \(at): \(around(x)) ≠ \(around(y))"
  }

  /// A rubric and matcher written to an archive and read back.
  static func roundTrip(_ compiled: CompiledRubric) throws -> CompiledRubric {
    var writer = ArchiveWriter()
    writer.rubric(compiled.rubric)
    compiled.matcher.archive(to: &writer)
    var reader = try ArchiveReader(writer.finish())
    let rubric = try reader.rubric()
    let matcher = try CueMatcher(packs: rubric.packs, archive: &reader)
    #expect(reader.isAtEnd)
    return CompiledRubric(rubric, matcher: matcher)
  }

  /// Empty raw arrays read on many threads at once: `.ci/run`'s thread-sanitizer step fails here if an empty
  /// result is built by writing into the standard library's shared empty array.
  @Test func emptyRawArraysReadOnManyThreads() throws {
    var writer = ArchiveWriter()
    writer.raw([Int32]())
    writer.raw([UInt8]())
    let bytes = writer.finish()
    let wrong = Atomic(0)
    DispatchQueue.concurrentPerform(iterations: 2_000) { _ in
      var reader = try? ArchiveReader(bytes)
      let numbers = try? reader?.raw(Int32.self), octets = try? reader?.raw(UInt8.self)
      if numbers != [] || octets != [] || reader?.isAtEnd != true { wrong.add(1, ordering: .relaxed) }
    }
    #expect(wrong.load(ordering: .relaxed) == 0)
  }

  @Test(arguments: [
    "behavioral", "deployment-tradeoff", "drift-detection-design", "ml-deployment-pitfalls", "technical",
  ])
  func readingBackGivesEveryPropertyOfTheCompiledRubric(name: String) throws {
    let compiled = try bundledLibrary.compiled(name)
    let read = try Self.roundTrip(compiled)
    #expect(Self.difference(read.rubric, compiled.rubric) == nil)
    #expect(Self.difference(read.matcher, compiled.matcher) == nil)
  }

  /// The description sees what the cache must keep: a cue's `value` (the property an earlier cache lost).
  @Test func theDescriptionSeesACuesValue() throws {
    var rubric = try bundledLibrary.compiled("behavioral").rubric
    let before = Self.describe(rubric)
    let pack = try #require(rubric.packs.firstIndex { $0.id == "quantities.en" })
    let cue = try #require(rubric.packs[pack].cues.firstIndex { $0.value != nil })
    rubric.packs[pack].cues[cue].value = nil
    #expect(Self.describe(rubric) != before)
    #expect(Self.difference(rubric, rubric) == nil)
  }

  /// … and a pack's `wording`, which the quantification feedback is written in.
  @Test func theDescriptionSeesAPacksWording() throws {
    var rubric = try bundledLibrary.compiled("behavioral").rubric
    let before = Self.describe(rubric)
    let pack = try #require(rubric.packs.firstIndex { $0.id == "quantities.en" })
    #expect(rubric.packs[pack].wording["reason.year.one"] == "a year")
    rubric.packs[pack].wording["reason.year.one"] = "a calendar year"
    #expect(Self.describe(rubric) != before)
  }

  /// Every pack's wording is read back, the tradeoff and reflection feedback's and the grammar pack's
  /// punctuation as well as the quantities'.
  @Test func readingBackKeepsEveryPacksWording() throws {
    let compiled = try bundledLibrary.compiled("behavioral")
    let read = try Self.roundTrip(compiled)
    for id in ["quantities.en", "tradeoff.en", "reflection.en", "grammar.en"] {
      let wording = try #require(compiled.rubric.packs.first { $0.id == id }).wording
      #expect(!wording.isEmpty)
      #expect(read.rubric.packs.first { $0.id == id }?.wording == wording)
    }
    #expect(read.punctuation == compiled.punctuation)
  }

  /// A rubric compiled twice in one process is archived byte for byte the same: nothing in the matcher's
  /// tables depends on the order a dictionary lists its contents in (each dictionary is seeded apart), and
  /// no padding byte is written.
  @Test(arguments: ["behavioral", "technical"])
  func compilingTwiceWritesTheSameBytes(name: String) throws {
    let catalog = RubricCatalog(folders: [Repository.path("Rubrics")])
    func archived() throws -> [UInt8] {
      let compiled = CompiledRubric(try RubricLoader(catalog: catalog).load(name))
      var writer = ArchiveWriter()
      writer.rubric(compiled.rubric)
      compiled.matcher.archive(to: &writer)
      return writer.finish()
    }
    let first = try archived(), second = try archived()
    #expect(first.count == second.count)
    #expect((0..<min(first.count, second.count)).first { first[$0] != second[$0] } == nil)
  }

  @Test func theRoundTripCoversEveryBundledRubric() throws {
    let names = RubricCatalog(folders: [Repository.path("Rubrics")]).names()
    #expect(
      names == ["behavioral", "deployment-tradeoff", "drift-detection-design", "ml-deployment-pitfalls", "technical"])
  }

  /// A copy of the bundled rubrics in a scratch folder, a cache folder beside it, and a way to ask both.
  struct Scratch {
    let root: String
    var rubrics: String { root + "/Rubrics" }
    var cache: RubricCache { RubricCache(folder: root + "/cache") }
    var catalog: RubricCatalog { RubricCatalog(folders: [rubrics]) }

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-cache-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: Repository.path("Rubrics"), toPath: rubrics)
    }

    /// Compiles `name` through a fresh library (as a new process would), storing an entry when there was none.
    func compile(_ name: String) throws -> CompiledRubric {
      try RubricLibrary(catalog: catalog, diskCache: cache).compiled(name)
    }

    func append(_ text: String, to file: String) throws {
      let handle = try #require(FileHandle(forWritingAtPath: rubrics + "/" + file))
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    }

    /// Whether the cache has a valid entry for `name` (a Bool, so that a failed expectation stays short).
    func isCached(_ name: String) -> Bool { cache.load(name, catalog: catalog) != nil }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  @Test func anEntryIsWrittenOnceAndReadBack() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    #expect(!scratch.isCached("behavioral"))
    let compiled = try scratch.compile("behavioral")
    #expect(FileManager.default.fileExists(atPath: scratch.cache.path(for: "behavioral", catalog: scratch.catalog)))
    let cached = try #require(scratch.cache.load("behavioral", catalog: scratch.catalog))
    #expect(Self.difference(cached.rubric, compiled.rubric) == nil)
    #expect(Self.difference(cached.matcher, compiled.matcher) == nil)
    #expect(Self.difference(cached.quantityLexicon.roles, compiled.quantityLexicon.roles) == nil)
    // The number words come with their values, as ICU reads them ("th" has none), so that no run reading
    // the entry has to ask ICU.
    let words = compiled.quantityLexicon.spelledWords(of: compiled.matcher)
    #expect(words.count > 80 && words.contains("twenty") && words.contains("th"))
    #expect(compiled.quantityLexicon.numberWords.isEmpty)
    #expect(cached.quantityLexicon.numberWords.count == words.count)
    for word in words {
      #expect(cached.quantityLexicon.numberWords[word] == .some(NumberWordValues.shared.value(of: word)), "\(word)")
    }
    #expect(cached.quantityLexicon.numberWords["twenty"] == .some(20))
    #expect(cached.quantityLexicon.numberWords["th"] == .some(nil))
    // Another name has its own entry.
    #expect(!scratch.isCached("technical"))
  }

  @Test func anEntryIsNotUsedOnceAFileItReadChanges() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    _ = try scratch.compile("behavioral")
    #expect(scratch.isCached("behavioral"))
    try scratch.append("\n# a comment changes nothing but the bytes\n", to: "packs/quantities.en.yaml")
    #expect(!scratch.isCached("behavioral"))
    // The next compile rewrites it.
    _ = try scratch.compile("behavioral")
    #expect(scratch.isCached("behavioral"))
  }

  @Test func anEntryIsNotUsedOnceANameResolvesToAnotherFile() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let custom = scratch.root + "/custom"
    try FileManager.default.createDirectory(atPath: custom, withIntermediateDirectories: true)
    try "id: mine\nversion: \"1\"\nextends: behavioral\n".write(
      toFile: custom + "/mine.yaml", atomically: true, encoding: .utf8)
    _ = try scratch.compile(custom + "/mine.yaml")
    #expect(scratch.isCached(custom + "/mine.yaml"))
    // A rubric beside it now comes before the bundled one it extends.
    try FileManager.default.copyItem(atPath: scratch.rubrics + "/behavioral.yaml", toPath: custom + "/behavioral.yaml")
    #expect(!scratch.isCached(custom + "/mine.yaml"))
  }

  @Test func aDamagedEntryIsIgnoredAndRewritten() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let compiled = try scratch.compile("behavioral")
    let entry = scratch.cache.path(for: "behavioral", catalog: scratch.catalog)
    let good = try Data(contentsOf: URL(fileURLWithPath: entry))
    for damage in [0, 9, good.count / 3, good.count / 2, good.count - 1] {
      var bytes = good
      bytes[damage] ^= 0x40
      try bytes.write(to: URL(fileURLWithPath: entry))
      #expect(!scratch.isCached("behavioral"), "byte \(damage) flipped")
    }
    for length in [0, 8, 100, good.count - 1] {
      try good.prefix(length).write(to: URL(fileURLWithPath: entry))
      #expect(!scratch.isCached("behavioral"), "cut to \(length) bytes")
    }
    let recompiled = try scratch.compile("behavioral")
    #expect(Self.difference(recompiled.rubric, compiled.rubric) == nil)
    #expect(try Data(contentsOf: URL(fileURLWithPath: entry)).count == good.count)
  }

  /// Damaged bytes that got past the checksum are refused when they index outside the tables; a matcher
  /// that is accepted anyway matches without reading out of bounds.
  @Test func damagedMatcherBytesAreRefusedOrHarmless() throws {
    let compiled = try bundledLibrary.compiled("technical")
    var writer = ArchiveWriter()
    compiled.matcher.archive(to: &writer)
    let good = writer.finish()
    let text = try Grader(rubric: compiled).analyzer.analyze(
      "At the cost of 20% more latency we cut errors by half; it was a trade-off I would make again.",
      source: "t")
    var refused = 0
    var tried = 0
    for offset in stride(from: 0, to: good.count, by: good.count / 400) {
      var bytes = good
      bytes[offset] ^= 0xFF
      tried += 1
      guard var reader = try? ArchiveReader(bytes),
        let matcher = try? CueMatcher(packs: compiled.rubric.packs, archive: &reader)
      else {
        refused += 1
        continue
      }
      _ = matcher.matches(in: text)
    }
    #expect(refused > tried / 10)
  }

  @Test func aFolderThatCannotBeWrittenOnlyMeansNoCache() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    // The cache folder's place is taken by a file.
    try "".write(toFile: scratch.root + "/cache", atomically: true, encoding: .utf8)
    let compiled = try scratch.compile("behavioral")
    #expect(compiled.rubric.id == "behavioral")
    #expect(!scratch.isCached("behavioral"))
  }

  @Test func theEnvironmentChoosesTheFolder() {
    #expect(RubricCache.standard(environment: ["ANSWER_EVAL_CACHE": "off", "HOME": "/h"]) == nil)
    #expect(RubricCache.standard(environment: ["ANSWER_EVAL_CACHE": "", "HOME": "/h"]) == nil)
    #expect(RubricCache.standard(environment: ["ANSWER_EVAL_CACHE": "/c", "HOME": "/h"])?.folder == "/c")
    #expect(RubricCache.standard(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.folder == "/x/answer-eval")
    #expect(
      RubricCache.standard(environment: ["XDG_CACHE_HOME": "x", "HOME": "/h"])?.folder == "/h/.cache/answer-eval")
    #expect(RubricCache.standard(environment: [:]) == nil)
  }
}
