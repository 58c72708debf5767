/// The terms of tokens a matcher has already looked up, kept by one ``Grader`` (so one thread) from answer
/// to answer: most words of an answer were in the answers before it, and finding a word's terms — its
/// exact form and stem looked up, its prefixes and suffixes walked — costs several times more than
/// finding the word here.
///
/// Bounded: words longer than ``longestKey`` bytes are not kept, and the cache starts over when it holds
/// ``capacity`` words, so its size does not grow with the number of answers. It belongs to one matcher at a
/// time and starts over when used with another. What it holds never changes a match: a word's terms
/// depend only on its bytes, whether it is a word, and the matcher.
///
/// ```swift
/// let cache = TermCache()
/// matcher.matches(in: text, cache: cache)   // the same matches as without it
/// ```
final class TermCache {
  /// The most bytes a word kept here has.
  static let longestKey = 32
  /// The most words kept before starting over.
  static let capacity = 4096
  /// The most terms kept before starting over (a word passes a few at most).
  static let termCapacity = 8 * capacity

  /// The matcher the terms are for.
  private var owner: ObjectIdentifier?
  /// Each word (its bytes; tag: whether it is a word) and where its terms are: `terms[first..<second]`.
  private let table = BoundedKeyTable<UInt8>(capacity: TermCache.capacity, longestKey: TermCache.longestKey)
  /// Fixed-size storage, allocated once, as the table's.
  private let terms = UnsafeMutableBufferPointer<Int32>.allocate(capacity: TermCache.termCapacity)
  private var termCount = 0

  deinit {
    terms.deallocate()
  }

  /// Empties the cache unless it already holds terms for `matcher`.
  func use(for matcher: ObjectIdentifier) {
    guard owner != matcher else { return }
    owner = matcher
    clear()
  }

  private func clear() {
    table.clear()
    termCount = 0
  }

  /// Appends the terms kept for `key` to `out` and returns true, or returns false when `key` is not kept.
  @inline(__always)
  func append(_ key: UnsafeBufferPointer<UInt8>, isWord: Bool, hash: Int, to out: inout [Int32]) -> Bool {
    guard let (first, end) = table.find(key, tag: isWord, hash: hash) else { return false }
    for t in Int(first)..<Int(end) { out.append(terms[t]) }
    return true
  }

  /// Keeps `found` as the terms of `key` (which ``append(_:isWord:hash:to:)`` did not find).
  func insert(_ key: UnsafeBufferPointer<UInt8>, isWord: Bool, hash: Int, terms found: ArraySlice<Int32>) {
    guard key.count <= Self.longestKey, found.count <= Self.termCapacity else { return }
    if table.isFull || termCount + found.count > Self.termCapacity { clear() }
    table.insert(key, tag: isWord, hash: hash, values: (Int32(termCount), Int32(termCount + found.count)))
    for term in found {
      terms[termCount] = term
      termCount += 1
    }
  }
}
