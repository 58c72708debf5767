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

  /// Each word's verdict, as its first value (1: implausible).
  private let table = BoundedKeyTable<UInt16>(
    capacity: LetterVerdictCache.capacity, longestKey: LetterVerdictCache.longestWord)
  /// The `maxConsonants` the verdicts held were judged with.
  private var maxConsonants = -1

  /// How many words are kept.
  var count: Int { table.count }

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
      table.clear()
      self.maxConsonants = maxConsonants
    }
    let hash = Int(truncatingIfNeeded: h ^ (h >> 32))
    if let kept = table.find(word, tag: false, hash: hash) { return kept.0 != 0 }
    guard let implausible = GibberishDetector.implausibleASCII(word, maxConsonants: maxConsonants) else { return nil }
    if table.isFull { table.clear() }
    table.insert(word, tag: false, hash: hash, values: (implausible ? 1 : 0, 0))
    return implausible
  }
}
