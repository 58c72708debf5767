import AnswerEval
import Foundation
import Testing

@Suite struct LineReaderTests {
  /// All lines of `bytes` read through a pipe, with a small limit.
  func lines(_ bytes: [UInt8], limit: Int = 1 << 20) throws -> [LineReader.Line] {
    let pipe = Pipe()
    let writer = Thread {
      pipe.fileHandleForWriting.write(Data(bytes))
      try? pipe.fileHandleForWriting.close()
    }
    writer.start()
    var reader = LineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor, name: "<stdin>", limit: limit)
    var all: [LineReader.Line] = []
    while let line = try reader.next() { all.append(line) }
    return all
  }

  @Test func emptyInputHasNoLines() throws {
    #expect(try lines([]) == [])
  }

  @Test func lastLineNeedNotEndWithNewline() throws {
    #expect(try lines(Array("a\nbc".utf8)) == [.text(Array("a".utf8)), .text(Array("bc".utf8))])
    #expect(try lines(Array("a\n".utf8)) == [.text(Array("a".utf8))])
  }

  @Test func crlfAndBlankLines() throws {
    #expect(try lines(Array("a\r\n\r\n\nb\r".utf8)) == [.text([0x61]), .text([]), .text([]), .text([0x62])])
  }

  @Test func longLinesAcrossManyReads() throws {
    let long = [UInt8](repeating: 0x78, count: 300_000)
    #expect(try lines(long + [0x0A] + long) == [.text(long), .text(long)])
  }

  @Test func overLongLineIsReportedAndSkipped() throws {
    let long = [UInt8](repeating: 0x78, count: 200_000)
    #expect(
      try lines(Array("ok\n".utf8) + long + Array("\nnext\n".utf8) + long, limit: 1000) == [
        .text(Array("ok".utf8)), .tooLong(bytes: 200_000), .text(Array("next".utf8)), .tooLong(bytes: 200_000),
      ])
  }

  @Test func answersALineBeforeTheInputEnds() throws {
    // A worker must answer a request without waiting for the next one.
    let pipe = Pipe()
    pipe.fileHandleForWriting.write(Data("first\n".utf8))
    var reader = LineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor, name: "<stdin>")
    #expect(try reader.next() == .text(Array("first".utf8)))
    try pipe.fileHandleForWriting.close()
    #expect(try reader.next() == nil)
  }
}
