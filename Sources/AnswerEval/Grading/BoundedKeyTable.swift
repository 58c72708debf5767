/// A table of a bounded size from short keys (runs of `Unit`s, plus a tag bit) to two `Int32` values: the
/// storage behind ``LetterVerdictCache``, which a ``Grader`` keeps from answer to answer.
///
/// Open addressing over twice ``capacity`` slots, keys copied into one buffer of ``capacity`` ×
/// ``longestKey`` units, all allocated once: a cache is read for every token, and plain memory is read
/// without the checks (exclusivity, uniqueness, bounds) of arrays held by a class. The caller hashes the
/// key (the table only compares), keeps keys no longer than ``longestKey``, and calls ``clear()`` when the
/// table ``isFull`` — together with whatever it keeps beside the table, so the two start over at once.
///
/// ```swift
/// let table = BoundedKeyTable<UInt8>(capacity: 4096, longestKey: 32)
/// if table.find(key, tag: true, hash: h) == nil {
///   if table.isFull { table.clear() }
///   table.insert(key, tag: true, hash: h, values: (0, 3))   // find(key, tag: true, hash: h) is now (0, 3)
/// }
/// ```
///
/// A non-copyable struct whose counts are kept in memory it owns, so a cache holds it as a `let` and calls it
/// without exclusivity checks; a generic class's metadata would be made at run time on first use, which cost a
/// process that grades one answer 0.5 M instructions of conformance lookups.
struct BoundedKeyTable<Unit: FixedWidthInteger & UnsignedInteger>: ~Copyable {
  /// The most keys kept; ``clear()`` when there are this many.
  let capacity: Int
  /// The most units a key has.
  let longestKey: Int

  /// A kept key (`keys[keyStart..<keyStart + keyLength]`, `tag`) and its values; keyStart -1: empty.
  private struct Slot {
    var hash: Int = 0
    var keyStart: Int32 = -1
    var keyLength: Int16 = 0
    var tag = false
    var values: (Int32, Int32) = (0, 0)
  }
  private let slots: UnsafeMutableBufferPointer<Slot>
  private let keys: UnsafeMutableBufferPointer<Unit>
  /// How many keys are kept, and how many units of `keys` they take.
  private let counts: UnsafeMutablePointer<(keys: Int, units: Int)>

  /// `capacity` must be a power of two, `longestKey` below 2¹⁵, and their product below 2³¹.
  init(capacity: Int, longestKey: Int) {
    precondition(capacity > 0 && capacity.nonzeroBitCount == 1, "capacity must be a power of two")
    precondition(longestKey > 0 && longestKey <= Int(Int16.max) && capacity * longestKey <= Int(Int32.max))
    self.capacity = capacity
    self.longestKey = longestKey
    slots = .allocate(capacity: 2 * capacity)
    slots.initialize(repeating: Slot())
    keys = .allocate(capacity: capacity * longestKey)
    counts = .allocate(capacity: 1)
    counts.initialize(to: (0, 0))
  }

  deinit {
    slots.deallocate()
    keys.deallocate()
    counts.deallocate()
  }

  /// How many keys are kept.
  var count: Int { counts.pointee.keys }

  /// True when ``insert(_:tag:hash:values:)`` must wait for ``clear()``.
  var isFull: Bool { counts.pointee.keys == capacity }

  /// Forgets every key.
  func clear() {
    for i in slots.indices { slots[i].keyStart = -1 }
    counts.pointee = (0, 0)
  }

  /// The values kept for `key` with `tag`, or nil. `hash` must be the one `key` was inserted with.
  @inline(__always)
  func find(_ key: UnsafeBufferPointer<Unit>, tag: Bool, hash: Int) -> (Int32, Int32)? {
    let mask = slots.count - 1
    var slot = hash & mask
    while true {
      let entry = slots[slot]
      if entry.keyStart < 0 { return nil }
      if entry.hash == hash, entry.tag == tag, Int(entry.keyLength) == key.count, equal(key, at: Int(entry.keyStart)) {
        return entry.values
      }
      slot = (slot + 1) & mask
    }
  }

  /// Keeps `values` for `key` with `tag`, which ``find(_:tag:hash:)`` did not find. The table must not be
  /// full, and `key` must have at most ``longestKey`` units.
  func insert(_ key: UnsafeBufferPointer<Unit>, tag: Bool, hash: Int, values: (Int32, Int32)) {
    precondition(!isFull && key.count <= longestKey)
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot].keyStart >= 0 { slot = (slot + 1) & mask }
    let units = counts.pointee.units
    slots[slot] = Slot(hash: hash, keyStart: Int32(units), keyLength: Int16(key.count), tag: tag, values: values)
    if let base = key.baseAddress { (keys.baseAddress! + units).initialize(from: base, count: key.count) }
    counts.pointee = (counts.pointee.keys + 1, units + key.count)
  }

  /// Whether `keys[start..<start + key.count]` holds `key`'s units: for wider units than bytes, eight
  /// bytes at a time first, then unit by unit. (For byte keys, mostly words shorter than eight bytes, the
  /// wide loop cost more.)
  @inline(__always)
  private func equal(_ key: UnsafeBufferPointer<Unit>, at start: Int) -> Bool {
    let kept = keys.baseAddress! + start
    let wide = 8 / MemoryLayout<Unit>.stride
    var i = 0
    while wide < 8, i + wide <= key.count {
      let a = UnsafeRawPointer(kept + i).loadUnaligned(as: UInt64.self)
      if a != UnsafeRawPointer(key.baseAddress! + i).loadUnaligned(as: UInt64.self) { return false }
      i += wide
    }
    while i < key.count {
      if kept[i] != key[i] { return false }
      i += 1
    }
    return true
  }
}
