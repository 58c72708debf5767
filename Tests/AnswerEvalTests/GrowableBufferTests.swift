import Testing

@testable import AnswerEval

@Suite struct GrowableBufferTests {
  /// Elements appended one by one and in runs, across several growths from a capacity of one, come back
  /// in order and whole; pairs pop in the reverse order; an empty buffer pops nothing.
  @Test func keepsEverythingAcrossGrowthAndPopsInReverse() {
    var buffer = GrowableBuffer<Int32>(capacity: 1)
    for i in 0..<100 { buffer.append(Int32(i)) }
    let run = (100..<1000).map { Int32($0) }
    run.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
    [Int32]().withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
    let kept = buffer.withBuffer { Array($0) }
    #expect(kept == (0..<1000).map { Int32($0) })
    #expect(buffer.capacity >= 1000 && buffer.capacity.nonzeroBitCount == 1)

    var stack = GrowableBuffer<(node: Int32, position: Int32)>(capacity: 2)
    for i in 0..<5 { stack.append((Int32(i), Int32(10 * i))) }
    var popped: [Int32] = []
    while let (node, position) = stack.popLast() {
      #expect(position == 10 * node)
      popped.append(node)
    }
    #expect(popped == [4, 3, 2, 1, 0] && stack.isEmpty && stack.popLast() == nil)
  }

  /// A writer that reserves room, stores past `count` and raises it keeps exactly what it stored.
  @Test func keepsWhatIsStoredInReservedRoom() {
    var buffer = GrowableBuffer<UInt8>(capacity: 4)
    buffer.append(1)
    buffer.reserve(10)
    for i in 0..<10 { (buffer.base + buffer.count + i).initialize(to: UInt8(2 + i)) }
    buffer.count += 10
    #expect(buffer.withBuffer { Array($0) } == (1...11).map { UInt8($0) })
  }
}
