import Foundation
import TestSupport
import Testing

@Suite struct CommandLineTests {
  @Test func invalidUTF8OnStdinNamesStdinAndByteOffset() throws {
    let result = try CLI.run(["score", "-"], stdin: Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6B]))
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr == "<stdin>:1:4: error: [text.utf8] invalid UTF-8 at byte offset 3 (byte 0xE9); save the file "
        + "as UTF-8, or pass --lossy to replace bad bytes with U+FFFD\n")
  }

  @Test func stdinNameLabelsTheReport() throws {
    let result = try CLI.run(
      ["score", "-", "--format", "jsonl", "--stdin-name", "candidate-17"], stdin: Data("We shipped it.".utf8))
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"path\":\"candidate-17\""))
  }

  @Test func lossyWarnsOnStderrAndGrades() throws {
    let result = try CLI.run(["score", "-", "--lossy", "--format", "jsonl"], stdin: Data([0x63, 0x61, 0x66, 0xE9]))
    #expect(result.status == 0)
    #expect(result.stderr == "<stdin>: warning: [text.lossy] replaced 1 invalid byte(s) with U+FFFD\n")
  }

  @Test func fencedCodeCountsNoWords() throws {
    let result = try CLI.run(["score", "Fixtures/text/fenced-code.md", "--format", "jsonl"])
    #expect(result.status == 0)
    let report = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
    let source = report["source"] as! [String: Any]
    // "We ported the parser." + "It now runs in 40 ms." — nothing from the fenced block.
    #expect(source["words"] as? Int == 10)
    #expect(source["sentences"] as? Int == 2)
  }

  @Test func missingFileAndDirectoryAreReportedAndOthersStillGraded() throws {
    let result = try CLI.run([
      "score", "no-such-file.md", "Fixtures", "Fixtures/text/fenced-code.md", "--format", "jsonl",
    ])
    #expect(result.status == 2)
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(
      result.stderr == "no-such-file.md: error: [input.missing] no such file; check the path\n"
        + "Fixtures: error: [input.directory] is a directory; grade a folder with `answer-eval batch Fixtures`\n")
  }

  /// `/dev/full` fails every write with ENOSPC, as a full disk would.
  static let unwritableStdout =
    "<stdout>: error: [output.write] cannot write to standard output: No space left on device; "
    + "check the disk or the pipe it goes to\n"

  @Test func aFullDiskOnStandardOutputIsAnErrorWithExit2() throws {
    for format in ["json", "jsonl", "xml", "text"] {
      let result = try CLI.run(
        ["score", "Corpora/examples/answer.md", "--format", format], stdoutFile: "/dev/full")
      #expect(result.status == 2, "\(format)")
      #expect(result.stderr == Self.unwritableStdout, "\(format)")
    }
    // A batch stops at the first report it cannot write, rather than grading answers whose reports are lost.
    let batch = try CLI.run(["batch", "Corpora/mock-responses", "--format", "jsonl"], stdoutFile: "/dev/full")
    #expect(batch.status == 2)
    #expect(batch.stderr == Self.unwritableStdout)
  }

  /// Help and `--version` are written to standard output like a report (ArgumentParser's own `print` exited 0
  /// with nothing written); a usage error whose message is lost keeps its exit code.
  @Test func helpAndVersionOnAFullDiskAreAnErrorWithExit2() throws {
    for arguments in [["--help"], ["score", "--help"], ["--version"], []] {
      let result = try CLI.run(arguments, stdoutFile: "/dev/full")
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr == Self.unwritableStdout, "\(arguments)")
    }
    let usage = try CLI.run(["score"], stderrFile: "/dev/full")
    #expect(usage.status == 64)
    #expect(usage.stdout == "")
  }

  @Test func aFullDiskOnStandardErrorLosesTheMessageButNotTheExitCode() throws {
    let result = try CLI.run(
      ["score", "no-such-file.md", "Fixtures/text/fenced-code.md", "--format", "jsonl"], stderrFile: "/dev/full")
    #expect(result.status == 2)
    #expect(result.stdout.split(separator: "\n").count == 1)
  }

  @Test func usageErrorsExit64() throws {
    let result = try CLI.run(["score"])
    #expect(result.status == 64)
    #expect(result.stdout == "")
  }

  @Test func versionAndHelp() throws {
    let version = try CLI.run(["--version"])
    #expect(version.status == 0 && version.stdout.hasPrefix("answer-eval 0.1.0 (ICU "))
    let help = try CLI.run(["score", "--help"])
    #expect(help.status == 0 && help.stdout.contains("answer-eval score Corpora/examples/answer.md"))
  }

  @Test func tokensOnChineseYieldsWordTokensWithExactSpans() throws {
    let result = try CLI.run(["tokens", "-", "--format", "json"], stdin: Data("我们把模型的延迟降低了百分之三十。".utf8))
    #expect(result.status == 0)
    let dump = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
    let blocks = dump["blocks"] as! [[String: Any]]
    let sentences = blocks[0]["sentences"] as! [[String: Any]]
    let tokens = (sentences[0]["tokens"] as! [[String: Any]]).map { ($0["span"] as! [String: Any]) }
    #expect(tokens.map { $0["text"] as! String } == ["我们", "把", "模型", "的", "延迟", "降低", "了", "百分", "之", "三十", "。"])
    let scalars = Array("我们把模型的延迟降低了百分之三十。".unicodeScalars)
    for span in tokens {
      let start = span["start"] as! Int, end = span["end"] as! Int
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      #expect(String(view) == span["text"] as! String)
    }
  }

  @Test func tokensListingIsWholeAndExact() throws {
    let result = try CLI.run(["tokens", "-", "--stdin-name", "a.md"], stdin: Data("Cut p95 by 40%.".utf8))
    #expect(
      result.stdout == """
        a.md: 1 block, 1 sentence, 6 tokens, 4 words
        paragraph @1:1-1:16
          sentence @1:1-1:16 "Cut p95 by 40%."
            word         @1:1-1:4         Cut → cut
            word         @1:5-1:8         p95
            word         @1:9-1:11        by
            number       @1:12-1:14       40
            punctuation  @1:14-1:15       % (glued)
            punctuation  @1:15-1:16       . (glued)

        """)
  }
}
