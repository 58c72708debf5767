/// The terms of tokens a matcher has already looked up, kept by one ``Grader`` (so one thread) from answer
/// to answer: most words of an answer were in the answers before it, and finding a word's terms — its
/// exact form and stem looked up, its prefixes and suffixes walked — costs several times more than
/// finding the word here.
///
/// A word is kept by its bytes as a ``ShortKey`` (tagged when it is a word), which is hashed and compared
/// without a loop over its bytes. With a word's terms (at most ``termsPerWord``, stored in its slot) the
/// cache keeps their bits, as the matcher's walk reads them (``TermSet/bits``).
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
  static let longestKey = ShortKey.longest
  /// The most terms a word kept here has.
  static let termsPerWord = 3
  /// The most words kept before starting over.
  static let capacity = 4096

  /// A word's terms (the first `count` of `terms`) and their bits (a slot takes 48 bytes).
  struct TermSet {
    var terms: (Int32, Int32, Int32)
    var count: Int32
    var bits: UInt64
  }

  /// Each word kept (its bytes, tag: whether it is a word) and its terms.
  private let table = ShortKeyTable<TermSet>(
    capacity: TermCache.capacity, empty: TermSet(terms: (0, 0, 0), count: 0, bits: 0))
  /// The matcher the terms are for.
  private var owner: ObjectIdentifier?

  /// Empties the cache unless it already holds terms for `matcher`.
  func use(for matcher: ObjectIdentifier) {
    guard owner != matcher else { return }
    owner = matcher
    table.clear()
  }

  /// The terms kept for `key` (tag: whether the token is a word), or nil.
  @inline(__always)
  func terms(of key: ShortKey) -> TermSet? { table.find(key) }

  /// Keeps `terms` (with their `bits`) for `key`, which ``terms(of:)`` did not find, unless there are more
  /// than ``termsPerWord``.
  func insert(_ key: ShortKey, terms: UnsafeBufferPointer<Int32>, bits: UInt64) {
    guard terms.count <= Self.termsPerWord else { return }
    var kept = TermSet(terms: (0, 0, 0), count: Int32(terms.count), bits: bits)
    if terms.count > 0 { kept.terms.0 = terms[0] }
    if terms.count > 1 { kept.terms.1 = terms[1] }
    if terms.count > 2 { kept.terms.2 = terms[2] }
    table.insert(key, kept)
  }
}
