import Testing

@testable import AnswerEval

@Suite struct ShortKeyTableTests {
  /// The key of `word` read from the middle of a longer buffer (the sixteen-byte loads) and from its end
  /// (byte by byte).
  func keys(_ word: String, tag: Bool = false) -> (middle: ShortKey?, end: ShortKey?) {
    let padded = Array("«\(word)»0123456789abcdef".utf8), plain = Array(word.utf8)
    let start = "«".utf8.count
    let middle = padded.withUnsafeBufferPointer { ShortKey($0, start..<start + plain.count, tag: tag) }
    let end = plain.withUnsafeBufferPointer { ShortKey($0, 0..<plain.count, tag: tag) }
    return (middle, end)
  }

  /// The key of `word`'s UTF-16 units, read both ways.
  func asciiKeys(_ word: String, tag: Bool = false) -> (middle: ShortKey?, end: ShortKey?) {
    let padded = Array("«\(word)»0123456789abcdef0123456789abcdef".utf16), plain = Array(word.utf16)
    let middle = padded.withUnsafeBufferPointer { ShortKey(ascii: $0, 1..<1 + plain.count, tag: tag) }
    let end = plain.withUnsafeBufferPointer { ShortKey(ascii: $0, 0..<plain.count, tag: tag) }
    return (middle, end)
  }

  /// Words of every length from 0 to 16 bytes: the same key read either way, and from bytes or from UTF-16
  /// units; words that differ in one byte (the last of either half), in length or in tag, different keys;
  /// nothing past 16 bytes, and no ASCII key for a unit that is not ASCII.
  @Test func keysAreTheWordsBytesLengthAndTag() {
    let letters = "abcdefghijklmnopq"
    var seen: [ShortKey] = []
    for length in 0...16 {
      let word = String(letters.prefix(length))
      let (middle, end) = keys(word), (asciiMiddle, asciiEnd) = asciiKeys(word)
      #expect(middle != nil && middle == end && middle == asciiMiddle && middle == asciiEnd, "\(length)")
      #expect(!seen.contains(middle!), "\(length)")
      seen.append(middle!)
      #expect(keys(word, tag: true).middle != middle, "\(length)")
      if length > 0 {
        let changed = String(word.dropLast()) + "Z"
        #expect(keys(changed).middle != middle && keys(changed).end != end, "\(length)")
      }
    }
    #expect(keys("latencylatencyAB").middle?.low == keys("latencylatencyAC").middle?.low)
    #expect(keys("latencylatencyAB").middle?.high != keys("latencylatencyAC").middle?.high)
    #expect(keys(String(letters)).middle == nil && keys(String(letters)).end == nil)
    #expect(
      asciiKeys(String(letters)).middle == nil && asciiKeys("naïve").middle == nil && asciiKeys("naïve").end == nil)
    #expect(keys("naïve").middle == keys("naïve").end && keys("naïve").middle != nil)
  }

  /// Keys that share a slot (a table of two slots per key holds them all in one chain once full), or
  /// differ only in their tag: each finds its own value; a key not kept finds nothing.
  @Test func findsEachKeyByItsWords() {
    let table = ShortKeyTable<Int>(capacity: 8, empty: -1)
    let words = ["latency", "latencyA", "latencyAB", "latencyAC", "", "x", "latencylatencyAB", "latencylatencyAC"]
    for (i, word) in words.enumerated() { table.insert(keys(word).middle!, i) }
    for (i, word) in words.enumerated() {
      #expect(table.find(keys(word).middle!) == i && table.find(keys(word).end!) == i, "\(word)")
      #expect(table.find(keys(word, tag: true).middle!) == nil, "\(word)")
    }
    #expect(table.find(keys("latencyAD").middle!) == nil && table.find(keys("latenc").middle!) == nil)
    let count = table.count  // read first: `#expect` takes copyable values
    #expect(count == 8)
  }

  /// Full at its capacity, the table forgets every key when another comes, and after a clear: nothing is
  /// found, and keys are kept again from the start.
  @Test func startsOverWhenFullAndOnClear() {
    let table = ShortKeyTable<Int>(capacity: 4, empty: -1)
    let words = ["a", "bb", "ccc", "dddd"]
    for (i, word) in words.enumerated() { table.insert(keys(word).middle!, i) }
    for (i, word) in words.enumerated() { #expect(table.find(keys(word).middle!) == i) }
    table.insert(keys("eeeee").middle!, 4)
    let countAfterFull = table.count
    #expect(countAfterFull == 1)
    #expect(table.find(keys("eeeee").middle!) == 4 && words.allSatisfy { table.find(keys($0).middle!) == nil })
    table.clear()
    let countAfterClear = table.count
    #expect(countAfterClear == 0 && table.find(keys("eeeee").middle!) == nil)
    table.insert(keys("a").middle!, 7)
    #expect(table.find(keys("a").middle!) == 7)
  }
}
