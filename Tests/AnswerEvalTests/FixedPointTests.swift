import Foundation
import Testing

@testable import AnswerEval

/// `FixedPoint` against C's printf (through `String(format:)`), which rounds the exact binary value.
@Suite struct FixedPointTests {
  private func printf(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

  @Test func documentedCases() {
    #expect(FixedPoint.string(7.46, decimals: 1) == "7.5")
    #expect(FixedPoint.string(0.25, decimals: 1) == "0.2")  // an exact tie, to even
    #expect(FixedPoint.string(0.75, decimals: 1) == "0.8")  // an exact tie, to even
    #expect(FixedPoint.string(0.35, decimals: 1) == "0.3")  // 0.34999…
    #expect(FixedPoint.string(0.45, decimals: 1) == "0.5")  // 0.45000…01
    #expect(FixedPoint.string(2.5, decimals: 0) == "2")
    #expect(FixedPoint.string(3.5, decimals: 0) == "4")
    #expect(FixedPoint.string(12, decimals: 2) == "12.00")
    #expect(FixedPoint.string(0, decimals: 1) == "0.0")
    #expect(FixedPoint.string(-0.0, decimals: 1) == "-0.0")
    #expect(FixedPoint.string(-0.01, decimals: 2) == "-0.01")
    #expect(FixedPoint.string(-0.001, decimals: 2) == "-0.00")
    #expect(FixedPoint.string(5e-324, decimals: 3) == "0.000")
    #expect(FixedPoint.string(999_999_999.96, decimals: 1) == "1000000000.0")
    #expect(FixedPoint.string(0.123456789, decimals: 6) == "0.123457")
  }

  /// What the detectors write: a count per 100 words, and scores of hits over criteria.
  @Test func ratiosOfSmallCounts() {
    var mismatches: [String] = []
    for words in 1...400 {
      for count in 0...60 {
        let value = Double(count) / Double(words) * 100
        for decimals in 0...4 where FixedPoint.string(value, decimals: decimals) != printf(value, decimals) {
          mismatches.append("\(count)/\(words) with \(decimals): \(FixedPoint.string(value, decimals: decimals))")
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  /// Exact halfway cases (k + 1/2 of the last decimal, for binary fractions) and their neighbours.
  @Test func tiesAndTheirNeighbours() {
    var mismatches: [String] = []
    for k in 0...2_000 {
      for denominator in [2.0, 4, 8, 16, 32, 64, 1024] {
        let tie = Double(k) / denominator
        for value in [tie, tie.nextUp, tie.nextDown, -tie] {
          for decimals in 0...6 where FixedPoint.string(value, decimals: decimals) != printf(value, decimals) {
            mismatches.append("\(value) with \(decimals)")
          }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  /// Random bit patterns across every magnitude, tiny to past the 10⁹ fallback, and the non-finite values.
  @Test func randomValuesOfEveryMagnitude() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {  // SplitMix64
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var values: [Double] = [.infinity, -.infinity, .nan, 1e9, 1e9.nextDown, 1e300, .leastNonzeroMagnitude]
    for _ in 0..<20_000 {
      let bits = next()
      // Exponents from 2⁻⁸⁰ to 2³⁴, so that most values land where digits are worked out.
      let exponent = UInt64(1023 - 80 + Int(bits >> 57) % 115)
      values.append(Double(bitPattern: (bits & 0x800F_FFFF_FFFF_FFFF) | exponent << 52))
    }
    var mismatches: [String] = []
    for value in values {
      for decimals in 0...6 where FixedPoint.string(value, decimals: decimals) != printf(value, decimals) {
        mismatches.append("\(value) with \(decimals): \(FixedPoint.string(value, decimals: decimals))")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }
}
