/// A word of at most sixteen bytes as a key of a ``ShortKeyTable``: its bytes in two words (`low`: the
/// first eight, `high`: the next eight, byte i in bits 8i…, zero past its end), and `meta`: its length,
/// plus 256 for a tag the caller gives, plus 512 so that it is never 0 (the mark of an empty slot).
///
/// Made without a loop over the word's bytes: a loop's exit, at a different byte for each word, is a
/// branch the CPU mostly guesses wrong, once per token. Keys are equal exactly when the words are, with
/// the same tag.
///
/// ```swift
/// ShortKey(utf8, 0..<7, tag: true)           // "latency" in `utf8`, tagged
/// ShortKey(ascii: utf16, 0..<7, tag: false)  // the same bytes, from UTF-16 units; nil if one is not ASCII
/// ```
struct ShortKey: Equatable {
  var low: UInt64
  var high: UInt64
  var meta: UInt64

  /// The most bytes (or units) a key holds.
  static let longest = 16

  init(low: UInt64, high: UInt64, meta: UInt64) {
    self.low = low
    self.high = high
    self.meta = meta
  }

  /// The key of `bytes[range]`, or nil when it is longer than ``longest`` bytes.
  @inline(__always)
  init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, tag: Bool) {
    let length = range.count
    guard length <= Self.longest else { return nil }
    low = 0
    high = 0
    meta = Self.meta(length, tag)
    if range.lowerBound + 16 <= bytes.count {
      // Sixteen bytes read at once, those past the word masked off.
      let base = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound)
      low = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) & Self.mask(length, unit: 8)
      high =
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & Self.mask(length - 8, unit: 8)
    } else {
      // Near the end of the buffer: byte by byte.
      for (i, byte) in bytes[range].enumerated() {
        if i < 8 { low |= UInt64(byte) << UInt64(8 * i) } else { high |= UInt64(byte) << UInt64(8 * (i - 8)) }
      }
    }
  }

  /// The key of the UTF-16 units `units[range]` taken as bytes, or nil when it is longer than ``longest``
  /// units or one of them is not ASCII.
  @inline(__always)
  init?(ascii units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, tag: Bool) {
    let length = range.count
    guard length <= Self.longest else { return nil }
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    if range.lowerBound + 16 <= units.count {
      // Sixteen units read at once, four to a word, those past the word masked off.
      let base = UnsafeRawPointer(units.baseAddress! + range.lowerBound)
      words.0 = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) & Self.mask(length, unit: 16)
      words.1 =
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & Self.mask(length - 4, unit: 16)
      words.2 =
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) & Self.mask(length - 8, unit: 16)
      words.3 =
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 24, as: UInt64.self)) & Self.mask(length - 12, unit: 16)
    } else {
      // Near the end of the buffer: unit by unit.
      for (i, unit) in units[range].enumerated() {
        let shifted = UInt64(unit) << UInt64(16 * (i % 4))
        switch i / 4 {
        case 0: words.0 |= shifted
        case 1: words.1 |= shifted
        case 2: words.2 |= shifted
        default: words.3 |= shifted
        }
      }
    }
    guard (words.0 | words.1 | words.2 | words.3) & 0xFF80_FF80_FF80_FF80 == 0 else { return nil }
    /// Four ASCII units (one in each sixteen bits) as four bytes.
    func packed(_ word: UInt64) -> UInt64 {
      let pairs = (word | word >> 8) & 0x0000_FFFF_0000_FFFF
      return (pairs | pairs >> 16) & 0xFFFF_FFFF
    }
    low = packed(words.0) | packed(words.1) << 32
    high = packed(words.2) | packed(words.3) << 32
    meta = Self.meta(length, tag)
  }

  @inline(__always)
  private static func meta(_ length: Int, _ tag: Bool) -> UInt64 { UInt64(length) | (tag ? 256 : 0) | 512 }

  /// The bits of the first `count` units (of `unit` bits) of a word: none for a count of 0 or less, all for
  /// the whole word or more.
  @inline(__always)
  private static func mask(_ count: Int, unit: Int) -> UInt64 {
    count <= 0 ? 0 : (count * unit >= 64 ? .max : (1 << UInt64(count * unit)) &- 1)
  }

  /// Where the key goes in a table of `slotCount` slots (a power of two).
  @inline(__always)
  func slot(in slotCount: Int) -> Int {
    let h = ((low &* 0x9E37_79B9_7F4A_7C15) ^ high ^ meta) &* 0xC2B2_AE3D_27D4_EB4F
    return Int(truncatingIfNeeded: h >> 32) & (slotCount - 1)
  }
}

/// A table of a bounded size from ``ShortKey``s to values: the storage behind the caches a ``Grader`` keeps
/// from answer to answer (``TermCache``, ``LetterVerdictCache``). A key is found with one hash and one
/// comparison of three words, where hashing and comparing a word's bytes one by one was a loop per token.
///
/// Open addressing over twice ``capacity`` slots, allocated once; the table starts over (forgets every key)
/// when it holds ``capacity`` keys and another comes, so its size does not grow with the number of
/// answers. A non-copyable struct whose count is kept in memory it owns, so a cache holds it as a `let` and
/// calls it without exclusivity checks.
///
/// ```swift
/// let table = ShortKeyTable<Bool>(capacity: 4096)
/// if table.find(key) == nil { table.insert(key, true) }   // table.find(key) is now true
/// ```
struct ShortKeyTable<Value>: ~Copyable {
  /// The most keys kept; the table starts over when another comes.
  let capacity: Int

  private struct Slot {
    var key: ShortKey
    var value: Value
  }
  /// `key.meta` 0: empty.
  private let slots: UnsafeMutableBufferPointer<Slot>
  private let counts: UnsafeMutablePointer<Int>

  /// `capacity` must be a power of two; `empty` fills the empty slots (any value).
  init(capacity: Int, empty: Value) {
    precondition(capacity > 0 && capacity.nonzeroBitCount == 1, "capacity must be a power of two")
    self.capacity = capacity
    slots = .allocate(capacity: 2 * capacity)
    slots.initialize(repeating: Slot(key: ShortKey(low: 0, high: 0, meta: 0), value: empty))
    counts = .allocate(capacity: 1)
    counts.initialize(to: 0)
  }

  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
    counts.deallocate()
  }

  /// How many keys are kept.
  var count: Int { counts.pointee }

  /// Forgets every key.
  func clear() {
    for i in slots.indices { slots[i].key.meta = 0 }
    counts.pointee = 0
  }

  /// The value kept for `key`, or nil.
  @inline(__always)
  func find(_ key: ShortKey) -> Value? {
    let mask = slots.count - 1
    var slot = key.slot(in: slots.count)
    while true {
      let entry = slots[slot]
      if entry.key.meta == 0 { return nil }
      // One test for the three words.
      if (entry.key.low ^ key.low) | (entry.key.high ^ key.high) | (entry.key.meta ^ key.meta) == 0 {
        return entry.value
      }
      slot = (slot + 1) & mask
    }
  }

  /// Keeps `value` for `key`, which ``find(_:)`` did not find (after forgetting every key, when the table
  /// holds ``capacity``).
  func insert(_ key: ShortKey, _ value: Value) {
    if counts.pointee == capacity { clear() }
    let mask = slots.count - 1
    var slot = key.slot(in: slots.count)
    while slots[slot].key.meta != 0 { slot = (slot + 1) & mask }
    slots[slot] = Slot(key: key, value: value)
    counts.pointee += 1
  }
}
