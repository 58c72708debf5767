internal import CICU

/// Checks an ICU status after a call; a failure becomes ``TextError/icu(operation:status:name:)``.
@inline(__always)
func checkICU(_ status: Int32, _ operation: @autoclosure () -> String) throws(TextError) {
  if status > 0 {
    throw TextError.icu(operation: operation(), status: status, name: String(cString: cicu_error_name(status)))
  }
}

/// ICU's version, e.g. "72.1".
public var icuVersion: String { String(cString: cicu_version()) }

/// A reusable ICU break iterator (word or sentence) that segments UTF-16 buffers.
///
/// Not thread-safe: give each thread its own (see ``TextAnalyzer``).
final class Breaker {
  enum Kind {
    case word, sentence
    var raw: Int32 { self == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE) }
  }

  private let handle: OpaquePointer
  private var ends: [Int32] = []
  private var statuses: [Int32] = []

  init(_ kind: Kind, locale: String) throws(TextError) {
    var status: Int32 = 0
    let handle = cicu_breaker_open(kind.raw, locale, &status)
    try checkICU(status, "opening a \(kind) break iterator for locale \(locale)")
    guard let handle else {
      throw TextError.icu(operation: "opening a \(kind) break iterator", status: 7, name: "U_MEMORY_ALLOCATION_ERROR")
    }
    self.handle = handle
  }

  deinit { cicu_breaker_close(handle) }

  /// Segments `text[range]`; calls `body(start, end, ruleStatus)` for each segment, offsets into `text`.
  func segment(
    _ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
    _ body: (Int, Int, Int32) -> Void
  ) throws(TextError) {
    let length = range.count
    guard length > 0, let base = text.baseAddress else { return }
    if ends.count < length {
      ends = [Int32](repeating: 0, count: length)
      statuses = [Int32](repeating: 0, count: length)
    }
    var status: Int32 = 0
    let count = ends.withUnsafeMutableBufferPointer { endsBuffer in
      statuses.withUnsafeMutableBufferPointer { statusBuffer in
        cicu_breaker_segment(
          handle, base + range.lowerBound, Int32(length), endsBuffer.baseAddress, statusBuffer.baseAddress,
          Int32(length), &status)
      }
    }
    try checkICU(status, "segmenting text")
    var start = range.lowerBound
    for i in 0..<Int(count) {
      let end = range.lowerBound + Int(ends[i])
      body(start, end, statuses[i])
      start = end
    }
  }
}

/// NFKC_Casefold over a UTF-16 buffer, with a map from every output unit back to its source range.
enum Casefolder {
  static func fold(_ source: UnsafeBufferPointer<UInt16>) throws(TextError) -> (
    units: [UInt16], starts: [Int32], ends: [Int32]
  ) {
    var capacity = source.count + source.count / 4 + 16
    while true {
      // Uninitialized arrays, given their count once ICU has written them, rather than three arrays of the
      // capacity filled with zeros first and trimmed after.
      var status: Int32 = 0
      var written = 0
      var starts: [Int32] = [], ends: [Int32] = []
      let units = [UInt16](unsafeUninitializedCapacity: capacity) { u, unitCount in
        starts = [Int32](unsafeUninitializedCapacity: capacity) { s, startCount in
          ends = [Int32](unsafeUninitializedCapacity: capacity) { e, endCount in
            written = Int(
              cicu_casefold_mapped(
                source.baseAddress, Int32(source.count), u.baseAddress, s.baseAddress, e.baseAddress,
                Int32(capacity), &status))
            // What ICU wrote, none of it on an error or an overflow (`written` is then the size needed).
            endCount = status <= 0 && written <= capacity ? written : 0
          }
          startCount = ends.count
        }
        unitCount = ends.count
      }
      if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
        capacity = written
        continue
      }
      try checkICU(status, "normalizing text (NFKC_Casefold)")
      return (units, starts, ends)
    }
  }
}

/// Parses spelled-out numbers ("twenty-one" → 21) with ICU's spell-out rules.
///
/// A strict parser (the default) reads numbers written as the rules write them: lowercase, hyphens between
/// tens and units. That is what normalized words are, and it is fast. A lenient parser also reads "Twenty
/// One", but its first parse builds a collator (about 9 ms) and every parse takes ten times longer.
public final class SpelloutParser {
  private let handle: OpaquePointer

  /// - Throws: ``TextError/icu(operation:status:name:)`` when ICU has no spell-out rules for `locale`.
  public init(locale: String = "en", lenient: Bool = false) throws(TextError) {
    var status: Int32 = 0
    let handle = cicu_spellout_open(locale, lenient ? 1 : 0, &status)
    try checkICU(status, "opening the spell-out number parser for locale \(locale)")
    guard let handle else {
      throw TextError.icu(operation: "opening the spell-out parser", status: 7, name: "U_MEMORY_ALLOCATION_ERROR")
    }
    self.handle = handle
  }

  deinit { cicu_spellout_close(handle) }

  /// The value of the spelled-out number that makes up all of `text`, or nil.
  ///
  /// ```swift
  /// try SpelloutParser().value(of: "twenty-one")                 // 21
  /// try SpelloutParser().value(of: "Twenty One")                 // nil
  /// try SpelloutParser(lenient: true).value(of: "Twenty One")    // 21
  /// try SpelloutParser().value(of: "banana")                     // nil
  /// ```
  public func value(of text: String) -> Double? {
    let units = Array(text.utf16)
    guard !units.isEmpty else { return nil }
    var consumed: Int32 = 0
    var status: Int32 = 0
    let value = units.withUnsafeBufferPointer {
      cicu_spellout_parse(handle, $0.baseAddress, Int32($0.count), &consumed, &status)
    }
    guard status <= 0, Int(consumed) == units.count else { return nil }
    return value
  }
}
