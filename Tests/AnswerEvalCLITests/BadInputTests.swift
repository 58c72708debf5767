import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bad-input matrix of `answer-eval score`: one row per kind of hostile input, each with the exact
/// message on standard error and the exit code (0 graded, 2 not processed, 64 usage). The README's "Bad
/// input" table lists the same rows. Small inputs are committed in `Fixtures/bad-input/`; big or special
/// ones (50 MB, a 200,000-character line, a FIFO, an unreadable file, symbolic links) are made here in a
/// temporary folder.
@Suite struct BadInputTests {
  /// One row of the matrix: `answer-eval arguments…` (with `stdin`) exits with `status` and prints `stderr`.
  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var stdin: [UInt8]? = nil
    var status: Int32
    var stderr: String

    var testDescription: String { name }
  }

  static let empty = "error: [input.empty] is empty or only white space; write the answer in the file, or remove it\n"
  static let notText = "give a plain-text or Markdown answer (UTF-8 or UTF-16)\n"
  static let notUTF16 = "(an odd number of bytes or an unpaired surrogate); save the file as UTF-8\n"
  static let anchors = "anchors and aliases (&name, *name) are not allowed in rubric files; write the values out\n"

  static let rows: [Row] = [
    Row(
      name: "empty file", arguments: ["score", "Fixtures/bad-input/empty.txt"], status: 2,
      stderr: "Fixtures/bad-input/empty.txt: " + empty),
    Row(name: "empty standard input", arguments: ["score", "-"], stdin: [], status: 2, stderr: "<stdin>: " + empty),
    Row(
      name: "white space only (spaces, tabs, CR LF, no-break and ideographic spaces)",
      arguments: ["score", "Fixtures/bad-input/whitespace-only.txt"], status: 2,
      stderr: "Fixtures/bad-input/whitespace-only.txt: " + empty),
    Row(name: "one word", arguments: ["score", "Fixtures/bad-input/one-word.txt"], status: 0, stderr: ""),
    Row(
      name: "binary data (a PNG image)", arguments: ["score", "Fixtures/bad-input/binary.png"], status: 2,
      stderr: "Fixtures/bad-input/binary.png:3:1: error: [text.binary] not a text file: it contains a NUL byte at "
        + "byte offset 8; " + notText),
    Row(
      name: "invalid UTF-8", arguments: ["score", "Fixtures/bad-input/invalid-utf8.txt"], status: 2,
      stderr: "Fixtures/bad-input/invalid-utf8.txt:2:8: error: [text.utf8] invalid UTF-8 at byte offset 28 "
        + "(byte 0xE9); save the file as UTF-8, or pass --lossy to replace bad bytes with U+FFFD\n"),
    Row(
      name: "UTF-16 with an odd number of bytes", arguments: ["score", "Fixtures/bad-input/utf16-odd-length.txt"],
      status: 2,
      stderr: "Fixtures/bad-input/utf16-odd-length.txt:2:1: error: [text.utf16] malformed UTF-16 at byte offset 32 "
        + notUTF16),
    Row(
      name: "UTF-16 with an unpaired surrogate",
      arguments: ["score", "Fixtures/bad-input/utf16-unpaired-surrogate.txt"], status: 2,
      stderr: "Fixtures/bad-input/utf16-unpaired-surrogate.txt:1:12: error: [text.utf16] malformed UTF-16 at byte "
        + "offset 24 " + notUTF16),
    Row(
      name: "a NUL byte", arguments: ["score", "Fixtures/bad-input/nul-bytes.txt"], status: 2,
      stderr: "Fixtures/bad-input/nul-bytes.txt:1:19: error: [text.binary] not a text file: it contains a NUL byte "
        + "at byte offset 18; " + notText),
    Row(
      name: "mostly C0 control characters", arguments: ["score", "Fixtures/bad-input/control-characters.txt"],
      status: 2,
      stderr: "Fixtures/bad-input/control-characters.txt:2:1: error: [text.binary] not a text file: 13 of its first "
        + "27 characters are control characters (the first at character 5); " + notText),
    Row(
      name: "a few C0 control characters in prose", arguments: ["score", "Fixtures/answers/control-characters.txt"],
      status: 0, stderr: ""),
    Row(
      name: "a directory given as a file", arguments: ["score", "Fixtures/bad-input"], status: 2,
      stderr: "Fixtures/bad-input: error: [input.directory] is a directory; grade a folder with "
        + "`answer-eval batch Fixtures/bad-input`\n"),
    Row(
      name: "a missing file", arguments: ["score", "Fixtures/bad-input/no-such-file.txt"], status: 2,
      stderr: "Fixtures/bad-input/no-such-file.txt: error: [input.missing] no such file; check the path\n"),
    Row(
      name: "a file over --max-bytes", arguments: ["score", "Fixtures/bad-input/one-word.txt", "--max-bytes", "4"],
      status: 2,
      stderr: "Fixtures/bad-input/one-word.txt: error: [input.too-large] is at least 6 bytes, over the limit of 4 "
        + "bytes; split the answer or raise --max-bytes\n"),
    Row(
      name: "standard input over --max-bytes", arguments: ["score", "-", "--max-bytes", "4"],
      stdin: Array("We shipped.".utf8), status: 2,
      stderr: "<stdin>: error: [input.too-large] is at least 11 bytes, over the limit of 4 bytes; split the answer "
        + "or raise --max-bytes\n"),
    Row(
      name: "a rubric with a YAML syntax error",
      arguments: ["score", "Fixtures/bad-input/one-word.txt", "--rubric", "Fixtures/rubrics/broken/yaml-syntax.yaml"],
      status: 2,
      stderr: "Fixtures/rubrics/broken/yaml-syntax.yaml:5:1: error: [rubric.yaml-syntax] YAML syntax error: found "
        + "unexpected end of stream while scanning a quoted scalar (from line 3, column 8)\n"),
    Row(
      name: "a rubric with an unknown detector",
      arguments: [
        "score", "Fixtures/bad-input/one-word.txt", "--rubric", "Fixtures/rubrics/broken/unknown-detector.yaml",
      ],
      status: 2,
      stderr: "Fixtures/rubrics/broken/unknown-detector.yaml:12:15: error: [rubric.unknown-detector] unknown detector "
        + "`star-sections`; did you mean `star-section`?\n"),
    Row(
      name: "a rubric with a cyclic extends",
      arguments: ["score", "Fixtures/bad-input/one-word.txt", "--rubric", "Fixtures/rubrics/broken/cycle-a.yaml"],
      status: 2,
      stderr: "Fixtures/rubrics/broken/cycle-a.yaml:3:10: error: [rubric.cycle-a] cyclic `extends`: cycle-a → "
        + "cycle-b → cycle-a; remove one of the links\n"),
    Row(
      name: "a rubric that is an alias bomb (billion laughs)",
      arguments: ["score", "Fixtures/bad-input/one-word.txt", "--rubric", "Fixtures/rubrics/broken/alias-bomb.yaml"],
      status: 2, stderr: "Fixtures/rubrics/broken/alias-bomb.yaml:3:4: error: [rubric.alias-bomb] " + anchors),
    Row(
      name: "a rubric whose mapping key is an alias bomb",
      arguments: [
        "score", "Fixtures/bad-input/one-word.txt", "--rubric", "Fixtures/rubrics/broken/alias-key-bomb.yaml",
      ],
      status: 2, stderr: "Fixtures/rubrics/broken/alias-key-bomb.yaml:3:4: error: [rubric.alias-key-bomb] " + anchors),
  ]

  /// Every row finishes quickly; the alias bombs in particular are refused, never expanded (expanding the key
  /// bomb took over two minutes). `RubricLoaderTests` holds the library to half a second.
  @Test(arguments: rows)
  func row(_ row: Row) throws {
    let clock = ContinuousClock()
    var result: CommandResult?
    let elapsed = try clock.measure { result = try CLI.run(row.arguments, stdin: row.stdin.map { Data($0) }) }
    #expect(result?.status == row.status)
    #expect(result?.stderr == row.stderr)
    #expect(row.status == 0 ? result?.stdout.hasPrefix("{\n  \"criteria\" : [") == true : result?.stdout == "")
    #expect(elapsed < .seconds(10))
  }

  /// UTF-16 with or without a byte-order mark grades exactly like the same text in UTF-8.
  @Test(arguments: ["utf16le-bom.txt", "utf16be-bom.txt", "utf16le-no-bom.txt", "utf16be-no-bom.txt"])
  func utf16IsGradedLikeUTF8(file: String) throws {
    let path = "Fixtures/bad-input/" + file
    let utf8 = Data("We cut the build time from 40 minutes to 12 minutes.\n".utf8)
    let result = try CLI.run(["score", path, "--format", "json"])
    #expect(result.status == 0 && result.stderr == "")
    #expect(
      result.stdout == (try CLI.run(["score", "-", "--stdin-name", path, "--format", "json"], stdin: utf8)).stdout)
  }

  /// Loses nothing: with every bad input and two good answers in one call, the good ones are graded, in
  /// order, every problem is reported, in order, and the exit code is 2.
  @Test func everyInputIsReportedAndTheGoodOnesAreStillGraded() throws {
    let rows = Self.rows.filter { $0.stdin == nil && $0.arguments.count == 2 }
    let files = rows.map { $0.arguments[1] }
    let result = try CLI.run(["score"] + files + ["Corpora/examples/answer.md", "--format", "jsonl"])
    #expect(result.status == 2)
    #expect(result.stderr == rows.map(\.stderr).joined())
    let paths = try result.stdout.split(separator: "\n").map { line in
      let report = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return (report?["source"] as? [String: Any])?["path"] as? String
    }
    #expect(paths == (rows.filter { $0.status == 0 }.map { $0.arguments[1] } + ["Corpora/examples/answer.md"]))
  }

  @Test func aNonPositiveMaxBytesIsAUsageError() throws {
    let result = try CLI.run(["score", "Fixtures/bad-input/one-word.txt", "--max-bytes", "0"])
    #expect(result.status == 64 && result.stdout == "")
    #expect(result.stderr.hasPrefix("Error: --max-bytes must be a positive number of bytes.\n"))
  }

  // MARK: Made at test time

  /// One 200,000-character line: no spaces, or hostile Markdown (each `[` or `[a](` once scanned to the end
  /// of the line: minutes for one answer).
  @Test(arguments: ["x", "[", "[a](", "`` `"])
  func aLineOf200000CharactersIsGraded(unit: String) throws {
    let folder = try TemporaryDirectory()
    let line = String(repeating: unit, count: 200_000 / unit.count)
    try folder.write("line.txt", bytes: Array(line.utf8) + [0x0A])
    let clock = ContinuousClock()
    var result: CommandResult?
    let elapsed = try clock.measure {
      result = try CLI.run(["score", "line.txt", "--format", "jsonl"], directory: folder.path)
    }
    #expect(result?.status == 0)
    #expect(result?.stderr == "")
    #expect(result?.stdout.hasPrefix("{\"criteria\":[") == true)
    #expect(elapsed < .seconds(60))
  }

  @Test func aFIFOIsReadToItsEnd() throws {
    let folder = try TemporaryDirectory()
    let fifo = folder.path("answer.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = Thread {
      // Opening for writing waits for the reader, `answer-eval`.
      let handle = FileHandle(forWritingAtPath: fifo)
      handle?.write(Data("We shipped it on Friday.\n".utf8))
      try? handle?.close()
    }
    writer.start()
    let result = try CLI.run(["score", "answer.fifo", "--format", "jsonl"], directory: folder.path)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.contains("\"path\":\"answer.fifo\""))
  }

  @Test func aSymbolicLinkLoopIsReported() throws {
    let folder = try TemporaryDirectory()
    try folder.link("loop-a.md", to: "loop-b.md")
    try folder.link("loop-b.md", to: "loop-a.md")
    let result = try CLI.run(["score", "loop-a.md"], directory: folder.path)
    #expect(result.status == 2 && result.stdout == "")
    #expect(
      result.stderr == "loop-a.md: error: [input.symlink-loop] is a loop of symbolic links; fix the link or remove it\n"
    )
  }

  @Test func aDanglingSymbolicLinkIsReported() throws {
    let folder = try TemporaryDirectory()
    try folder.link("link.md", to: "gone.md")
    let result = try CLI.run(["score", "link.md"], directory: folder.path)
    #expect(result.status == 2 && result.stdout == "")
    #expect(
      result.stderr == "link.md: error: [input.broken-link] is a symbolic link to nothing; fix the link or remove it\n")
  }

  // MARK: batch

  /// The batch rows: a folder of bad inputs, with symbolic-link loops (a file loop, and a folder link back up
  /// the tree, which must not be walked forever), is graded to the end; every bad file is named once.
  @Test func aBatchFolderOfBadInputsIsGradedToTheEnd() throws {
    let folder = try TemporaryDirectory()
    try folder.write("in/good.md", bytes: Array(try Data(contentsOf: Repository.url("Corpora/examples/answer.md"))))
    try folder.write("in/empty.md", "")
    try folder.write("in/blank.md", " \n\t\n")
    try folder.write(
      "in/binary.md", bytes: Array(try Data(contentsOf: Repository.url("Fixtures/bad-input/binary.png"))))
    try folder.write("in/latin1.md", bytes: Array("caf".utf8) + [0xE9])
    try folder.link("in/loop-a.md", to: "loop-b.md")
    try folder.link("in/loop-b.md", to: "loop-a.md")
    try folder.link("in/dangling.md", to: "gone.md")
    try folder.folder("in/sub")
    try folder.link("in/sub/up", to: "..")
    #expect(mkfifo(folder.path("in/pipe.md"), 0o600) == 0)
    let result = try CLI.run(["batch", "in", "--format", "jsonl"], directory: folder.path)
    #expect(result.status == 2)
    #expect(
      result.stderr == """
        in/binary.md:3:1: error: [text.binary] not a text file: it contains a NUL byte at byte offset 8; \
        give a plain-text or Markdown answer (UTF-8 or UTF-16)
        in/blank.md: \(Self.empty)\
        in/dangling.md: error: [input.broken-link] is a symbolic link to nothing; fix the link or remove it
        in/empty.md: \(Self.empty)\
        in/latin1.md:1:4: error: [text.utf8] invalid UTF-8 at byte offset 3 (byte 0xE9); save the file as UTF-8, \
        or pass --lossy to replace bad bytes with U+FFFD
        in/loop-a.md: error: [input.symlink-loop] is a loop of symbolic links; fix the link or remove it
        in/loop-b.md: error: [input.symlink-loop] is a loop of symbolic links; fix the link or remove it
        in/pipe.md: error: [input.not-file] is a named pipe, not a regular file; remove it or exclude it with --exclude

        """)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stdout.contains("\"path\":\"in/good.md\""))
  }

  /// A loop of symbolic links in a batch folder (a link to itself, and two links to each other in a
  /// subfolder) is named once per link, in path order, and the batch keeps going: the answers before, between
  /// and after the loops are graded and written, on two threads, and the summary records each loop.
  @Test func aSymbolicLinkLoopInABatchFolderIsNamedAndTheOthersAreGraded() throws {
    let folder = try TemporaryDirectory()
    try folder.write("in/a.md", sampleAnswer(1))
    try folder.link("in/b.md", to: "b.md")
    try folder.write("in/c.md", sampleAnswer(2))
    try folder.folder("in/d")
    try folder.link("in/d/loop-a.md", to: "loop-b.md")
    try folder.link("in/d/loop-b.md", to: "loop-a.md")
    try folder.write("in/e.md", sampleAnswer(3))
    let result = try CLI.run(
      ["batch", "in", "--out", "out", "--summary", "summary.csv", "--jobs", "2"], directory: folder.path)
    #expect(result.status == 2 && result.stdout == "")
    let loop = ": error: [input.symlink-loop] is a loop of symbolic links; fix the link or remove it\n"
    #expect(result.stderr == "in/b.md" + loop + "in/d/loop-a.md" + loop + "in/d/loop-b.md" + loop)
    #expect(try folder.files(under: "out") == ["a.md.json", "c.md.json", "e.md.json"])
    // Summary columns: path, rubric, score, one per criterion, words, status, error, reason.
    let rows = try String(contentsOfFile: folder.path("summary.csv"), encoding: .utf8).components(separatedBy: "\r\n")
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let status = try #require(rows.first?.firstIndex(of: "status"))
    let answers = rows.dropFirst().filter { $0.count > status + 2 && !$0[0].hasPrefix("#") }
    #expect(
      answers.map { [$0[0], $0[status], $0[status + 1], $0[status + 2]].joined(separator: " ") } == [
        "in/a.md graded  ", "in/b.md failed input.symlink-loop is a loop of symbolic links; fix the link or remove it",
        "in/c.md graded  ",
        "in/d/loop-a.md failed input.symlink-loop is a loop of symbolic links; fix the link or remove it",
        "in/d/loop-b.md failed input.symlink-loop is a loop of symbolic links; fix the link or remove it",
        "in/e.md graded  ",
      ])
  }

  // MARK: Permission denied

  /// A file even root cannot read: sysctl files check their mode bits for root too, and this one is write-only.
  static let unreadableForRoot = "/proc/sys/vm/compact_memory"
  static let rootHasAnUnreadableFile: Bool = {
    let fd = open(unreadableForRoot, O_RDONLY)
    if fd >= 0 { close(fd) }
    return fd < 0 && errno == EACCES
  }()

  @Test(.enabled(if: !runningAsRoot, "root reads a chmod 000 file; see permissionDeniedAsRoot"))
  func permissionDenied() throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("secret.md", "We shipped it.\n")
    #expect(chmod(path, 0) == 0)
    let result = try CLI.run(["score", "secret.md"], directory: folder.path)
    #expect(result.status == 2 && result.stdout == "")
    #expect(
      result.stderr == "secret.md: error: [input.permission] permission denied; make the file readable (chmod +r)\n")
  }

  @Test(.enabled(if: runningAsRoot && rootHasAnUnreadableFile, "not root, or \(unreadableForRoot) is readable here"))
  func permissionDeniedAsRoot() throws {
    let result = try CLI.run(["score", Self.unreadableForRoot])
    #expect(result.status == 2 && result.stdout == "")
    #expect(
      result.stderr == "\(Self.unreadableForRoot): error: [input.permission] permission denied; "
        + "make the file readable (chmod +r)\n")
  }

  // MARK: 50 MB

  /// Set `ANSWER_EVAL_LARGE_INPUT=1` to run the 50 MB rows: a debug build grades about 0.15 MB/s, so they take
  /// minutes there. `.ci/run` runs them against the release binary (`ANSWER_EVAL_BIN`).
  static let largeInput = ProcessInfo.processInfo.environment["ANSWER_EVAL_LARGE_INPUT"] == "1"

  /// A 50 MiB answer (the bundled example answer, repeated) is graded, and in linear time: ten times the text
  /// takes less than twenty times as long as 5 MiB (quadratic would be a hundred times).
  @Test(
    .enabled(if: largeInput, "set ANSWER_EVAL_LARGE_INPUT=1 (minutes in a debug build; .ci/run does it)"),
    .timeLimit(.minutes(30)))
  func a50MiBAnswerIsGradedInLinearTime() throws {
    let folder = try TemporaryDirectory()
    let answer = Array(try Data(contentsOf: Repository.url("Corpora/examples/answer.md"))) + [0x0A]
    func timeToGrade(mebibytes: Int) throws -> Duration {
      var bytes: [UInt8] = []
      while bytes.count < mebibytes << 20 { bytes += answer }
      try folder.write("answer-\(mebibytes).md", bytes: Array(bytes.prefix(mebibytes << 20)))
      let clock = ContinuousClock()
      var result: CommandResult?
      let elapsed = try clock.measure {
        result = try CLI.run(
          ["score", "answer-\(mebibytes).md", "--format", "jsonl", "--output", "report-\(mebibytes).jsonl"],
          directory: folder.path)
      }
      #expect(result?.status == 0)
      #expect(result?.stderr == "" && result?.stdout == "")
      let report = FileManager.default.contents(atPath: folder.path("report-\(mebibytes).jsonl")) ?? Data()
      #expect(report.starts(with: Data("{\"criteria\":[".utf8)) && report.last == 0x0A)
      try FileManager.default.removeItem(atPath: folder.path("report-\(mebibytes).jsonl"))
      print("answer-eval score: \(mebibytes) MiB graded in \(elapsed)")
      return elapsed
    }
    let small = try timeToGrade(mebibytes: 5)
    let large = try timeToGrade(mebibytes: 50)
    #expect(large < small * 20)
  }
}
