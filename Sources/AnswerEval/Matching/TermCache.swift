/// The terms of tokens a matcher has already looked up, kept by one ``Grader`` (so one thread) from answer
/// to answer: most words of an answer were in the answers before it, and finding a word's terms — its
/// exact form and stem looked up, its prefixes and suffixes walked — costs several times more than
/// finding the word here.
///
/// A word is kept as a ``Key``: its bytes in two words, its length and whether it is a word. Hashing and
/// comparing a key takes no loop over its bytes: the loops' exits, at a different byte for each word, were
/// branches the CPU mostly guessed wrong, once per token. With a word's terms (at most ``termsPerWord``,
/// stored in its slot) the cache keeps their bits, as the matcher's walk reads them (``TermSet/bits``).
///
/// Bounded: words longer than ``longestKey`` bytes, or with more terms than ``termsPerWord``, are not kept,
/// and the cache starts over when it holds ``capacity`` words, so its size does not grow with the number of
/// answers. It belongs to one matcher at a time and starts over when used with another. What it holds
/// never changes a match: a word's terms depend only on its bytes, whether it is a word, and the matcher.
///
/// ```swift
/// let cache = TermCache()
/// matcher.matches(in: text, cache: cache)   // the same matches as without it
/// ```
final class TermCache {
  /// The most bytes a word kept here has.
  static let longestKey = 16
  /// The most terms a word kept here has.
  static let termsPerWord = 3
  /// The most words kept before starting over.
  static let capacity = 4096

  /// A word as the cache knows it: its bytes (`low`: the first eight, `high`: the next eight, byte i in
  /// bits 8i…, zero past its end) and `meta`: its length, plus 256 for a word (as opposed to a number or a
  /// symbol), plus 512 so that it is never 0 (the mark of an empty slot).
  struct Key: Equatable {
    var low: UInt64
    var high: UInt64
    var meta: UInt64

    init(low: UInt64, high: UInt64, meta: UInt64) {
      self.low = low
      self.high = high
      self.meta = meta
    }

    /// The key of the token `bytes[range]`, or nil when it is longer than ``TermCache/longestKey`` bytes.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isWord: Bool) {
      let length = range.count
      guard length <= TermCache.longestKey else { return nil }
      low = 0
      high = 0
      meta = UInt64(length) | (isWord ? 256 : 0) | 512
      if range.lowerBound + 16 <= bytes.count {
        // Sixteen bytes read at once, those past the token masked off.
        let base = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound)
        low = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        high = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let bits = UInt64(8 * length)
        low &= length >= 8 ? .max : (1 << bits) &- 1
        high &= length >= 16 ? .max : (length <= 8 ? 0 : (1 << (bits - 64)) &- 1)
      } else {
        // Near the end of the text: byte by byte.
        for (i, byte) in bytes[range].enumerated() {
          if i < 8 { low |= UInt64(byte) << UInt64(8 * i) } else { high |= UInt64(byte) << UInt64(8 * (i - 8)) }
        }
      }
    }
  }

  /// A word's terms (the first `count` of `terms`) and their bits (a slot takes 48 bytes).
  struct TermSet {
    var terms: (Int32, Int32, Int32)
    var count: Int32
    var bits: UInt64
  }

  /// A kept word and its terms; `key.meta` 0: empty.
  private struct Slot {
    var key = Key(low: 0, high: 0, meta: 0)
    var terms = TermSet(terms: (0, 0, 0), count: 0, bits: 0)
  }
  /// Open addressing over twice ``capacity`` slots, allocated once.
  private let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: 2 * TermCache.capacity)
  private var count = 0
  /// The matcher the terms are for.
  private var owner: ObjectIdentifier?

  init() {
    slots.initialize(repeating: Slot())
  }

  deinit {
    slots.deallocate()
  }

  /// Empties the cache unless it already holds terms for `matcher`.
  func use(for matcher: ObjectIdentifier) {
    guard owner != matcher else { return }
    owner = matcher
    clear()
  }

  private func clear() {
    for i in slots.indices { slots[i].key.meta = 0 }
    count = 0
  }

  @inline(__always)
  private func slot(of key: Key) -> Int {
    let h = ((key.low &* 0x9E37_79B9_7F4A_7C15) ^ key.high ^ key.meta) &* 0xC2B2_AE3D_27D4_EB4F
    return Int(truncatingIfNeeded: h >> 32) & (slots.count - 1)
  }

  /// The terms kept for `key`, or nil.
  @inline(__always)
  func terms(of key: Key) -> TermSet? {
    let mask = slots.count - 1
    var slot = slot(of: key)
    while true {
      let entry = slots[slot]
      if entry.key.meta == 0 { return nil }
      // One test for the three words.
      if (entry.key.low ^ key.low) | (entry.key.high ^ key.high) | (entry.key.meta ^ key.meta) == 0 {
        return entry.terms
      }
      slot = (slot + 1) & mask
    }
  }

  /// Keeps `terms` (with their `bits`) for `key`, which ``terms(of:)`` did not find, unless there are more
  /// than ``termsPerWord``.
  func insert(_ key: Key, terms: UnsafeBufferPointer<Int32>, bits: UInt64) {
    guard terms.count <= Self.termsPerWord else { return }
    if count == Self.capacity { clear() }
    let mask = slots.count - 1
    var slot = slot(of: key)
    while slots[slot].key.meta != 0 { slot = (slot + 1) & mask }
    var kept = TermSet(terms: (0, 0, 0), count: Int32(terms.count), bits: bits)
    if terms.count > 0 { kept.terms.0 = terms[0] }
    if terms.count > 1 { kept.terms.1 = terms[1] }
    if terms.count > 2 { kept.terms.2 = terms[2] }
    slots[slot] = Slot(key: key, terms: kept)
    count += 1
  }
}
