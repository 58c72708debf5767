import AnswerEval
import Testing

/// Every message of ``InputError``, whole: the permission message in particular, which the CLI matrix can only
/// reach as root through a sysctl file (see `BadInputTests.permissionDeniedAsRoot`).
@Suite struct InputErrorTests {
  @Test(arguments: [
    (InputError.missing(path: "a.md"), "a.md: error: [input.missing] no such file; check the path"),
    (
      .isDirectory(path: "answers"),
      "answers: error: [input.directory] is a directory; grade a folder with `answer-eval batch answers`"
    ),
    (
      .permissionDenied(path: "secret.md"),
      "secret.md: error: [input.permission] permission denied; make the file readable (chmod +r)"
    ),
    (.unreadable(path: "a.md", reason: "I/O error"), "a.md: error: [input.unreadable] cannot be read: I/O error"),
    (
      .tooLarge(path: "<stdin>", bytes: 70_000_000, limit: 67_108_864),
      "<stdin>: error: [input.too-large] is at least 70000000 bytes, over the limit of 67108864 bytes; "
        + "split the answer or raise --max-bytes"
    ),
    (
      .empty(path: "a.md"),
      "a.md: error: [input.empty] is empty or only white space; write the answer in the file, or remove it"
    ),
    (
      .brokenLink(path: "a.md"),
      "a.md: error: [input.broken-link] is a symbolic link to nothing; fix the link or remove it"
    ),
    (
      .symlinkLoop(path: "a.md"),
      "a.md: error: [input.symlink-loop] is a loop of symbolic links; fix the link or remove it"
    ),
    (
      .notRegularFile(path: "p.md", kind: "named pipe"),
      "p.md: error: [input.not-file] is a named pipe, not a regular file; remove it or exclude it with --exclude"
    ),
    (
      .undecodableName(path: "caf\u{FFFD}.md"),
      "caf\u{FFFD}.md: error: [input.name] the file name is not valid UTF-8; rename the file"
    ),
  ])
  func message(error: InputError, expected: String) {
    #expect(error.errorDescription == expected)
  }
}
