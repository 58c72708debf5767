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
struct JSONWriter {
  var bytes: [UInt8] = []
  let pretty: Bool
  /// The values written so far in each open container.
  private var counts: [Int] = []

  init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  mutating func openObject() { open(UInt8(ascii: "{")) }
  mutating func closeObject() { close(UInt8(ascii: "}")) }
  mutating func openArray() { open(UInt8(ascii: "[")) }
  mutating func closeArray() { close(UInt8(ascii: "]")) }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    counts.append(0)
  }

  private mutating func close(_ bracket: UInt8) {
    let count = counts.removeLast()
    if pretty {
      if count == 0 { bytes.append(0x0A) }
      newline()
    }
    bytes.append(bracket)
  }

  private mutating func newline() {
    bytes.append(0x0A)
    for _ in 0..<(2 * counts.count) { bytes.append(0x20) }
  }

  /// Starts the next element of the open array (or the next member of the open object).
  mutating func element() {
    guard !counts.isEmpty else { return }
    if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
    counts[counts.count - 1] += 1
    if pretty { newline() }
  }

  /// Starts a member of the open object: its key and separator.
  mutating func key(_ name: StaticString) {
    element()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    bytes.append(UInt8(ascii: "\""))
    if pretty {
      bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    } else {
      bytes.append(UInt8(ascii: ":"))
    }
  }

  mutating func bool(_ value: Bool) {
    if value {
      bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
    } else {
      bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
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
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
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
    bytes.append(contentsOf: text.utf8)
  }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { string($0) }
  }

  mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var runStart = 0
    for i in 0..<utf8.count {
      let byte = utf8[i]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
      if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
      runStart = i + 1
      bytes.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
      case 0x08: bytes.append(UInt8(ascii: "b"))
      case 0x0C: bytes.append(UInt8(ascii: "f"))
      case 0x0A: bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(UInt8(ascii: "t"))
      default:
        func hex(_ nibble: UInt8) -> UInt8 {
          nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
        bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex(byte >> 4), hex(byte & 0x0F)])
      }
    }
    if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    bytes.append(UInt8(ascii: "\""))
  }
}
