/// A growable run of plain values (nothing to retain or release) in storage its owner holds alone: an
/// append is a store and a count, where `Array.append` checked the array's uniqueness and capacity each
/// time. Behind grading's innermost loops: the cue matcher's terms and walk stack, and the JSON writer's
/// bytes.
///
/// A writer that stores several elements at once reserves room for them, writes them at
/// `base + count` and on, and raises ``count`` by as many as it keeps.
///
/// ```swift
/// var stack = GrowableBuffer<Int32>(capacity: 64)
/// stack.append(7)
/// stack.popLast()   // 7
/// ```
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
  /// The storage: `base[0..<count]` are the elements, `base[count..<capacity]` room.
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var capacity: Int
  /// How many elements are kept.
  var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 1)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  var isEmpty: Bool { count == 0 }

  /// Makes room for `n` more elements.
  @inline(__always)
  mutating func reserve(_ n: Int) {
    if count + n > capacity { grow(to: count + n) }
  }

  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    grown.initialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }

  @inline(__always)
  mutating func append(_ element: Element) {
    reserve(1)
    (base + count).initialize(to: element)
    count += 1
  }

  mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
    guard let source = elements.baseAddress else { return }
    reserve(elements.count)
    (base + count).initialize(from: source, count: elements.count)
    count += elements.count
  }

  @inline(__always)
  mutating func popLast() -> Element? {
    guard count > 0 else { return nil }
    count -= 1
    return base[count]
  }

  func withBuffer<R>(_ body: (UnsafeBufferPointer<Element>) -> R) -> R {
    body(UnsafeBufferPointer(start: base, count: count))
  }
}
