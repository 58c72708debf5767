/// The analysis text folded for matching: NFKC_Casefold (case, width, compatibility forms, ligatures,
/// fullwidth digits, unusual spaces) plus folding of curly quotes to `'`/`"` and of dashes and the minus
/// sign to `-`. Every normalized UTF-16 unit keeps the source range it came from.
///
/// ```swift
/// NormalizedText(folding: Array("Straße “ﬁne” — ２".utf16)).string   // "strasse \"fine\" - 2"
/// ```
public struct NormalizedText: Sendable {
  /// Normalized UTF-16 units.
  public let units: [UInt16]
  /// For each normalized unit, the source range [start, end) it came from (UTF-16 offsets).
  public let sourceStarts: [Int32]
  public let sourceEnds: [Int32]
  /// For each source offset 0...n, the first normalized unit at or after it.
  let fromSource: [Int32]

  /// - Throws: ``TextError/icu(operation:status:name:)`` if ICU's normalizer fails.
  /// - Complexity: O(n).
  public init(folding source: [UInt16]) throws(TextError) {
    var (units, starts, ends) = try source.withUnsafeBufferPointer { (buffer) throws(TextError) in
      try Casefolder.fold(buffer)
    }
    // Through buffers, as everything here: this runs over every unit of every answer.
    units.withUnsafeMutableBufferPointer { units in
      for i in units.indices where units[i] >= 0x2010 { units[i] = NormalizedText.foldPunctuation(units[i]) }
    }
    // fromSource[s] = the first unit whose source start is >= s: the source offsets up to each unit's start
    // that no unit before it has taken (the starts never decrease), then the units' count for the rest.
    let fromSource = [Int32](unsafeUninitializedCapacity: source.count + 1) { fromSource, initialized in
      starts.withUnsafeBufferPointer { starts in
        var s = 0
        for u in starts.indices {
          let start = Int(starts[u])
          while s <= start {
            fromSource[s] = Int32(u)
            s += 1
          }
        }
        while s <= source.count {
          fromSource[s] = Int32(starts.count)
          s += 1
        }
      }
      initialized = source.count + 1
    }
    self.units = units
    self.sourceStarts = starts
    self.sourceEnds = ends
    self.fromSource = fromSource
  }

  /// The normalized text as a string.
  public var string: String { units.string(0..<units.count) }

  /// The normalized units of a source range.
  public func unitRange(ofSource range: Range<Int>) -> Range<Int> {
    Int(fromSource[range.lowerBound])..<max(Int(fromSource[range.lowerBound]), Int(fromSource[range.upperBound]))
  }

  /// The normalized string of a source range.
  public func string(ofSource range: Range<Int>) -> String {
    units.string(unitRange(ofSource: range))
  }

  @inline(__always)
  static func foldPunctuation(_ u: UInt16) -> UInt16 {
    switch u {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035: return 0x27  // ' ’ ‚ ‛ ′ ‵
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036: return 0x22  // “ ” „ ‟ ″ ‶
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63: return 0x2D  // dashes, minus
    default: return u
    }
  }
}
