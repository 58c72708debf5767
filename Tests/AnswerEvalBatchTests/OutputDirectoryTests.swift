import AnswerEval
import Foundation
import TestSupport
import Testing

@Suite struct OutputDirectoryTests {
  @Test func writesCreatingFoldersAndLeavesNoTemporaryFile() throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(creating: dir.path("out/nested"))
    try out.write(Array("{}\n".utf8), to: "a/b/c.md.json")
    try out.write(Array("[]\n".utf8), to: "a/b/c.md.json")
    #expect(try dir.files() == ["out/nested/a/b/c.md.json"])
    #expect(try String(contentsOfFile: dir.path("out/nested/a/b/c.md.json"), encoding: .utf8) == "[]\n")
  }

  @Test func refusesPathsThatLeaveTheFolder() throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(creating: dir.path("out"))
    for bad in ["../x.json", "a/../../x.json", "./x.json", "a//x.json", "", "a/"] {
      #expect(throws: BatchError.outputOutside(path: dir.path("out") + "/" + bad)) {
        try out.write([0x31], to: bad)
      }
    }
    #expect(try dir.files() == [])
  }

  @Test func neverWritesThroughALinkInside() throws {
    let dir = try TemporaryDirectory()
    try dir.folder("outside")
    let out = try OutputDirectory(creating: dir.path("out"))
    try dir.link("out/sub", to: dir.path("outside"))
    #expect(throws: BatchError.outputSymlink(path: dir.path("out/sub"))) {
      try out.write([0x31], to: "sub/x.json")
    }
    #expect(try dir.files(under: "outside") == [])
  }

  @Test func replacesALinkAtTheReportsNameInsteadOfFollowingIt() throws {
    let dir = try TemporaryDirectory()
    let target = try dir.write("outside/victim.json", "keep")
    let out = try OutputDirectory(creating: dir.path("out"))
    try dir.link("out/x.json", to: target)
    try out.write(Array("new".utf8), to: "x.json")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
    #expect(try String(contentsOfFile: dir.path("out/x.json"), encoding: .utf8) == "new")
  }

  @Test func theFolderItselfMayBeALink() throws {
    let dir = try TemporaryDirectory()
    try dir.folder("real")
    try dir.link("alias", to: dir.path("real"))
    try OutputDirectory(creating: dir.path("alias")).write([0x31], to: "a.json")
    #expect(try dir.files(under: "real") == ["a.json"])
  }

  @Test func oddNamesAreWritten() throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(creating: dir.path("out"))
    for name in ["a b/c,d\".md.json", "new\nline.md.json", "ünï 👩🏽‍💻/é.json", "back\\slash.json"] {
      try out.write([0x31], to: name)
    }
    #expect(try dir.files(under: "out").count == 4)
  }

  @Test func aFolderAtTheReportsNameIsAWriteError() throws {
    let dir = try TemporaryDirectory()
    try dir.folder("out/x.json")
    let out = try OutputDirectory(creating: dir.path("out"))
    #expect(throws: BatchError.self) { try out.write([0x31], to: "x.json") }
    #expect(try dir.files(under: "out") == [])
  }

  @Test func modificationTimeOfMissingAndPresentReports() throws {
    let dir = try TemporaryDirectory()
    let out = try OutputDirectory(creating: dir.path("out"))
    #expect(out.modificationTime(of: "a/b.json") == nil)
    try out.write([0x31], to: "a/b.json")
    let time = try #require(out.modificationTime(of: "a/b.json"))
    #expect(time == OutputDirectory.FileTime(path: dir.path("out/a/b.json")))
  }
}
