import AnswerEvalText

/// Writes JSON bytes exactly as Foundation's `JSONEncoder` does with `.sortedKeys` and
/// `.withoutEscapingSlashes`, compact or with `.prettyPrinted` — without its boxing of every value, many
/// times faster. The caller writes members in sorted key order; the writer does the punctuation, the
/// indentation and the escaping:
///
/// - pretty: two spaces per level, `"key" : value`, an empty array or object as `[`, a blank line and `]`;
/// - strings: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other C0 controls as `\u00XX` (lowercase hex),
///   everything else (DEL, `/`, non-ASCII) as is;
/// - numbers: integers in decimal; a `Double` as its `description` without a trailing `.0`.
///
/// ```swift
/// var json = JSONWriter(pretty: false)
/// json.openObject()
/// json.key("id"); json.string("star.task")
/// json.key("score"); json.number(1.0)
/// json.closeObject()
/// String(decoding: json.bytes, as: UTF8.self)   // {"id":"star.task","score":1}
/// ```
struct JSONWriter: ~Copyable {
  /// The bytes written so far, in storage the writer owns: appending a byte is a store and a count, where
  /// `Array.append` checked the array's uniqueness and capacity for every punctuation mark and key (most of
  /// the time of writing a report).
  private var buffer: GrowableBuffer<UInt8>
  let pretty: Bool
  /// How many containers are open, and a bit for each (the first one lowest): set once the container has a
  /// value. A report nests six deep.
  private var depth = 0
  private var nonEmpty: UInt64 = 0

  init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    buffer = GrowableBuffer(capacity: max(capacity, 64))
  }

  /// What has been written.
  var bytes: [UInt8] { buffer.withBuffer { Array($0) } }

  @inline(__always)
  private mutating func append(_ byte: UInt8) { buffer.append(byte) }

  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: bytes) }

  private mutating func append(_ literal: StaticString) {
    append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  mutating func openObject() { open(UInt8(ascii: "{")) }
  mutating func closeObject() { close(UInt8(ascii: "}")) }
  mutating func openArray() { open(UInt8(ascii: "[")) }
  mutating func closeArray() { close(UInt8(ascii: "]")) }

  private mutating func open(_ bracket: UInt8) {
    precondition(depth < 64, "JSONWriter nests at most 64 containers")
    append(bracket)
    depth += 1
  }

  private mutating func close(_ bracket: UInt8) {
    precondition(depth > 0, "JSONWriter closes a container it did not open")
    depth -= 1
    let empty = nonEmpty & (1 << depth) == 0
    nonEmpty &= ~(1 << depth)
    if pretty {
      if empty { append(0x0A) }
      newline()
    }
    append(bracket)
  }

  private mutating func newline() {
    append(0x0A)
    for _ in 0..<(2 * depth) { append(0x20) }
  }

  /// Starts the next element of the open array (or the next member of the open object).
  @inline(__always)
  mutating func element() {
    guard depth > 0 else { return }
    let bit: UInt64 = 1 << (depth - 1)
    if nonEmpty & bit != 0 { append(UInt8(ascii: ",")) }
    nonEmpty |= bit
    if pretty { newline() }
  }

  /// Starts a member of the open object: its key and separator.
  mutating func key(_ name: StaticString) {
    element()
    // The quotes, the name and the colon stored in one go: a name is a few bytes, which a loop copies in
    // less than a call to `memcpy` takes.
    let n = name.utf8CodeUnitCount, bytes = name.utf8Start
    buffer.reserve(n + 3)
    let out = buffer.base + buffer.count
    out[0] = UInt8(ascii: "\"")
    for i in 0..<n { out[1 + i] = bytes[i] }
    out[1 + n] = UInt8(ascii: "\"")
    if pretty {
      buffer.count += n + 2
      append(" : ")
    } else {
      out[2 + n] = UInt8(ascii: ":")
      buffer.count += n + 3
    }
  }

  mutating func bool(_ value: Bool) {
    if value {
      append("true")
    } else {
      append("false")
    }
  }

  mutating func number(_ value: Int) {
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var i = 20
      repeat {
        i -= 1
        digits[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 { append(UInt8(ascii: "-")) }
      append(UnsafeBufferPointer(rebasing: digits[i..<20]))
    }
  }

  /// A `Double` as `JSONEncoder` writes it: its `description`, less a trailing `.0` (`1`, `0.5`, `1e+16`).
  mutating func number(_ value: Double) {
    if value.rounded() == value, value.magnitude < 1e15, !(value == 0 && value.sign == .minus) {
      number(Int(value))
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    text.withUTF8 { append($0) }
  }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { string($0) }
  }

  mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
    append(UInt8(ascii: "\""))
    var runStart = 0
    var i = 0
    while i < utf8.count {
      // Eight bytes at a time while none of them needs escaping (most of a report's text).
      if i + 8 <= utf8.count, !Self.needsEscape(EightBytes.load(utf8, at: i)) {
        i += 8
        continue
      }
      let byte = utf8[i]
      i += 1
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
      // The run before this byte, then the byte escaped.
      if runStart < i - 1 { append(UnsafeBufferPointer(rebasing: utf8[runStart..<i - 1])) }
      runStart = i
      append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""): append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"))
      case 0x08: append(UInt8(ascii: "b"))
      case 0x0C: append(UInt8(ascii: "f"))
      case 0x0A: append(UInt8(ascii: "n"))
      case 0x0D: append(UInt8(ascii: "r"))
      case 0x09: append(UInt8(ascii: "t"))
      default:
        func hex(_ nibble: UInt8) -> UInt8 {
          nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
        append("u00")
        append(hex(byte >> 4))
        append(hex(byte & 0x0F))
      }
    }
    if runStart < utf8.count { append(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    append(UInt8(ascii: "\""))
  }

  /// Whether one of the eight bytes of `word` is a C0 control, `"` or `\`.
  @inline(__always)
  static func needsEscape(_ word: UInt64) -> Bool {
    EightBytes.below(0x20, in: word) | EightBytes.equal(UInt8(ascii: "\""), in: word)
      | EightBytes.equal(UInt8(ascii: "\\"), in: word) != 0
  }
}
