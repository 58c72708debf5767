import AnswerEvalXML
import Foundation
import TestSupport
import Testing

@Suite struct ScoreCommandTests {
  private static let hasScript = PseudoTerminal.script != nil

  private func schema() throws -> XMLSchema { try XMLSchema(path: Repository.path("Schemas/report-v1.xsd")) }

  /// A new empty folder for files a test writes.
  private func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("answer-eval-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func runOnTerminal(_ arguments: [String], setup: String = "", environment: [String: String]) throws
    -> CommandResult
  {
    try PseudoTerminal.run(arguments, setup: setup, environment: environment)
  }

  // MARK: XML

  @Test func xmlOfAnAnswerWithControlCharactersIsWellFormedAndValid() throws {
    let result = try CLI.run(
      ["score", "-", "--format", "xml"], stdin: Data("We cut costs by 20%\u{1}\u{2} in Q3.".utf8))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(try schema().validate(Array(result.stdoutBytes)) == [])
  }

  @Test func forbiddenCharactersInTheStdinNameAreReplacedAndCounted() throws {
    let result = try CLI.run(
      ["score", "-", "--format", "xml", "--stdin-name", "candidate\u{1B}17"], stdin: Data("We shipped it.".utf8))
    #expect(try schema().validate(Array(result.stdoutBytes)) == [])
    #expect(result.stdout.contains("replaced-characters=\"1\""))
    #expect(result.stdout.contains("<source path=\"candidate\u{FFFD}17\""))
  }

  @Test func severalInputsAsXMLAreOneValidDocument() throws {
    let result = try CLI.run([
      "score", "Fixtures/answers/star-labelled.md", "no-such-file.md", "Fixtures/answers/non-english.md",
      "--format", "xml",
    ])
    #expect(result.status == 2)
    #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reports xmlns="))
    #expect(result.stdout.components(separatedBy: "<report ").count == 3)
    #expect(try schema().validate(Array(result.stdoutBytes)) == [])
  }

  // MARK: Text and colour

  @Test func textIntoAPipeHasNoEscapeSequences() throws {
    let result = try CLI.run(
      ["score", "Fixtures/answers/control-characters.txt", "--format", "text"], environment: ["NO_COLOR": ""])
    #expect(result.status == 0)
    #expect(result.stdout.contains("│ A pasted log line: ␛[31mERROR␛[0m retry␇ budget␡ exhausted."))
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test func colorAlwaysColoursEvenIntoAPipeAndWithNoColor() throws {
    let result = try CLI.run(["score", "Fixtures/answers/star-labelled.md", "--format", "text", "--color", "always"])
    #expect(result.stdout.contains("\u{1B}[1mCriteria\u{1B}[0m"))
  }

  @Test func textWrapsToColumnsWhenPiped() throws {
    let result = try CLI.run(
      ["score", "Fixtures/answers/star-labelled.md", "--format", "text"], environment: ["COLUMNS": "50"])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 50 })
    #expect(lines.contains { $0.count > 45 })
  }

  @Test func pipedOutputDefaultsToJSON() throws {
    let result = try CLI.run(["score", "Fixtures/answers/star-labelled.md"])
    #expect(result.stdout.hasPrefix("{\n  \"criteria\" : ["))
  }

  @Test(.enabled(if: hasScript, "needs util-linux script for a pseudo-terminal"))
  func terminalDefaultsToColouredText() throws {
    let result = try runOnTerminal(["score", "Fixtures/answers/star-labelled.md"], environment: ["NO_COLOR": ""])
    #expect(result.stdout.contains("\u{1B}[1mCriteria\u{1B}[0m"))
  }

  @Test(.enabled(if: hasScript, "needs util-linux script for a pseudo-terminal"))
  func noColorTurnsColourOffOnATerminal() throws {
    let result = try runOnTerminal(["score", "Fixtures/answers/star-labelled.md"], environment: ["NO_COLOR": "1"])
    #expect(result.stdout.contains("Criteria\r\n"))
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test(.enabled(if: hasScript, "needs util-linux script for a pseudo-terminal"))
  func colorNeverOnATerminal() throws {
    let result = try runOnTerminal(
      ["score", "Fixtures/answers/star-labelled.md", "--color", "never"], environment: ["NO_COLOR": ""])
    #expect(result.stdout.contains("Criteria\r\n"))
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test(.enabled(if: hasScript, "needs util-linux script for a pseudo-terminal"))
  func terminalWidthWinsOverColumns() throws {
    let result = try runOnTerminal(
      ["score", "Fixtures/answers/star-labelled.md", "--color", "never"], setup: "stty cols 50; ",
      environment: ["COLUMNS": "120"])
    let lines = result.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
    #expect(lines.count > 10)
    #expect(lines.allSatisfy { $0.count <= 50 })
  }

  // MARK: HTML

  @Test func htmlOfStdinShowsTheAnswerAndItsHighlights() throws {
    let answer = "Situation: our form <script>alert(1)</script> broke.\nResult: errors fell by 40%."
    let result = try CLI.run(
      ["score", "-", "--format", "html", "--stdin-name", "<b>candidate</b>"], stdin: Data(answer.utf8))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n"))
    #expect(result.stdout.contains("<h1>&lt;b&gt;candidate&lt;/b&gt;</h1>"))
    #expect(result.stdout.contains("our form &lt;script&gt;alert(1)&lt;/script&gt; broke."))
    #expect(result.stdout.contains("<mark class=\"evidence\" id=\"e1\">"))
    #expect(!result.stdout.contains("<script"))
    #expect(XMLWellFormedness.issues(in: Array(result.stdoutBytes)) == [])
  }

  @Test func severalInputsAsHTMLAreOnePage() throws {
    let result = try CLI.run([
      "score", "Fixtures/answers/star-labelled.md", "no-such-file.md", "Fixtures/answers/plain-prose.txt",
      "--format", "html",
    ])
    #expect(result.status == 2)
    #expect(result.stdout.contains("<h1>2 answer reports</h1>"))
    #expect(result.stdout.components(separatedBy: "<article ").count == 3)
    #expect(result.stdout.contains("<div class=\"answer-text\" id=\"r2-answer-text\">"))
    #expect(XMLWellFormedness.issues(in: Array(result.stdoutBytes)) == [])
  }

  // MARK: Markdown and the golden files

  @Test(arguments: ["json", "xml", "text", "markdown", "html"])
  func outputMatchesTheGoldenFile(format: String) throws {
    let result = try CLI.run(
      ["score", "Fixtures/answers/star-labelled.md", "--format", format], environment: ["COLUMNS": "80"])
    let fileExtension = ["json": "json", "xml": "xml", "text": "txt", "markdown": "md", "html": "html"][format]!
    let golden = try Data(contentsOf: Repository.url("Fixtures/golden/star-labelled.\(fileExtension)"))
    #expect(result.status == 0)
    #expect(result.stdoutBytes == golden)
  }

  // MARK: --output

  @Test func outputWritesTheFileAndStdoutStaysEmpty() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/report.xml"
    let arguments = ["score", "Fixtures/answers/star-labelled.md", "--format", "xml"]
    let result = try CLI.run(arguments + ["--output", path])
    #expect(result.status == 0)
    #expect(result.stdout == "" && result.stderr == "")
    #expect(FileManager.default.contents(atPath: path) == (try CLI.run(arguments)).stdoutBytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.xml"])  // no temporary left
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode.map { $0 & 0o600 } == 0o600)
  }

  @Test func outputReplacesAnExistingFileAndKeepsItsMode() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/report.md"
    #expect(
      FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640]))
    let result = try CLI.run(["score", "Fixtures/answers/non-english.md", "--format", "markdown", "--output", path])
    #expect(result.status == 0)
    let written = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    #expect(written.hasPrefix("## `Fixtures/answers/non-english.md`\n"))
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
  }

  @Test func outputIntoAMissingFolderIsAnError() throws {
    let result = try CLI.run(
      ["score", "Fixtures/answers/star-labelled.md", "--output", "no-such-folder/report.json"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr == "no-such-folder/report.json: error: [output.write] cannot write the report: "
        + "No such file or directory; check that the folder exists and is writable\n")
  }

  @Test func outputIsNotWrittenWhenNothingWasGraded() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try CLI.run(["score", "no-such-file.md", "--output", folder + "/report.json"])
    #expect(result.status == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
  }

  /// A symbolic link at --output is replaced by the report, never written through: the write stays in the
  /// folder --output names.
  @Test func outputReplacesASymbolicLinkAndLeavesItsTargetAlone() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: false)
    #expect(FileManager.default.createFile(atPath: folder + "/elsewhere.json", contents: Data("keep".utf8)))
    #expect(symlink("../elsewhere.json", folder + "/reports/report.json") == 0)
    let result = try CLI.run([
      "score", "Fixtures/answers/star-labelled.md", "--output", folder + "/reports/report.json",
    ])
    #expect(result.status == 0 && result.stderr == "")
    #expect(FileManager.default.contents(atPath: folder + "/elsewhere.json") == Data("keep".utf8))
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/reports/report.json")
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/reports") == ["report.json"])
  }

  @Test func outputOntoAFolderIsAnErrorAndLeavesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/report.json", withIntermediateDirectories: false)
    let answer = Repository.path("Fixtures/answers/star-labelled.md")
    let result = try CLI.run(["score", answer, "--output", "report.json"], directory: folder)
    #expect(result.status == 2 && result.stdout == "")
    #expect(
      result.stderr == "report.json: error: [output.write] cannot write the report: Is a directory; "
        + "check that the folder exists and is writable\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.json"])
  }

  /// A named pipe at --output (or a link to one) is written into, and stays a pipe: renaming a file over it
  /// would replace it.
  @Test func outputIntoANamedPipeIsWrittenThroughIt() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(mkfifo(folder + "/pipe", 0o600) == 0)
    #expect(symlink("pipe", folder + "/link") == 0)
    let arguments = ["score", "Fixtures/answers/star-labelled.md", "--format", "jsonl"]
    let expected = try CLI.run(arguments).stdoutBytes
    for name in ["pipe", "link"] {
      // The read end is open before the command runs, so its write does not wait for a reader, and the report
      // (9 KB) fits in the pipe's buffer. Had the pipe been replaced, this end would read nothing, not hang.
      let reader = open(folder + "/pipe", O_RDONLY | O_NONBLOCK)
      #expect(reader >= 0)
      defer { close(reader) }
      let result = try CLI.run(arguments + ["--output", folder + "/" + name])
      var received = Data()
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while case let n = read(reader, &buffer, buffer.count), n > 0 { received.append(contentsOf: buffer[..<n]) }
      #expect(result.status == 0 && result.stdout == "" && result.stderr == "", "\(name)")
      #expect(received == expected, "\(name)")
    }
    var info = stat()
    #expect(lstat(folder + "/pipe", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(lstat(folder + "/link", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link", "pipe"])
  }

  /// `--output /dev/fd/1` is standard output (through `/proc/self/fd`, where no file can be made).
  @Test func outputToAFileDescriptorPathWritesToThatDescriptor() throws {
    let arguments = ["score", "Fixtures/answers/star-labelled.md", "--format", "jsonl"]
    let result = try CLI.run(arguments + ["--output", "/dev/fd/1"])
    #expect(result.status == 0 && result.stderr == "")
    #expect(result.stdoutBytes == (try CLI.run(arguments)).stdoutBytes)
  }

  /// Device nodes made in a temporary folder (only root may), so that a regression replaces a copy, never the
  /// machine's own `/dev/full`: a character device is written into, a block device is refused.
  @Test(.enabled(if: geteuid() == 0, "mknod needs root"))
  func outputOntoDevicesWritesIntoCharacterDevicesAndRefusesBlockDevices() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Linux's device number for a major below 4096 and a minor below 256 (glibc's makedev is a macro).
    func device(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t(major << 8 | minor) }
    #expect(mknod(folder + "/full", S_IFCHR | 0o666, device(1, 7)) == 0)
    #expect(mknod(folder + "/disk", S_IFBLK | 0o600, device(240, 0)) == 0)  // a major number no driver has
    let answer = Repository.path("Fixtures/answers/star-labelled.md")
    let full = try CLI.run(["score", answer, "--output", "full"], directory: folder)
    #expect(full.status == 2)
    #expect(
      full.stderr == "full: error: [output.write] cannot write the report: No space left on device; "
        + "check that the folder exists and is writable\n")
    let disk = try CLI.run(["score", answer, "--output", "disk"], directory: folder)
    #expect(disk.status == 2)
    #expect(disk.stderr == "disk: error: [output.not-file] is a block device, not a file; write the report to a file\n")
    var info = stat()
    #expect(lstat(folder + "/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    #expect(lstat(folder + "/disk", &info) == 0 && info.st_mode & S_IFMT == S_IFBLK)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["disk", "full"])
  }

  @Test func emptyOutputPathIsAUsageError() throws {
    let result = try CLI.run(["score", "Fixtures/answers/star-labelled.md", "--output", ""])
    #expect(result.status == 64)
  }

  // MARK: Rubric choice

  func rubricID(_ result: CommandResult) throws -> String? {
    let report = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
    return (report?["rubric"] as? [String: Any])?["id"] as? String
  }

  @Test func theFrontMatterChoosesTheRubric() throws {
    let result = try CLI.run(["score", "Corpora/mock-responses/alex-drift-detection-design.md", "--format", "jsonl"])
    #expect(result.status == 0 && result.stderr == "")
    #expect(try rubricID(result) == "drift-detection-design")
  }

  @Test func rubricOptionWinsOverTheFrontMatter() throws {
    let result = try CLI.run([
      "score", "Corpora/mock-responses/alex-drift-detection-design.md", "--format", "jsonl", "--rubric", "behavioral",
    ])
    #expect(result.status == 0)
    #expect(try rubricID(result) == "behavioral")
  }

  @Test func rubricOptionTakesAPath() throws {
    let result = try CLI.run(
      ["score", "-", "--format", "jsonl", "--rubric", "Rubrics/technical.yaml"], stdin: Data("We shipped it.".utf8))
    #expect(result.status == 0)
    #expect(try rubricID(result) == "technical")
  }

  @Test func anUnknownFrontMatterRubricFailsThatInputOnly() throws {
    let bad = Data("---\nquestion: Why?\nrubric: no-such-rubric\n---\n\nWe shipped it.\n".utf8)
    let result = try CLI.run(["score", "-", "Corpora/examples/answer.md", "--format", "jsonl"], stdin: bad)
    #expect(result.status == 2)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(
      result.stderr.hasPrefix("<stdin>:3:1: error: [rubric.no-such-rubric] front matter `rubric: no-such-rubric`: "))
  }

  @Test func anUnknownRubricOptionIsAnError() throws {
    let result = try CLI.run(["score", "Corpora/examples/answer.md", "--rubric", "no-such-rubric"])
    #expect(result.status == 2 && result.stdout == "")
    #expect(result.stderr.hasPrefix("no-such-rubric: error: [rubric.no-such-rubric] no rubric named `no-such-rubric`"))
  }
}
