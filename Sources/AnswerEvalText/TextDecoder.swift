/// Turns the bytes of an answer into text.
///
/// - UTF-8, with or without a byte-order mark (the mark is not part of the text);
/// - UTF-16 little or big endian, with a byte-order mark, or without one when the zero bytes show it
///   (ASCII-heavy text in UTF-16 has a zero in every other byte);
/// - anything with other NUL bytes, or mostly control characters, is "not a text file".
///
/// ```swift
/// try TextDecoder.decode(Array("caf\u{E9}".utf8), source: "a.txt").text   // "café"
/// try TextDecoder.decode([0x63, 0x61, 0x66, 0xE9], source: "<stdin>")
/// // throws: <stdin>:1:4: error: [text.utf8] invalid UTF-8 at byte offset 3 (byte 0xE9); …
/// ```
public enum TextDecoder {
  /// The text and how it was found.
  public struct Decoded: Sendable, Equatable {
    public enum Encoding: String, Sendable {
      case utf8 = "UTF-8"
      case utf16LE = "UTF-16LE"
      case utf16BE = "UTF-16BE"
    }
    public var text: String
    public var encoding: Encoding
    public var hadByteOrderMark: Bool
    /// How many invalid bytes were replaced with U+FFFD (only with `lossy`).
    public var replacements: Int

    public init(text: String, encoding: Encoding, hadByteOrderMark: Bool, replacements: Int) {
      self.text = text
      self.encoding = encoding
      self.hadByteOrderMark = hadByteOrderMark
      self.replacements = replacements
    }
  }

  /// Decodes `bytes` read from `source` (a path or `<stdin>`, used in messages).
  ///
  /// - Parameter lossy: replace invalid UTF-8 with U+FFFD (counted in `replacements`) instead of failing.
  /// - Throws: ``TextError`` naming `source` and the byte offset of the first problem.
  /// - Complexity: O(n) in the number of bytes.
  public static func decode(_ bytes: [UInt8], source: String, lossy: Bool = false) throws(TextError) -> Decoded {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return try decodeUTF8(bytes, from: 3, source: source, lossy: lossy, bom: true)
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return try decodeUTF16(bytes, from: 2, littleEndian: true, source: source, bom: true)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return try decodeUTF16(bytes, from: 2, littleEndian: false, source: source, bom: true)
    }
    if let littleEndian = guessUTF16WithoutBOM(bytes) {
      return try decodeUTF16(bytes, from: 0, littleEndian: littleEndian, source: source, bom: false)
    }
    return try decodeUTF8(bytes, from: 0, source: source, lossy: lossy, bom: false)
  }

  /// UTF-16 without a mark: an even length and, in the first 512 code units, zero bytes on one side of at
  /// least 90% of the units and never on the other. Returns true for little endian.
  static func guessUTF16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
    guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
    let units = min(bytes.count / 2, 512)
    var zeroHigh = 0, zeroLow = 0
    for i in 0..<units {
      if bytes[2 * i] == 0 { zeroLow += 1 }
      if bytes[2 * i + 1] == 0 { zeroHigh += 1 }
    }
    if zeroHigh * 10 >= units * 9 && zeroLow == 0 { return true }
    if zeroLow * 10 >= units * 9 && zeroHigh == 0 { return false }
    return nil
  }

  private static func decodeUTF16(
    _ bytes: [UInt8], from start: Int, littleEndian: Bool, source: String, bom: Bool
  ) throws(TextError) -> Decoded {
    var units = [UInt16]()
    units.reserveCapacity((bytes.count - start) / 2)
    var i = start
    while i + 1 < bytes.count {
      let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
      units.append(littleEndian ? a | b << 8 : a << 8 | b)
      i += 2
    }
    func place(before k: Int) -> (Int, Int) { lineAndColumn(after: String(decoding: units[..<k], as: UTF16.self)) }
    // Check surrogate pairing and NUL units.
    var k = 0
    while k < units.count {
      let u = units[k]
      if u == 0 {
        let (line, column) = place(before: k)
        throw TextError.notText(
          source: source, reason: "it contains a NUL character at byte offset \(start + 2 * k)", line: line,
          column: column)
      }
      if UTF16.isLeadSurrogate(u) {
        guard k + 1 < units.count, UTF16.isTrailSurrogate(units[k + 1]) else {
          let (line, column) = place(before: k)
          throw TextError.invalidUTF16(source: source, byteOffset: start + 2 * k, line: line, column: column)
        }
        k += 2
        continue
      }
      if UTF16.isTrailSurrogate(u) {
        let (line, column) = place(before: k)
        throw TextError.invalidUTF16(source: source, byteOffset: start + 2 * k, line: line, column: column)
      }
      k += 1
    }
    if i < bytes.count {  // an odd number of bytes: the last one is half a unit
      let (line, column) = place(before: units.count)
      throw TextError.invalidUTF16(source: source, byteOffset: i, line: line, column: column)
    }
    let text = units.string(0..<units.count)
    try rejectBinary(text, source: source)
    return Decoded(text: text, encoding: littleEndian ? .utf16LE : .utf16BE, hadByteOrderMark: bom, replacements: 0)
  }

  private static func decodeUTF8(
    _ bytes: [UInt8], from start: Int, source: String, lossy: Bool, bom: Bool
  ) throws(TextError) -> Decoded {
    let body = bytes[start...]
    if let nul = firstNUL(body) {
      let (line, column) = lineAndColumn(after: String(decoding: body[..<nul], as: UTF8.self))
      throw TextError.notText(
        source: source, reason: "it contains a NUL byte at byte offset \(nul)", line: line, column: column)
    }
    // Well-formed UTF-8, nearly every answer, is checked by the standard library's validator as it makes the
    // string; only other bytes are walked sequence by sequence, to count and place the bad ones.
    if let text = String(validating: body, as: UTF8.self) {
      try rejectBinary(text, source: source)
      return Decoded(text: text, encoding: .utf8, hadByteOrderMark: bom, replacements: 0)
    }
    var replacements = 0
    var firstBad: Int? = nil
    var i = body.startIndex
    while i < body.endIndex {
      let length = validSequenceLength(body, at: i)
      if length == 0 {
        if firstBad == nil { firstBad = i }
        replacements += 1
        i += 1
      } else {
        i += length
      }
    }
    if let bad = firstBad, !lossy {
      let prefix = String(decoding: body[body.startIndex..<bad], as: UTF8.self)
      let (line, column) = lineAndColumn(after: prefix)
      throw TextError.invalidUTF8(source: source, byteOffset: bad, byte: bytes[bad], line: line, column: column)
    }
    let text = String(decoding: body, as: UTF8.self)
    try rejectBinary(text, source: source)
    return Decoded(text: text, encoding: .utf8, hadByteOrderMark: bom, replacements: firstBad == nil ? 0 : replacements)
  }

  /// The index of the first zero byte, eight bytes at a time (`firstIndex(of: 0)` reads one at a time).
  static func firstNUL(_ bytes: ArraySlice<UInt8>) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      var i = 0
      while i + 8 <= buffer.count, EightBytes.below(1, in: EightBytes.load(buffer, at: i)) == 0 { i += 8 }
      while i < buffer.count {
        if buffer[i] == 0 { return bytes.startIndex + i }
        i += 1
      }
      return nil
    }
  }

  /// The length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), or 0 when it is not one.
  @inline(__always)
  private static func validSequenceLength(_ b: ArraySlice<UInt8>, at i: Int) -> Int {
    let c0 = b[i]
    if c0 < 0x80 { return 1 }
    func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
      k < b.endIndex && b[k] >= lo && b[k] <= hi
    }
    switch c0 {
    case 0xC2...0xDF: return cont(i + 1) ? 2 : 0
    case 0xE0: return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return cont(i + 1) && cont(i + 2) ? 3 : 0
    case 0xED: return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0
    case 0xF0: return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF4: return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0
    default: return 0
    }
  }

  /// 1-based line and column (in Unicode scalars) of the position just after `prefix`.
  static func lineAndColumn(after prefix: String) -> (Int, Int) {
    var line = 1, column = 1
    var previousCR = false
    for scalar in prefix.unicodeScalars {
      if scalar == "\n" {
        if !previousCR { line += 1 }
        column = 1
      } else if scalar == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      previousCR = scalar == "\r"
    }
    return (line, column)
  }

  /// Text whose first 4096 scalars are more than 10% control characters (other than tab, line feed,
  /// carriage return and form feed) is taken for binary data.
  private static func rejectBinary(_ text: String, source: String) throws(TextError) {
    var seen = 0, controls = 0
    var firstControl = 0
    var utf8 = text
    // Controls are ASCII, one byte each; any other byte that is not a continuation byte starts a scalar.
    utf8.withUTF8 { bytes in
      var i = 0
      while i < bytes.count && seen < 4096 {
        // Eight bytes at a time while none is below 0x20 or DEL, counting the bytes that start a scalar (all
        // but the continuation bytes).
        if i + 8 <= bytes.count, seen + 8 <= 4096 {
          let word = EightBytes.load(bytes, at: i)
          if EightBytes.below(0x20, in: word) | EightBytes.equal(0x7F, in: word) == 0 {
            seen += 8 - EightBytes.continuationBytes(in: word).nonzeroBitCount
            i += 8
            continue
          }
        }
        let v = bytes[i]
        i += 1
        guard v & 0xC0 != 0x80 else { continue }
        seen += 1
        if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C) || v == 0x7F {
          if controls == 0 { firstControl = seen - 1 }
          controls += 1
        }
      }
    }
    if controls > 0 && controls * 10 > seen {
      var prefix = String.UnicodeScalarView()
      prefix.append(contentsOf: text.unicodeScalars.prefix(firstControl))
      let (line, column) = lineAndColumn(after: String(prefix))
      throw TextError.notText(
        source: source,
        reason:
          "\(controls) of its first \(seen) characters are control characters (the first at character \(firstControl))",
        line: line, column: column)
    }
  }
}
