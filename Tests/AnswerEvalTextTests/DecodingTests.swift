import AnswerEvalText
import Foundation
import Testing

@Suite struct DecodingTests {
  @Test func utf8ByteOrderMarkIsNotText() throws {
    let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8), source: "a.txt")
    #expect(decoded.text == "Hi" && decoded.hadByteOrderMark && decoded.encoding == .utf8)
  }

  @Test func utf16WithByteOrderMarks() throws {
    let le: [UInt8] = [0xFF, 0xFE] + "Ünï 👍".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + "Ünï 👍".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(
      try TextDecoder.decode(le, source: "le")
        == .init(text: "Ünï 👍", encoding: .utf16LE, hadByteOrderMark: true, replacements: 0))
    #expect(
      try TextDecoder.decode(be, source: "be")
        == .init(text: "Ünï 👍", encoding: .utf16BE, hadByteOrderMark: true, replacements: 0))
  }

  @Test func utf16WithoutByteOrderMarkIsRecognized() throws {
    let le: [UInt8] = "We cut costs.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(try TextDecoder.decode(le, source: "le").text == "We cut costs.")
    #expect(try TextDecoder.decode(le, source: "le").encoding == .utf16LE)
  }

  @Test func invalidUTF8NamesSourceByteOffsetLineAndColumn() {
    #expect(throws: TextError.invalidUTF8(source: "<stdin>", byteOffset: 3, byte: 0xE9, line: 1, column: 4)) {
      try TextDecoder.decode(Array("caf".utf8) + [0xE9] + Array(" ok".utf8), source: "<stdin>")
    }
    #expect(throws: TextError.invalidUTF8(source: "a.md", byteOffset: 8, byte: 0xFF, line: 2, column: 3)) {
      try TextDecoder.decode(Array("ünï\nab".utf8) + [0xFF], source: "a.md")
    }
    let message = TextError.invalidUTF8(source: "<stdin>", byteOffset: 3, byte: 0xE9, line: 1, column: 4)
      .errorDescription
    #expect(
      message == "<stdin>:1:4: error: [text.utf8] invalid UTF-8 at byte offset 3 (byte 0xE9); save the file as UTF-8, "
        + "or pass --lossy to replace bad bytes with U+FFFD")
  }

  @Test func overlongAndSurrogateEncodingsAreInvalid() {
    #expect(throws: TextError.invalidUTF8(source: "s", byteOffset: 0, byte: 0xC0, line: 1, column: 1)) {
      try TextDecoder.decode([0xC0, 0xAF], source: "s")
    }
    #expect(throws: TextError.invalidUTF8(source: "s", byteOffset: 1, byte: 0xED, line: 1, column: 2)) {
      try TextDecoder.decode([0x41, 0xED, 0xA0, 0x80], source: "s")
    }
  }

  @Test func lossyReplacesAndCounts() throws {
    let decoded = try TextDecoder.decode(Array("caf".utf8) + [0xE9] + Array(" ok".utf8), source: "s", lossy: true)
    #expect(decoded.text == "caf\u{FFFD} ok" && decoded.replacements == 1)
  }

  @Test func nulBytesAreNotText() {
    #expect(
      throws: TextError.notText(source: "b.bin", reason: "it contains a NUL byte at byte offset 2", line: 1, column: 3)
    ) {
      try TextDecoder.decode([0x41, 0x42, 0x00, 0x43, 0x44], source: "b.bin")
    }
    let message = TextError.notText(
      source: "b.bin", reason: "it contains a NUL byte at byte offset 2", line: 1, column: 3
    )
    .errorDescription
    #expect(
      message == "b.bin:1:3: error: [text.binary] not a text file: it contains a NUL byte at byte offset 2; "
        + "give a plain-text or Markdown answer (UTF-8 or UTF-16)")
  }

  /// The first NUL is found wherever it is among the eight-byte words the search reads, after a mark or
  /// not, and with other NULs after it.
  @Test func theFirstNULIsFoundAtEveryOffset() {
    for mark in [[], [0xEF, 0xBB, 0xBF] as [UInt8]] {
      for offset in mark.count..<(mark.count + 40) {
        var bytes = mark + [UInt8](repeating: 0x61, count: 40)
        bytes[offset] = 0
        if offset + 9 < bytes.count { bytes[offset + 9] = 0 }
        #expect(
          throws: TextError.notText(
            source: "n", reason: "it contains a NUL byte at byte offset \(offset)", line: 1,
            column: offset - mark.count + 1)
        ) { try TextDecoder.decode(bytes, source: "n") }
      }
    }
  }

  /// NUL is valid UTF-8, so a byte-order mark must not let it through.
  @Test func nulBytesAfterAByteOrderMarkAreNotText() {
    #expect(
      throws: TextError.notText(source: "b", reason: "it contains a NUL byte at byte offset 7", line: 2, column: 2)
    ) {
      try TextDecoder.decode(
        [0xEF, 0xBB, 0xBF] + Array("ü\nA".utf8) + [0x00] + Array(" long enough".utf8), source: "b")
    }
  }

  @Test func nulCharactersInUTF16AreNotText() {
    let le: [UInt8] = [0xFF, 0xFE] + "ab\ncd\u{0}e".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(
      throws: TextError.notText(
        source: "u", reason: "it contains a NUL character at byte offset 12", line: 2, column: 3)
    ) {
      try TextDecoder.decode(le, source: "u")
    }
  }

  @Test func malformedUTF16NamesTheByteOffsetLineAndColumn() {
    let le: (String) -> [UInt8] = { [0xFF, 0xFE] + $0.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    #expect(throws: TextError.invalidUTF16(source: "u", byteOffset: 10, line: 2, column: 2)) {
      try TextDecoder.decode(le("ab\nc") + [0x41], source: "u")  // an odd number of bytes
    }
    #expect(throws: TextError.invalidUTF16(source: "u", byteOffset: 4, line: 1, column: 2)) {
      try TextDecoder.decode(le("a") + [0x00, 0xD8] + le("b").dropFirst(2), source: "u")  // a lone lead surrogate
    }
    #expect(throws: TextError.invalidUTF16(source: "u", byteOffset: 2, line: 1, column: 1)) {
      try TextDecoder.decode([0xFF, 0xFE, 0x00, 0xDC] + le("b").dropFirst(2), source: "u")  // a lone trail surrogate
    }
  }

  @Test func controlCharacterSoupIsNotText() {
    let bytes: [UInt8] = (0..<64).map { UInt8(1 + $0 % 8) }
    #expect(
      throws: TextError.notText(
        source: "x", reason: "64 of its first 64 characters are control characters (the first at character 0)",
        line: 1, column: 1)
    ) {
      try TextDecoder.decode(bytes, source: "x")
    }
    #expect(
      throws: TextError.notText(
        source: "x", reason: "8 of its first 12 characters are control characters (the first at character 4)",
        line: 2, column: 2)
    ) {
      try TextDecoder.decode(Array("a\r\nb".utf8) + (1...8).map { UInt8($0) }, source: "x")
    }
  }

  /// Characters are counted eight bytes at a time where no control character is among them: multibyte
  /// characters count once, only the first 4,096 characters are judged, and a control character is found
  /// at every offset of an eight-byte block.
  @Test func controlCharactersAreCountedInCharactersNotBytes() {
    // 600 × "ab€é" (4 characters, 7 bytes), then controls: the first 4,096 characters end 1,696 into them.
    let prose = String(repeating: "ab€é", count: 600)
    #expect(
      throws: TextError.notText(
        source: "x", reason: "1696 of its first 4096 characters are control characters (the first at character 2400)",
        line: 1, column: 2401)
    ) {
      try TextDecoder.decode(Array(prose.utf8) + [UInt8](repeating: 0x01, count: 3000), source: "x")
    }
    for offset in 0..<16 {
      // One letter in ten and nine controls (DEL): not text, the first control at `offset`.
      let bytes = [UInt8](repeating: 0x61, count: offset) + [UInt8](repeating: 0x7F, count: 9 * offset + 9)
      #expect(
        throws: TextError.notText(
          source: "x",
          reason:
            "\(9 * offset + 9) of its first \(10 * offset + 9) characters are control characters (the first at character \(offset))",
          line: 1, column: offset + 1)
      ) {
        try TextDecoder.decode(bytes, source: "x")
      }
    }
  }

  @Test func aFewControlCharactersAreStillText() throws {
    #expect(try TextDecoder.decode(Array("We cut costs by 20%\u{01}\u{02} in Q3.".utf8), source: "x").text.count == 28)
  }
}
