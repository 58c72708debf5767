extension Array where Element == UInt16 {
  /// The string of `range`, decoded from contiguous storage.
  @inline(__always)
  func string(_ range: Range<Int>) -> String {
    withUnsafeBufferPointer { String(utf16: UnsafeBufferPointer(rebasing: $0[range])) }
  }
}

extension String {
  /// The string of UTF-16 `units`: the same as `String(decoding: units, as: UTF16.self)` (an unpaired
  /// surrogate becomes U+FFFD), several times faster. The standard library transcodes UTF-16 through a
  /// generic scalar parser; this counts the UTF-8 length, then writes the bytes straight into the string's
  /// storage.
  ///
  /// ```swift
  /// String(utf16: buffer)   // "naïve 👩🏽‍💻"
  /// ```
  /// - Complexity: O(n).
  public init(utf16 units: UnsafeBufferPointer<UInt16>) {
    let n = units.count
    var i = 0
    // Four ASCII units at a time (most of any text), then unit by unit from the first that is not.
    while i + 4 <= n, FourUnits.load(units, at: i) & 0xFF80_FF80_FF80_FF80 == 0 { i += 4 }
    var length = i
    var ascii = true
    while i < n {
      let u = units[i]
      if u < 0x80 {
        length += 1
      } else {
        ascii = false
        if u < 0x800 {
          length += 2
        } else if u & 0xFC00 == 0xD800, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
          length += 4
          i += 1
        } else {
          length += 3  // a BMP character, or U+FFFD for an unpaired surrogate
        }
      }
      i += 1
    }
    if length == 0 {
      self = ""
      return
    }
    if ascii {
      self = String(unsafeUninitializedCapacity: length) { out in
        for k in 0..<n { out[k] = UInt8(truncatingIfNeeded: units[k]) }
        return length
      }
      return
    }
    self = String(unsafeUninitializedCapacity: length) { UTF8Encoding.encode(units, into: $0.baseAddress!) }
  }
}

/// UTF-16 units written as UTF-8, for ``Swift/String/init(utf16:)`` and for the tokens' normalized bytes
/// (``AnalyzedText/normalizedUTF8``).
enum UTF8Encoding {
  /// Writes the UTF-8 of `units` to `out`, which has room for three bytes per unit (the most one takes: a
  /// surrogate pair's four bytes are two units' worth), an unpaired surrogate as U+FFFD. Returns how many
  /// bytes it wrote.
  @inline(__always)
  static func encode(_ units: UnsafeBufferPointer<UInt16>, into out: UnsafeMutablePointer<UInt8>) -> Int {
    let n = units.count
    var o = 0
    var i = 0
    while i < n {
      let u = units[i]
      if u < 0x80 {
        out[o] = UInt8(truncatingIfNeeded: u)
        o += 1
      } else if u < 0x800 {
        out[o] = UInt8(truncatingIfNeeded: 0xC0 | (u >> 6))
        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F))
        o += 2
      } else if u & 0xFC00 == 0xD800, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
        let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
        out[o] = UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18))
        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F))
        out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F))
        out[o + 3] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
        o += 4
        i += 1
      } else {
        let v: UInt16 = u & 0xF800 == 0xD800 ? 0xFFFD : u
        out[o] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
        out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
        o += 3
      }
      i += 1
    }
    return o
  }
}

/// The tokens' normalized UTF-8 (``AnalyzedText/normalizedUTF8``) as it is written, run after run, into
/// memory allocated once: room for three bytes per UTF-16 unit of the whole normalized text, which the
/// tokens' units (parts of it, none twice) never pass. Only the pages written are ever touched.
///
/// ```swift
/// var sink = UTF8Sink(units: normalized.units.count)
/// defer { sink.deallocate() }
/// sink.append(units)   // 0..<3, where the token's bytes lie
/// sink.bytes           // [0x70, 0x39, 0x35]
/// ```
struct UTF8Sink {
  private let base: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  /// How many bytes are written.
  private(set) var count = 0

  /// Room for the UTF-8 of `units` UTF-16 units.
  init(units: Int) {
    capacity = 3 * units
    base = .allocate(capacity: max(capacity, 1))
  }

  /// Writes the UTF-8 of `units` after the bytes before and returns where it lies.
  @inline(__always)
  mutating func append(_ units: UnsafeBufferPointer<UInt16>) -> Range<Int> {
    precondition(count + 3 * units.count <= capacity, "more units than the sink was made for")
    let start = count
    count += UTF8Encoding.encode(units, into: base + count)
    return start..<count
  }

  /// The bytes written, copied into an array of their own size: the memory allocated has room for three
  /// bytes per unit, and an answer keeps its bytes for as long as it is graded.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  func deallocate() { base.deallocate() }
}

extension String {
  /// Four bytes, the first lowest, as four 16-bit units (little-endian, like the bytes).
  @inline(__always)
  static func widen(_ four: UInt32) -> UInt64 {
    var x = UInt64(four)
    x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
    return (x | x << 8) & 0x00FF_00FF_00FF_00FF
  }

  /// The string's UTF-16 code units: the same as `Array(utf16)`, decoded straight from the UTF-8 storage
  /// (the standard library's view decodes one unit at a time through its index machinery).
  /// - Complexity: O(n).
  public var utf16Units: [UInt16] {
    // `Array(unsafeUninitializedCapacity: 0)` stores its count into the standard library's shared empty
    // array, which the thread sanitizer reports as a race between threads that do it at once.
    if isEmpty { return [] }
    var copy = self
    return copy.withUTF8 { utf8 in
      // A UTF-8 sequence of k bytes is at most k UTF-16 units.
      [UInt16](unsafeUninitializedCapacity: utf8.count) { out, count in
        var i = 0, o = 0
        let n = utf8.count
        while i < n {
          // Eight ASCII bytes (most of any answer) at a time, each widened to its 16-bit unit.
          if i + 8 <= n {
            let eight = EightBytes.load(utf8, at: i)
            if eight & 0x8080_8080_8080_8080 == 0 {
              let target = UnsafeMutableRawPointer(out.baseAddress! + o)
              target.storeBytes(of: Self.widen(UInt32(truncatingIfNeeded: eight)), as: UInt64.self)
              target.storeBytes(
                of: Self.widen(UInt32(truncatingIfNeeded: eight >> 32)), toByteOffset: 8, as: UInt64.self)
              i += 8
              o += 8
              continue
            }
          }
          let b = UInt32(utf8[i])
          if b < 0x80 {
            out[o] = UInt16(truncatingIfNeeded: b)
            o += 1
            i += 1
          } else if b < 0xE0 {
            out[o] = UInt16(truncatingIfNeeded: (b & 0x1F) << 6 | UInt32(utf8[i + 1]) & 0x3F)
            o += 1
            i += 2
          } else if b < 0xF0 {
            out[o] = UInt16(
              truncatingIfNeeded: (b & 0x0F) << 12 | (UInt32(utf8[i + 1]) & 0x3F) << 6 | UInt32(utf8[i + 2]) & 0x3F)
            o += 1
            i += 3
          } else {
            let scalar =
              (b & 0x07) << 18 | (UInt32(utf8[i + 1]) & 0x3F) << 12 | (UInt32(utf8[i + 2]) & 0x3F) << 6
              | UInt32(utf8[i + 3]) & 0x3F
            out[o] = UInt16(truncatingIfNeeded: 0xD800 + ((scalar - 0x10000) >> 10))
            out[o + 1] = UInt16(truncatingIfNeeded: 0xDC00 + ((scalar - 0x10000) & 0x3FF))
            o += 2
            i += 4
          }
        }
        count = o
      }
    }
  }
}
