import AnswerEval
import Foundation
import TestSupport
import Testing

@Suite struct BatchRunnerTests {
  /// Runs a batch and returns its result and the outcomes in the order they were consumed.
  func run(_ options: BatchRunner.Options) throws -> (BatchRunner.Result, [BatchOutcome]) {
    var outcomes: [BatchOutcome] = []
    let result = try BatchRunner(options).run { outcome, _ in outcomes.append(outcome) }
    return (result, outcomes)
  }

  @Test func gradesEveryAnswerInOrderAndMirrorsTheTree() throws {
    let dir = try TemporaryDirectory()
    let names = (0..<40).map { "in/g\($0 % 3)/answer-\($0).md" }
    for (i, name) in names.enumerated() { try dir.write(name, sampleAnswer(i)) }
    try dir.write("in/skip.pdf", "x")
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.outputDirectory = dir.path("out")
    options.jobs = 3
    let (result, outcomes) = try run(options)
    #expect(result.exitCode == 0 && !result.interrupted)
    #expect(result.counts.total == 40 && result.counts.graded == 40 && result.counts.skipped == 1)
    let relative = names.map { String($0.dropFirst(3)) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    #expect(outcomes.map(\.row.path) == relative.map { dir.path("in/" + $0) })
    #expect(try dir.files(under: "out") == relative.map { $0 + ".json" })
    #expect(outcomes.allSatisfy { $0.rendered == nil && $0.row.rubric == "behavioral" && ($0.row.words ?? 0) > 50 })
  }

  @Test func withoutAnOutputFolderReportsAreRenderedForStandardOutput() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", sampleAnswer(1))
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.format = .jsonl
    let (_, outcomes) = try run(options)
    let line = String(decoding: try #require(outcomes.first?.rendered), as: UTF8.self)
    #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
    #expect(line.contains("\"path\":\"\(dir.path("in/a.md"))\""))
  }

  @Test func rubricComesFromFrontMatterThenTheOption() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", "---\nrubric: system-design\n---\n" + sampleAnswer(1))
    try dir.write("in/b.md", sampleAnswer(2))
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.rubric = "deployment-tradeoff"
    let (_, outcomes) = try run(options)
    #expect(outcomes.map(\.row.rubric) == ["system-design", "deployment-tradeoff"])
  }

  @Test func failuresAreRecordedAndTheRestIsGraded() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", sampleAnswer(1))
    try dir.write("in/b.md", bytes: [0x63, 0x61, 0x66, 0xE9])
    try dir.write("in/c.md", "   \n\t\n")
    try dir.write("in/d.md", sampleAnswer(4))
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.outputDirectory = dir.path("out")
    let (result, outcomes) = try run(options)
    #expect(result.exitCode == 2 && result.counts.failed == 2 && result.counts.graded == 2)
    #expect(outcomes.map(\.row.status) == [.graded, .failed, .failed, .graded])
    #expect(outcomes.compactMap(\.error?.id) == ["text.utf8", "input.empty"])
    #expect(try dir.files(under: "out") == ["a.md.json", "d.md.json"])
  }

  @Test func lossyWarnsAndGrades() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/b.md", bytes: Array("We shipped it caf".utf8) + [0xE9])
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.lossy = true
    let (result, outcomes) = try run(options)
    #expect(result.exitCode == 0)
    #expect(
      outcomes[0].warnings == ["\(dir.path("in/b.md")): warning: [text.lossy] replaced 1 invalid byte(s) with U+FFFD"])
  }

  @Test func resumeSkipsAnswersWithNewerReports() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", sampleAnswer(1))
    try dir.write("in/b.md", sampleAnswer(2))
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.outputDirectory = dir.path("out")
    _ = try run(options)
    // b.md changes after its report was written.
    let later = Date().addingTimeInterval(60)
    try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: dir.path("in/b.md"))
    options.resume = true
    let (result, outcomes) = try run(options)
    #expect(outcomes.map(\.row.status) == [.unchanged, .graded])
    #expect(outcomes[0].row.words != nil)  // read back from the report already there
    #expect(result.counts.unchanged == 1 && result.counts.graded == 1 && result.exitCode == 0)
  }

  @Test func outputFolderInsideTheInputIsNotGraded() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", sampleAnswer(1))
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.outputDirectory = dir.path("in/reports")
    options.format = .jsonl
    options.include = [GlobPattern("*")]
    _ = try run(options)
    let (result, _) = try run(options)
    #expect(result.counts.total == 1)
  }

  @Test func minScoreCountsAnswersBelowIt() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", sampleAnswer(1))
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.minScore = 100.5
    let (below, _) = try run(options)
    #expect(below.belowMinScore == 1 && below.exitCode == 1)
    options.minScore = 0
    let (above, _) = try run(options)
    #expect(above.belowMinScore == 0 && above.exitCode == 0)
  }

  @Test func exitCodePrecedence() {
    var counts = SummaryAggregates.Counts()
    #expect(BatchRunner.Result(counts: counts, interrupted: false, belowMinScore: 1).exitCode == 1)
    counts.failed = 1
    #expect(BatchRunner.Result(counts: counts, interrupted: false, belowMinScore: 1).exitCode == 2)
    #expect(BatchRunner.Result(counts: counts, interrupted: true, belowMinScore: 1).exitCode == 130)
  }

  @Test func cancelStopsEarlyAndTheSummarySaysSo() throws {
    let dir = try TemporaryDirectory()
    for i in 0..<300 { try dir.write("in/\(i).md", sampleAnswer(i, words: 30)) }
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.outputDirectory = dir.path("out")
    options.summaryPath = dir.path("s.json")
    options.jobs = 2
    let runner = try BatchRunner(options)
    let result = try runner.run { _, progress in if progress.done == 10 { runner.cancel() } }
    #expect(result.interrupted && result.exitCode == 130)
    let processed = result.counts.total - result.counts.notProcessed
    #expect(processed >= 10 && processed < 300)
    #expect(try dir.files(under: "out").count == processed)
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("s.json"))))
    let object = summary as! [String: Any]
    #expect(object["interrupted"] as? Bool == true)
    #expect((object["answers"] as! [Any]).count == processed)
  }

  @Test func unwritableSummaryFailsBeforeGrading() throws {
    let dir = try TemporaryDirectory()
    var options = BatchRunner.Options(roots: [dir.path("in")])
    options.summaryPath = dir.path("no/such/folder/s.csv")
    #expect(throws: BatchError.self) { try BatchRunner(options) }
  }
}
