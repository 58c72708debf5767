import Testing

@testable import AnswerEval

@Suite struct BoundedKeyTableTests {
  /// Looks `key` up in `table` (every key here hashes to `hash`, so they all collide).
  func find(_ table: borrowing BoundedKeyTable<UInt8>, _ key: String, tag: Bool = false, hash: Int = 7) -> (
    Int32, Int32
  )? {
    var key = key
    return key.withUTF8 { table.find($0, tag: tag, hash: hash) }
  }

  func insert(
    _ table: borrowing BoundedKeyTable<UInt8>, _ key: String, tag: Bool = false, hash: Int = 7, _ values: (Int32, Int32)
  ) {
    var key = key
    key.withUTF8 { table.insert($0, tag: tag, hash: hash, values: values) }
  }

  /// Keys that share a hash, differ only in their tag, or only in their last byte after eight equal ones (the
  /// compare's word and byte loops), or are a prefix of another: each finds its own values.
  @Test func findsEachKeyByItsUnitsAndTag() {
    let table = BoundedKeyTable<UInt8>(capacity: 8, longestKey: 16)
    let keys = ["latency", "latencyA", "latencyAB", "latencyAC", "", "x"]
    for (i, key) in keys.enumerated() { insert(table, key, (Int32(i), Int32(10 * i))) }
    insert(table, "latency", tag: true, (99, 98))
    for (i, key) in keys.enumerated() {
      #expect(find(table, key).map { [$0.0, $0.1] } == [Int32(i), Int32(10 * i)], "\(key)")
    }
    #expect(find(table, "latency", tag: true).map { [$0.0, $0.1] } == [99, 98])
    #expect(find(table, "x", tag: true) == nil)
    #expect(find(table, "latencyAD") == nil && find(table, "latenc") == nil)
    #expect(find(table, "latency", hash: 8) == nil)  // another hash: another chain
    let (count, full) = (table.count, table.isFull)  // read first: `#expect` takes copyable values
    #expect(count == 7 && !full)
  }

  /// Sixteen-bit keys that share a hash and differ only within their first four units (compared as one
  /// word) or only in their last: each finds its own values.
  @Test func comparesWideUnitsInWordsAndOneByOne() {
    let table = BoundedKeyTable<UInt16>(capacity: 4, longestKey: 6)
    let keys: [[UInt16]] = [[1, 2, 3, 4, 5], [1, 2, 9, 4, 5], [1, 2, 3, 4, 6], [0x3B1, 0x3B2, 0x3B3]]
    for (i, key) in keys.enumerated() {
      key.withUnsafeBufferPointer { table.insert($0, tag: false, hash: 3, values: (Int32(i), 0)) }
    }
    for (i, key) in keys.enumerated() {
      #expect(key.withUnsafeBufferPointer { table.find($0, tag: false, hash: 3)?.0 } == Int32(i), "\(key)")
    }
    #expect([UInt16(1), 2, 3, 5, 5].withUnsafeBufferPointer { table.find($0, tag: false, hash: 3) } == nil)
  }

  /// Full at its capacity; after a clear nothing is found and keys are kept again from the start.
  @Test func isFullAtCapacityAndForgetsEverythingOnClear() {
    let table = BoundedKeyTable<UInt16>(capacity: 4, longestKey: 3)
    let keys: [[UInt16]] = [[1], [1, 2], [1, 2, 3], [0x3B1, 0x3B2, 0x3B3]]
    for (i, key) in keys.enumerated() {
      key.withUnsafeBufferPointer { table.insert($0, tag: false, hash: i * 31, values: (Int32(i), 0)) }
    }
    let full = table.isFull  // read first: `#expect` takes copyable values
    #expect(full)
    for (i, key) in keys.enumerated() {
      #expect(key.withUnsafeBufferPointer { table.find($0, tag: false, hash: i * 31)?.0 } == Int32(i))
    }
    table.clear()
    let (count, fullAfterClear) = (table.count, table.isFull)
    #expect(count == 0 && !fullAfterClear)
    for (i, key) in keys.enumerated() {
      #expect(key.withUnsafeBufferPointer { table.find($0, tag: false, hash: i * 31) } == nil)
    }
    [UInt16(5), 6, 7].withUnsafeBufferPointer { table.insert($0, tag: true, hash: -1, values: (4, 5)) }
    #expect([UInt16(5), 6, 7].withUnsafeBufferPointer { table.find($0, tag: true, hash: -1)?.1 } == 5)
  }
}
