import Foundation

/// A number with a fixed count of decimals, exactly as C's `printf("%.Nf")` (and `String(format:)`) writes it:
/// the `Double`'s exact binary value rounded to `N` decimals, halfway cases to the even neighbour.
///
/// ```swift
/// FixedPoint.string(7.46, decimals: 1)   // "7.5"
/// FixedPoint.string(0.25, decimals: 1)   // "0.2" — 0.25 is exact, a tie: to even
/// FixedPoint.string(0.35, decimals: 1)   // "0.3" — 0.35 is 0.34999…
/// FixedPoint.string(-0.01, decimals: 2)  // "-0.01"
/// FixedPoint.string(-0.001, decimals: 2) // "-0.00", as printf
/// ```
///
/// `String(format:)` costs about 15,000 instructions a call (it goes through Foundation's variadic
/// formatting); a detector's `value` is written once per answer. This works the digits out with integers.
enum FixedPoint {
  /// `value` with `decimals` (0…6) decimals. Values from 10⁹ up, infinities and NaN go to `String(format:)`.
  static func string(_ value: Double, decimals: Int) -> String {
    precondition((0...6).contains(decimals), "FixedPoint handles 0…6 decimals")
    guard value.isFinite, value.magnitude < 1e9 else { return String(format: "%.\(decimals)f", value) }
    var scale: UInt64 = 1
    for _ in 0..<decimals { scale *= 10 }
    // value = significand · 2^exponent exactly, so value · scale = product / 2^shift.
    let significand: UInt64, shift: Int
    if value.isNormal {
      significand = value.significandBitPattern | 1 << 52
      shift = 52 - Int(value.exponent)
    } else {
      significand = value.significandBitPattern  // subnormal or zero
      shift = 1074
    }
    // value < 10⁹ < 2³⁰, so shift > 22, and product < 2⁵³ · 10⁶ < 2⁷³.
    let product = UInt128(significand) * UInt128(scale)
    var rounded: UInt64 = 0
    if shift < 128 {
      rounded = UInt64(product >> shift)
      let remainder = product & ((1 << shift) - 1), half = UInt128(1) << (shift - 1)
      if remainder > half || (remainder == half && rounded & 1 == 1) { rounded += 1 }
    }
    // The digits, last first, with the point `decimals` digits from the end and at least one digit before it.
    var digits: [UInt8] = []
    digits.reserveCapacity(24)
    var n = rounded
    var written = 0
    repeat {
      if written == decimals && decimals > 0 { digits.append(UInt8(ascii: ".")) }
      digits.append(UInt8(ascii: "0") + UInt8(n % 10))
      n /= 10
      written += 1
    } while n > 0 || written <= decimals
    if value.sign == .minus { digits.append(UInt8(ascii: "-")) }
    return String(decoding: digits.reversed(), as: UTF8.self)
  }
}
