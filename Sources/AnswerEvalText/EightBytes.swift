/// Eight bytes read as one `UInt64` and tested at once, for scans over text where most bytes need nothing
/// (JSON escaping, counting control characters): the classic bit tricks for "some byte is less than n" and
/// "some byte is zero" (after XOR with the byte sought).
///
/// Each test returns bit 7 of the bytes that pass, and is exact about whether any does: a borrow out of a
/// byte that passes may also flag the byte above it, but a word where no byte passes gives 0.
///
/// ```swift
/// let word = EightBytes.load(bytes, at: 0)                    // bytes[0..<8]
/// EightBytes.below(0x20, in: word) != 0                       // a C0 control among them
/// EightBytes.equal(UInt8(ascii: "\""), in: word) != 0         // a quote among them
/// 8 - EightBytes.continuationBytes(in: word).nonzeroBitCount  // how many of them start a UTF-8 scalar
/// ```
public enum EightBytes {
  /// `bytes[i..<i + 8]`, which must be in the buffer, as one word (any alignment).
  @inlinable @inline(__always)
  public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
    UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
  }

  /// Nonzero when a byte of `word` is below `n` (at most 0x80).
  @inlinable @inline(__always)
  public static func below(_ n: UInt8, in word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101 &* UInt64(n)) & ~word & 0x8080_8080_8080_8080
  }

  /// Nonzero when a byte of `word` is `byte`.
  @inlinable @inline(__always)
  public static func equal(_ byte: UInt8, in word: UInt64) -> UInt64 {
    below(1, in: word ^ 0x0101_0101_0101_0101 &* UInt64(byte))
  }

  /// Bit 7 of each UTF-8 continuation byte (10xxxxxx) of `word`, exactly.
  @inlinable @inline(__always)
  public static func continuationBytes(in word: UInt64) -> UInt64 {
    word & ~(word << 1) & 0x8080_8080_8080_8080
  }
}
