/// Four UTF-16 units read as one `UInt64` and tested at once, for scans over text where most units need
/// nothing (line breaks, surrogates): ``EightBytes``' bit trick for "some lane is zero", on 16-bit lanes.
///
/// Each test returns bit 15 of the units that pass, and is exact about whether any does: a borrow out of a
/// unit that passes may also flag the unit above it, but a word where no unit passes gives 0.
///
/// ```swift
/// let word = FourUnits.load(units, at: 0)   // units[0..<4]
/// FourUnits.equal(0x60, in: word) != 0      // a backtick among them
/// FourUnits.lineBreaks(in: word) != 0       // a line feed or a carriage return among them
/// FourUnits.surrogates(in: word) != 0       // half of a surrogate pair among them
/// FourUnits.skip(units, from: 0, to: units.count, unless: FourUnits.lineBreaks)  // up to the first break's four
/// ```
public enum FourUnits {
  /// `units[i..<i + 4]`, which must be in the buffer, as one word (any alignment; the first unit lowest).
  @inlinable @inline(__always)
  public static func load(_ units: UnsafeBufferPointer<UInt16>, at i: Int) -> UInt64 {
    UnsafeRawPointer(units.baseAddress! + i).loadUnaligned(as: UInt64.self)
  }

  /// `unit` in each of the four lanes.
  @inlinable @inline(__always)
  public static func spread(_ unit: UInt16) -> UInt64 { 0x0001_0001_0001_0001 &* UInt64(unit) }

  /// Nonzero when a unit of `word` is `unit`.
  @inlinable @inline(__always)
  public static func equal(_ unit: UInt16, in word: UInt64) -> UInt64 {
    let x = word ^ spread(unit)
    return (x &- 0x0001_0001_0001_0001) & ~x & 0x8000_8000_8000_8000
  }

  /// The first index from `i` where the four units from it pass `test` (it returns nonzero), or where fewer
  /// than four are left before `end`: the units skipped, four at a time, need nothing.
  @inlinable @inline(__always)
  public static func skip(
    _ units: UnsafeBufferPointer<UInt16>, from i: Int, to end: Int, unless test: (UInt64) -> UInt64
  ) -> Int {
    var i = i
    while i + 4 <= end, test(load(units, at: i)) == 0 { i += 4 }
    return i
  }

  /// Nonzero when a unit of `word` is a line feed or a carriage return.
  @inlinable @inline(__always)
  public static func lineBreaks(in word: UInt64) -> UInt64 { equal(0x0A, in: word) | equal(0x0D, in: word) }

  /// Nonzero when a unit of `word` is a surrogate (0xD800–0xDFFF).
  @inlinable @inline(__always)
  public static func surrogates(in word: UInt64) -> UInt64 { equal(0xD800, in: word & spread(0xF800)) }
}
