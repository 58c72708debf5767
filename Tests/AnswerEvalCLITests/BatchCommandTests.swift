import Foundation
import TestSupport
import Testing

@Suite struct BatchCommandTests {
  /// The acceptance fixture: good answers among an invalid-UTF-8 file, a binary file, an empty file and an
  /// unreadable one. Root reads a `chmod 000` file, so there the unreadable entry is a dangling symbolic link.
  func faultyFolder() throws -> (TemporaryDirectory, unreadable: String) {
    let dir = try TemporaryDirectory()
    for i in 1...3 { try dir.write("in/good/answer-\(i).md", sampleAnswer(i)) }
    try dir.write("in/good/notes.txt", sampleAnswer(4))
    try dir.write("in/bad-utf8.md", bytes: Array("We cut costs caf".utf8) + [0xE9, 0x20, 0x21])
    try dir.write("in/binary.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
    try dir.write("in/empty.md", "")
    if runningAsRoot {
      try dir.link("in/unreadable.md", to: dir.path("in/gone.md"))
      return (dir, "input.broken-link")
    }
    try dir.write("in/unreadable.md", sampleAnswer(5))
    chmod(dir.path("in/unreadable.md"), 0)
    return (dir, "input.permission")
  }

  @Test func faultyFilesAreRecordedAndEveryGoodFileIsGraded() throws {
    let (dir, unreadable) = try faultyFolder()
    let result = try CLI.run(["batch", "in", "--out", "out", "--summary", "summary.csv"], directory: dir.path)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      try dir.files(under: "out") == [
        "good/answer-1.md.json", "good/answer-2.md.json", "good/answer-3.md.json", "good/notes.txt.json",
      ])
    let csv = try String(contentsOfFile: dir.path("summary.csv"), encoding: .utf8)
    let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    // Columns: path, rubric, score, one per criterion, words, status, error, reason.
    let status = try #require(rows.first?.firstIndex(of: "status"))
    let failed = rows.filter { $0.count > status + 1 && $0[status] == "failed" }.map { "\($0[0]) \($0[status + 1])" }
    #expect(
      failed == [
        "in/bad-utf8.md text.utf8", "in/binary.md text.binary", "in/empty.md input.empty",
        "in/unreadable.md \(unreadable)",
      ])
    #expect(csv.contains("#aggregate,failed,4,") && csv.contains("#aggregate,graded,4,"))
    // Each failure on standard error as `path: error: [id] reason`, in input order.
    let errors = result.stderr.split(separator: "\n").map(String.init)
    #expect(errors.count == 4)
    #expect(errors[0].hasPrefix("in/bad-utf8.md:1:17: error: [text.utf8] invalid UTF-8 at byte offset 16"))
    #expect(errors[1].hasPrefix("in/binary.md:3:1: error: [text.binary] not a text file"))
    #expect(
      errors[2]
        == "in/empty.md: error: [input.empty] is empty or only white space; write the answer in the file, or remove it")
    #expect(errors[3].hasPrefix("in/unreadable.md: error: [\(unreadable)]"))
  }

  @Test func jsonlStreamsOneValidLinePerAnswerInInputOrder() throws {
    let dir = try TemporaryDirectory()
    let names = (0..<25).map { "in/\(["b", "a", "c"][$0 % 3])/\($0).md" }
    for (i, name) in names.enumerated() { try dir.write(name, sampleAnswer(i, words: 20 + i)) }
    let result = try CLI.run(["batch", "in", "--format", "jsonl", "--jobs", "3"], directory: dir.path)
    #expect(result.status == 0 && result.stderr == "")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 25 && result.stdout.hasSuffix("}\n"))
    let paths = try lines.map { line -> String in
      let report = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      return (report["source"] as! [String: Any])["path"] as! String
    }
    #expect(paths == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  @Test func jsonWithoutOutIsAStreamOfReports() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", sampleAnswer(1))
    let result = try CLI.run(["batch", "in", "--format", "json"], directory: dir.path)
    #expect(result.status == 0 && result.stdout.hasPrefix("{\n") && result.stdout.hasSuffix("}\n"))
  }

  @Test func summaryJSONCountsAndRubricColumn() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", "---\nrubric: technical\n---\n" + sampleAnswer(1))
    try dir.write("in/b.md", sampleAnswer(2))
    try dir.write("in/c.png", "x")
    let result = try CLI.run(
      ["batch", "in", "--out", "out", "--summary", "s.json", "--rubric", "deployment-tradeoff"], directory: dir.path)
    #expect(result.status == 0 && result.stdout == "" && result.stderr == "")
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("s.json"))))
    let object = summary as! [String: Any]
    #expect(
      (object["answers"] as! [[String: Any]]).map { $0["rubric"] as! String } == [
        "technical", "deployment-tradeoff",
      ])
    #expect((object["counts"] as! [String: Int])["skipped"] == 1)
  }

  @Test func includeAndExclude() throws {
    let dir = try TemporaryDirectory()
    for name in ["a.md", "b.answer", "drafts/c.md", "d.txt"] { try dir.write("in/" + name, sampleAnswer(1)) }
    let result = try CLI.run(
      ["batch", "in", "--include", "*.md", "--include", "*.answer", "--exclude", "drafts"], directory: dir.path)
    #expect(result.status == 0)
    #expect(
      result.stdout.split(separator: "\n").map { $0.contains("\"path\":\"in/a.md\"") || $0.contains("in/b.answer") }
        == [true, true])
  }

  @Test func symlinkInsideOutIsNeverWrittenThrough() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/sub/a.md", sampleAnswer(1))
    try dir.write("in/b.md", sampleAnswer(2))
    try dir.folder("outside")
    try dir.folder("out")
    try dir.link("out/sub", to: dir.path("outside"))
    let result = try CLI.run(["batch", "in", "--out", "out"], directory: dir.path)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("out/sub: error: [output.symlink] is a symbolic link"))
    #expect(try dir.files(under: "outside") == [])
    #expect(try dir.files(under: "out") == ["b.md.json"])
  }

  @Test func quietHidesWarningsButNotErrors() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", bytes: Array("We shipped caf".utf8) + [0xE9])
    try dir.write("in/b.md", "")
    let loud = try CLI.run(["batch", "in", "--lossy"], directory: dir.path)
    #expect(
      loud.stderr.contains("in/a.md: warning: [text.lossy]") && loud.stderr.contains("in/b.md: error: [input.empty]"))
    let quiet = try CLI.run(["batch", "in", "--lossy", "--quiet", "--progress", "always"], directory: dir.path)
    #expect(quiet.status == 2)
    #expect(
      quiet.stderr
        == "in/b.md: error: [input.empty] is empty or only white space; write the answer in the file, or remove it\n")
  }

  @Test func progressOnlyWhenAskedOffATerminal() throws {
    let dir = try TemporaryDirectory()
    for i in 0..<3 { try dir.write("in/\(i).md", sampleAnswer(i)) }
    #expect(try CLI.run(["batch", "in"], directory: dir.path).stderr == "")
    let shown = try CLI.run(["batch", "in", "--progress", "always"], directory: dir.path)
    let last = try #require(shown.stderr.split(separator: "\n").last)
    #expect(last.hasPrefix("3/3 answers, ") && last.hasSuffix(", 0 failed") && !shown.stderr.contains("\r"))
  }

  @Test func resumeRegradesOnlyChangedAnswers() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", sampleAnswer(1))
    try dir.write("in/b.md", sampleAnswer(2))
    #expect(try CLI.run(["batch", "in", "--out", "out"], directory: dir.path).status == 0)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: dir.path("in/b.md"))
    let result = try CLI.run(["batch", "in", "--out", "out", "--resume", "--summary", "s.csv"], directory: dir.path)
    #expect(result.status == 0)
    let csv = try String(contentsOfFile: dir.path("s.csv"), encoding: .utf8)
    // a.md's row is read back from its report (unchanged); b.md is graded again.
    let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
      $0.split(separator: ",").map(String.init)
    }
    let a = try #require(rows.first { $0.first == "in/a.md" })
    let b = try #require(rows.first { $0.first == "in/b.md" })
    #expect(a[1] == "behavioral" && a.contains("unchanged"))
    #expect(b[1] == "behavioral" && b.contains("graded"))
  }

  @Test func interruptStopsCleanlyWritesTheSummaryAndExits130() throws {
    let dir = try TemporaryDirectory()
    for i in 0..<3000 { try dir.write("in/\(i / 100)/\(i).md", sampleAnswer(i, words: 150)) }
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["batch", "in", "--out", "out", "--summary", "s.json", "--jobs", "2"]
    process.currentDirectoryURL = URL(fileURLWithPath: dir.path)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait for the first report, then press Ctrl-C.
    let deadline = Date().addingTimeInterval(60)
    while (try? dir.files(under: "out").isEmpty) ?? true, Date() < deadline { usleep(20_000) }
    process.interrupt()
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    let reports = try dir.files(under: "out")
    #expect(reports.allSatisfy { $0.hasSuffix(".md.json") })  // no temporary files
    for report in reports.prefix(50) {
      #expect(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/" + report))))
          is [String: Any])
    }
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("s.json"))))
    let object = summary as! [String: Any]
    let counts = object["counts"] as! [String: Int]
    #expect(object["interrupted"] as? Bool == true)
    #expect(
      counts["total"] == 3000 && counts["graded"] == reports.count && counts["notProcessed"] == 3000 - reports.count)
    #expect(reports.count < 3000)
  }

  @Test func usageErrorsExit64() throws {
    for arguments in [
      ["batch"], ["batch", "in", "--resume"], ["batch", "in", "--summary", "s.txt"],
      ["batch", "in", "--format", "nope"],
      ["batch", "in", "--jobs", "0"], ["batch", "a/x", "b/x", "--out", "o"], ["batch", "in", "--min-score", "101"],
    ] {
      let result = try CLI.run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stdout == "")
    }
  }

  @Test func missingFolderFailsWithExit2() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["batch", "nope"], directory: dir.path)
    #expect(result.status == 2 && result.stderr == "nope: error: [input.missing] no such file; check the path\n")
  }

  @Test func helpShowsAnExample() throws {
    let help = try CLI.run(["batch", "--help"])
    #expect(help.status == 0 && help.stdout.contains("answer-eval batch Corpora/mock-responses --out reports"))
  }

  @Test func htmlIndexListsEveryMockResponseAndLinksItsPage() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run([
      "batch", "Corpora/mock-responses", "--out", dir.path("reports"), "--format", "html", "--html-index",
      dir.path("index.html"), "--quiet",
    ])
    #expect(result.status == 0 && result.stdout == "")
    let index = try String(contentsOfFile: dir.path("index.html"), encoding: .utf8)
    let answers = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Corpora/mock-responses"))
      .filter { $0.hasSuffix(".md") }
    #expect(answers.count == 30)
    for answer in answers {
      #expect(index.contains("href=\"reports/\(answer).html\""), "\(answer) is not linked")
      #expect(FileManager.default.fileExists(atPath: dir.path("reports/\(answer).html")))
    }
  }
}
