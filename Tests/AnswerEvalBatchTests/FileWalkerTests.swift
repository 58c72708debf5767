import AnswerEval
import Foundation
import TestSupport
import Testing

@Suite struct FileWalkerTests {
  @Test func listsMarkdownAndTextRecursivelyInByteOrder() throws {
    let dir = try TemporaryDirectory()
    for name in ["b.md", "a/z.txt", "a-c.md", "A.MD", "é.md", "notes.pdf", "a/deep/er/x.md", "a/image.png"] {
      try dir.write("in/" + name, "x")
    }
    let listing = FileWalker().list([dir.path("in")])
    // Byte order: "A" < "a" < "a-c" ("-" is 0x2D) < "a/" ("/" is 0x2F) < "b" < "é" (0xC3…).
    #expect(listing.entries.map(\.relativePath) == ["A.MD", "a-c.md", "a/deep/er/x.md", "a/z.txt", "b.md", "é.md"])
    #expect(listing.entries.map(\.mirroredPath) == listing.entries.map(\.relativePath))
    #expect(listing.entries[0].path == dir.path("in/A.MD"))
    #expect(listing.skipped == 2)
    #expect(listing.entries.allSatisfy { $0.problem == nil })
  }

  /// Folders are walked where their names sort with a `/` after them, which is where their files' paths
  /// sort: "x.md" and "x-y.md" come before the folder "x", "x0.md" after it.
  @Test func foldersAreWalkedWhereTheirPathsSort() throws {
    let dir = try TemporaryDirectory()
    for name in ["x0.md", "x/b.md", "x.md", "x-y.md", "x/a/c.md", "x/a.md", "w.md"] { try dir.write("in/" + name, "x") }
    let listing = FileWalker().list([dir.path("in")])
    let expected = ["w.md", "x-y.md", "x.md", "x/a.md", "x/a/c.md", "x/b.md", "x0.md"]
    #expect(listing.entries.map(\.relativePath) == expected)
    #expect(expected == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(listing.entries.map(\.path) == expected.map { dir.path("in/" + $0) })
  }

  @Test func emptyFolderListsNothing() throws {
    let dir = try TemporaryDirectory()
    #expect(FileWalker().list([try dir.folder("in")]) == .init(entries: [], skipped: 0))
  }

  @Test func includeReplacesTheDefaultAndExcludeWins() throws {
    let dir = try TemporaryDirectory()
    for name in ["a.md", "b.txt", "c.answer", "drafts/d.md", "x/drafts/e.md", "keep/f.md"] {
      try dir.write("in/" + name, "x")
    }
    let walker = FileWalker(
      include: [GlobPattern("*.md"), GlobPattern("*.answer")], exclude: [GlobPattern("drafts"), GlobPattern("keep/*")])
    let listing = walker.list([dir.path("in")])
    #expect(listing.entries.map(\.relativePath) == ["a.md", "c.answer"])
    // b.txt (not included) and keep/f.md (excluded) are skipped; the drafts folders are not entered.
    #expect(listing.skipped == 2)
  }

  @Test func trailingSlashOnTheRootIsDropped() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", "x")
    #expect(FileWalker().list([dir.path("in") + "//"]).entries.map(\.path) == [dir.path("in/a.md")])
  }

  @Test func severalRootsAreMirroredUnderTheirNames() throws {
    let dir = try TemporaryDirectory()
    try dir.write("one/a.md", "x")
    try dir.write("two/sub/b.md", "x")
    let listing = FileWalker().list([dir.path("two"), dir.path("one")])
    #expect(listing.entries.map(\.mirroredPath) == ["two/sub/b.md", "one/a.md"])
  }

  @Test func rootThatIsAFileIsListedWhateverItsName() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.write("answer.rtf", "x")
    let listing = FileWalker().list([file])
    #expect(listing.entries == [.init(path: file, relativePath: "", mirroredPath: "answer.rtf", problem: nil)])
  }

  @Test func missingRootIsAProblem() throws {
    let dir = try TemporaryDirectory()
    let listing = FileWalker().list([dir.path("nope")])
    #expect(listing.entries.map(\.problem) == [.missing(path: dir.path("nope"))])
  }

  @Test func linksToFilesAreFollowedAndLinksToFoldersAreNot() throws {
    let dir = try TemporaryDirectory()
    try dir.write("elsewhere/x.md", "x")
    try dir.write("in/a.md", "x")
    try dir.link("in/b.md", to: dir.path("elsewhere/x.md"))
    try dir.link("in/folder", to: dir.path("elsewhere"))
    try dir.link("in/broken.md", to: dir.path("nothing-here"))
    try dir.link("in/broken.png", to: dir.path("nothing-here"))
    let listing = FileWalker().list([dir.path("in")])
    #expect(listing.entries.map(\.relativePath) == ["a.md", "b.md", "broken.md"])
    #expect(listing.entries.map(\.problem) == [nil, nil, .brokenLink(path: dir.path("in/broken.md"))])
    #expect(listing.skipped == 2)
  }

  @Test func namedPipeIsAProblemNotAHang() throws {
    let dir = try TemporaryDirectory()
    try dir.folder("in")
    #expect(mkfifo(dir.path("in/pipe.md"), 0o644) == 0)
    let listing = FileWalker().list([dir.path("in")])
    #expect(listing.entries.map(\.problem) == [.notRegularFile(path: dir.path("in/pipe.md"), kind: "named pipe")])
  }

  @Test func excludedFolderIsNotEntered() throws {
    let dir = try TemporaryDirectory()
    try dir.write("in/a.md", "x")
    try dir.write("in/reports/a.md", "x")
    let walker = FileWalker(excludedFolders: [FileWalker.FileID(path: dir.path("in/reports"))!])
    #expect(walker.list([dir.path("in")]).entries.map(\.relativePath) == ["a.md"])
  }

  @Test func unreadableFolderIsAProblem() throws {
    guard !runningAsRoot else { return }  // root reads any folder
    let dir = try TemporaryDirectory()
    try dir.write("in/locked/a.md", "x")
    chmod(dir.path("in/locked"), 0)
    defer { chmod(dir.path("in/locked"), 0o755) }
    let listing = FileWalker().list([dir.path("in")])
    #expect(listing.entries.map(\.problem) == [.permissionDenied(path: dir.path("in/locked"))])
  }

  @Test func oddCharactersInNamesAreKept() throws {
    let dir = try TemporaryDirectory()
    let names = ["a b.md", "comma,quote\".md", "new\nline.md", "tab\t.txt", "ünï 👩🏽‍💻.md"]
    for name in names { try dir.write("in/" + name, "x") }
    #expect(
      FileWalker().list([dir.path("in")]).entries.map(\.relativePath)
        == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }
}
