import AnswerEval
import TestSupport
import Testing

/// Every `match:`/`no_match:` example of every bundled cue pack, and every detector's own examples, as
/// tests. A failure is reported at the example's own YAML (or Swift) file and line.
@Suite struct ExampleRunnerTests {
  func record(_ failures: [ExampleRunner.Failure]) {
    for failure in failures {
      let path = failure.location.file.hasPrefix("/") ? failure.location.file : Repository.path(failure.location.file)
      Issue.record(
        Comment(rawValue: failure.description),
        sourceLocation: SourceLocation(
          fileID: "AnswerEval/\(failure.location.file)", filePath: path, line: max(1, failure.location.line),
          column: max(1, failure.location.column)))
    }
  }

  @Test func everyCueExampleOfEveryBundledPack() throws {
    let catalog = RubricCatalog(folders: [Repository.path("Rubrics")])
    let loader = try RubricLoader(catalog: catalog)
    let runner = try ExampleRunner()
    var seen: Set<String> = []
    var total = 0
    for (_, file) in catalog.files() {
      for pack in try loader.load(file: file).packs where seen.insert(pack.file).inserted {
        let result = runner.check(pack)
        total += result.examples
        record(result.failures)
      }
    }
    #expect(total > 50)
  }

  @Test func everyCueOfEveryBundledPackHasExamplesBothWays() throws {
    let catalog = RubricCatalog(folders: [Repository.path("Rubrics")])
    let loader = try RubricLoader(catalog: catalog)
    var seen: Set<String> = []
    for (_, file) in catalog.files() {
      for pack in try loader.load(file: file).packs where seen.insert(pack.file).inserted {
        for cue in pack.cues {
          #expect(!cue.matchExamples.isEmpty, "\(pack.file): cue `\(cue.id)` has no match: example")
          #expect(!cue.noMatchExamples.isEmpty, "\(pack.file): cue `\(cue.id)` has no no_match: example")
        }
      }
    }
    #expect(seen.count >= 10)
  }

  @Test func everyDetectorHasExamplesBothWays() {
    for descriptor in DetectorRegistry.all {
      #expect(descriptor.examples.contains { $0.detected }, "detector `\(descriptor.id)` has no detected example")
      #expect(descriptor.examples.contains { !$0.detected }, "detector `\(descriptor.id)` has no not-detected example")
    }
  }

  @Test func everyDetectorExample() throws {
    let result = try ExampleRunner().checkDetectors(library: bundledLibrary)
    record(result.failures)
    #expect(result.examples >= DetectorRegistry.all.count)
  }

  @Test func aWrongExampleIsReportedAtItsLine() throws {
    let runner = try ExampleRunner()
    var pack = try behavioral().rubric.packs.first { $0.id == "star.en" }!
    var cue = pack.cues.first { $0.id == "result.outcome" }!
    cue.matchExamples = [CueExample(text: "⟦Churn⟧ fell.", location: FileLocation(file: "x.yaml", line: 7, column: 9))]
    cue.noMatchExamples = []
    pack.cues = [cue]
    let result = runner.check(pack)
    #expect(
      result.failures.map(\.description) == [
        "x.yaml:7:9: error: [rubric.star.en] cue `result.outcome`: expected a match on “Churn”, found none"
      ])
  }
}
