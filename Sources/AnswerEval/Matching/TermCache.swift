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
  /// Open addressing, twice the capacity: each slot's word (`keys[keyStart..<keyStart + keyLength]` and
  /// whether it is a word) and its terms (`terms[termStart..<termEnd]`); keyStart -1: empty.
  private struct Slot {
    var hash: Int = 0
    var keyStart: Int32 = -1, keyLength: Int16 = 0, isWord = false
    var termStart: Int32 = 0, termEnd: Int32 = 0
  }
  /// Fixed-size storage, allocated once: the cache is read for every token, and plain memory is read
  /// without the checks (exclusivity, uniqueness, bounds) of arrays held by a class.
  private let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: 2 * TermCache.capacity)
  private let keys = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: TermCache.capacity * TermCache.longestKey)
  private let terms = UnsafeMutableBufferPointer<Int32>.allocate(capacity: TermCache.termCapacity)
  private var count = 0, keyCount = 0, termCount = 0

  init() {
    slots.initialize(repeating: Slot())
  }

  deinit {
    slots.deallocate()
    keys.deallocate()
    terms.deallocate()
  }

  /// Empties the cache unless it already holds terms for `matcher`.
  func use(for matcher: ObjectIdentifier) {
    guard owner != matcher else { return }
    owner = matcher
    clear()
  }

  private func clear() {
    for i in slots.indices { slots[i].keyStart = -1 }
    count = 0
    keyCount = 0
    termCount = 0
  }

  /// Appends the terms kept for `key` to `out` and returns true, or returns false when `key` is not kept.
  @inline(__always)
  func append(_ key: UnsafeBufferPointer<UInt8>, isWord: Bool, hash: Int, to out: inout [Int32]) -> Bool {
    let mask = slots.count - 1
    var slot = hash & mask
    while true {
      let entry = slots[slot]
      if entry.keyStart < 0 { return false }
      if entry.hash == hash, entry.isWord == isWord, Int(entry.keyLength) == key.count, equal(key, at: entry.keyStart) {
        for t in Int(entry.termStart)..<Int(entry.termEnd) { out.append(terms[t]) }
        return true
      }
      slot = (slot + 1) & mask
    }
  }

  @inline(__always)
  private func equal(_ key: UnsafeBufferPointer<UInt8>, at start: Int32) -> Bool {
    let start = Int(start)
    for i in 0..<key.count where keys[start + i] != key[i] { return false }
    return true
  }

  /// Keeps `found` as the terms of `key` (which ``append(_:isWord:hash:to:)`` did not find).
  func insert(_ key: UnsafeBufferPointer<UInt8>, isWord: Bool, hash: Int, terms found: ArraySlice<Int32>) {
    guard key.count <= Self.longestKey, found.count <= Self.termCapacity else { return }
    if count == Self.capacity || termCount + found.count > Self.termCapacity { clear() }
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot].keyStart >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Slot(
      hash: hash, keyStart: Int32(keyCount), keyLength: Int16(key.count), isWord: isWord,
      termStart: Int32(termCount), termEnd: Int32(termCount + found.count))
    for (i, byte) in key.enumerated() { keys[keyCount + i] = byte }
    keyCount += key.count
    for term in found {
      terms[termCount] = term
      termCount += 1
    }
    count += 1
  }
}
