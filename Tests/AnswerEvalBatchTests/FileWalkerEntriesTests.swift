import Testing

@testable import AnswerEval

@Suite struct FileWalkerEntriesTests {
  /// Strings read back exactly, across the groups of 16 that are stored whole, whatever they share.
  @Test func frontCodedStringsReadBackExactly() {
    var strings = ["", "a", "a", "ab", "a/b/c.md", "a/b/d.md", "a/b", "é/ü.md", "é/üx.md", "z"]
    for i in 0..<200 {
      strings.append("cohort-\(i / 50)/group-\(i % 7)/candidate-\(String(repeating: "x", count: i % 40))")
    }
    strings.append(String(repeating: "long/", count: 100))
    strings.append(String(repeating: "long/", count: 99))
    var list = FrontCodedList()
    for string in strings { list.append(string) }
    #expect(list.count == strings.count)
    #expect((0..<list.count).map { list[$0] } == strings)
  }

  /// A walk's entries hold their parts once; the entries read back as they were made.
  @Test func entriesReadBackTheEntriesTheyWereMadeOf() {
    let made: [FileWalker.Entry] = [
      .init(path: "in/a/b.md", relativePath: "a/b.md", mirroredPath: "in/a/b.md", problem: nil),
      .init(path: "in/a/c.md", relativePath: "a/c.md", mirroredPath: "in/a/c.md", problem: .empty(path: "in/a/c.md")),
      .init(path: "answer.rtf", relativePath: "", mirroredPath: "answer.rtf", problem: nil),
      .init(path: "odd", relativePath: "x.md", mirroredPath: "elsewhere", problem: nil),
      .init(path: "missing", relativePath: "", mirroredPath: "", problem: .missing(path: "missing")),
      // The same text as far as `==` goes, other bytes: read back byte for byte.
      .init(path: "in/e\u{301}.md", relativePath: "\u{E9}.md", mirroredPath: "\u{E9}.md", problem: nil),
    ]
    let entries = FileWalker.Entries(made)
    #expect(Array(entries) == made)
    #expect(
      entries.map { Array($0.path.utf8) + [0] + Array($0.mirroredPath.utf8) }
        == made.map { Array($0.path.utf8) + [0] + Array($0.mirroredPath.utf8) })
    #expect(entries == FileWalker.Entries(made))
    #expect(entries != FileWalker.Entries(made.dropLast()))
    #expect(FileWalker.Entries() == [])
  }
}
