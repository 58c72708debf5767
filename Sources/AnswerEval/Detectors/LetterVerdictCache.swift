import AnswerEvalText

/// ``GibberishDetector``'s verdicts on the letters of ASCII words (whether a word is implausible by
/// ``GibberishDetector/implausibleASCII(at:in:maxConsonants:)``), kept by one ``Grader`` (so one thread)
/// from answer to answer, as ``TermCache`` keeps the matcher's terms: most words of an answer were in the
/// answers before it, and finding a word's verdict here (its units read as a ``ShortKey``, hashed and compared
/// without a loop) costs a fraction of reading its letters again.
///
/// Bounded: words longer than ``longestWord`` units are not kept, and the cache starts over when it holds
/// ``capacity`` words, so its size does not grow with the number of answers. A verdict depends only on
/// the word as written (its UTF-16 units, ASCII here) and `maxConsonants`; the cache starts over when
/// asked with another `maxConsonants`, so what it holds never changes a verdict.
///
/// ```swift
/// let cache = LetterVerdictCache()
/// cache.verdict(utf16, range, maxConsonants: 6)   // GibberishDetector.implausibleASCII(utf16[range]…, maxConsonants: 6)
/// ```
final class LetterVerdictCache {
  /// The most units a word kept here has.
  static let longestWord = ShortKey.longest
  /// The most words kept before starting over.
  static let capacity = 4096

  /// Each word's verdict (true: implausible).
  private let table = ShortKeyTable<Bool>(capacity: LetterVerdictCache.capacity, empty: false)
  /// The `maxConsonants` the verdicts held were judged with.
  private var maxConsonants = -1

  /// How many words are kept.
  var count: Int { table.count }

  /// ``GibberishDetector/implausibleASCII(_:maxConsonants:)`` for the word `units[range]`: the verdict
  /// kept, or judged now and kept for next time. Nil when a unit of the word is not ASCII (the cache holds
  /// ASCII words only).
  func verdict(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, maxConsonants: Int) -> Bool? {
    guard range.count <= Self.longestWord else {
      return GibberishDetector.implausibleASCII(
        UnsafeBufferPointer(rebasing: units[range]), maxConsonants: maxConsonants)
    }
    guard let key = ShortKey(ascii: units, range, tag: false) else { return nil }
    if maxConsonants != self.maxConsonants {
      table.clear()
      self.maxConsonants = maxConsonants
    }
    if let kept = table.find(key) { return kept }
    guard
      let implausible = GibberishDetector.implausibleASCII(
        UnsafeBufferPointer(rebasing: units[range]), maxConsonants: maxConsonants)
    else { return nil }
    table.insert(key, implausible)
    return implausible
  }
}
