import AnswerEvalText

/// ``GibberishDetector``'s verdicts on the letters of ASCII words (whether a word is implausible by
/// ``GibberishDetector/implausibleASCII(at:in:maxConsonants:)``), kept by one ``Grader`` (so one thread)
/// from answer to answer, as ``TermCache`` keeps the matcher's terms: most words of an answer were in the
/// answers before it, and finding a word's verdict here (its units hashed and compared once) costs a
/// fraction of reading its letters again.
///
/// Bounded: words longer than ``longestWord`` units are not kept, and the cache starts over when it holds
/// ``capacity`` words, so its size does not grow with the number of answers. A verdict depends only on
/// the word as written (its UTF-16 units, ASCII here) and `maxConsonants`; the cache starts over when
/// asked with another `maxConsonants`, so what it holds never changes a verdict.
///
/// ```swift
/// let cache = LetterVerdictCache()
/// cache.verdict(units, maxConsonants: 6)   // GibberishDetector.implausibleASCII(units, maxConsonants: 6)
/// ```
final class LetterVerdictCache {
  /// The most units a word kept here has.
  static let longestWord = 24
  /// The most words kept before starting over.
  static let capacity = 4096

  /// Open addressing, twice the capacity: each slot's word (`words[start..<start + length]`) and verdict;
  /// start -1: empty.
  private struct Slot {
    var hash: Int = 0
    var start: Int32 = -1
    var length: Int16 = 0
    var implausible = false
  }
  /// Fixed-size storage, allocated once (read for every word, without the checks of arrays in a class).
  private let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: 2 * LetterVerdictCache.capacity)
  private let words = UnsafeMutableBufferPointer<UInt16>.allocate(
    capacity: LetterVerdictCache.capacity * LetterVerdictCache.longestWord)
  /// How many words are kept.
  private(set) var count = 0
  private var unitCount = 0
  /// The `maxConsonants` the verdicts held were judged with.
  private var maxConsonants = -1

  init() {
    slots.initialize(repeating: Slot())
  }

  deinit {
    slots.deallocate()
    words.deallocate()
  }

  /// ``GibberishDetector/implausibleASCII(_:maxConsonants:)`` for `word`: the verdict kept, or judged now
  /// and kept for next time. Nil when a unit of `word` is not ASCII (the cache holds ASCII words only).
  func verdict(_ word: UnsafeBufferPointer<UInt16>, maxConsonants: Int) -> Bool? {
    // FNV-1a over the units, four at a time (then one by one), and every unit's bits or-ed together.
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    var bits: UInt64 = 0
    var i = 0
    while i + 4 <= word.count {
      let four = FourUnits.load(word, at: i)
      bits |= four
      h = (h ^ four) &* 0x100_0000_01B3
      i += 4
    }
    while i < word.count {
      bits |= UInt64(word[i])
      h = (h ^ UInt64(word[i])) &* 0x100_0000_01B3
      i += 1
    }
    guard bits & 0xFF80_FF80_FF80_FF80 == 0 else { return nil }
    guard word.count <= Self.longestWord else {
      return GibberishDetector.implausibleASCII(word, maxConsonants: maxConsonants)
    }
    if maxConsonants != self.maxConsonants {
      clear()
      self.maxConsonants = maxConsonants
    }
    let hash = Int(truncatingIfNeeded: h ^ (h >> 32))
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot].start >= 0 {
      let entry = slots[slot]
      if entry.hash == hash, Int(entry.length) == word.count, equal(word, at: Int(entry.start)) {
        return entry.implausible
      }
      slot = (slot + 1) & mask
    }
    guard let implausible = GibberishDetector.implausibleASCII(word, maxConsonants: maxConsonants) else { return nil }
    if count == Self.capacity {
      clear()
      slot = hash & mask
    }
    slots[slot] = Slot(hash: hash, start: Int32(unitCount), length: Int16(word.count), implausible: implausible)
    for (i, unit) in word.enumerated() { words[unitCount + i] = unit }
    unitCount += word.count
    count += 1
    return implausible
  }

  @inline(__always)
  private func equal(_ word: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
    let kept = UnsafeBufferPointer(rebasing: words[start..<(start + word.count)])
    var i = 0
    while i + 4 <= word.count {
      if FourUnits.load(kept, at: i) != FourUnits.load(word, at: i) { return false }
      i += 4
    }
    while i < word.count {
      if kept[i] != word[i] { return false }
      i += 1
    }
    return true
  }

  private func clear() {
    for i in slots.indices { slots[i].start = -1 }
    count = 0
    unitCount = 0
  }
}
