import Foundation
import Testing

@testable import AnswerEval

/// Counts with a lock, for assertions about what the workers did.
private final class Tally: @unchecked Sendable {
  // @unchecked Sendable: `value` and `peak` are only touched while `lock` is held.
  private let lock = NSLock()
  private var value = 0
  private(set) var peak = 0

  func add(_ n: Int) {
    lock.lock()
    value += n
    peak = max(peak, value)
    lock.unlock()
  }

  var current: Int {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}

@Suite struct OrderedParallelMapTests {
  @Test func emptyInputConsumesNothing() throws {
    let map = OrderedParallelMap<Int>(count: 0, jobs: 3, window: 12)
    var seen: [Int] = []
    #expect(try map.run(makeState: {}, work: { _, i in i }, consume: { i, _ in seen.append(i) }) == 0)
    #expect(seen.isEmpty)
  }

  @Test func oneElement() throws {
    var seen: [Int] = []
    try OrderedParallelMap<Int>(count: 1, jobs: 4, window: 16).run(
      makeState: {}, work: { _, i in i + 10 }, consume: { _, v in seen.append(v) })
    #expect(seen == [10])
  }

  @Test func resultsComeInIndexOrderWhateverFinishesFirst() throws {
    let map = OrderedParallelMap<Int>(count: 200, jobs: 4, window: 8)
    var seen: [Int] = []
    try map.run(
      makeState: {},
      work: { _, i in
        usleep(UInt32((i * 7919) % 13) * 100)  // uneven work
        return i * i
      },
      consume: { i, v in
        #expect(v == i * i)
        seen.append(i)
      })
    #expect(seen == Array(0..<200))
  }

  @Test func eachWorkerMakesItsStateOnceAndKeepsIt() throws {
    let states = Tally()
    let map = OrderedParallelMap<Int>(count: 100, jobs: 3, window: 12)
    var total = 0
    try map.run(
      makeState: { () -> Int in
        states.add(1)
        return 0
      },
      work: { calls, _ in
        calls += 1
        return calls
      }, consume: { _, _ in total += 1 })
    #expect(states.current == 3 && total == 100)
  }

  @Test func neverHoldsMoreThanTheWindow() throws {
    // Results alive = produced and not yet consumed: the window, plus the one being consumed. The consumer
    // is slow on purpose, so the workers run ahead as far as they may.
    let alive = Tally()
    let map = OrderedParallelMap<Int>(count: 300, jobs: 4, window: 6)
    try map.run(
      makeState: {},
      work: { _, i in
        alive.add(1)
        return i
      },
      consume: { _, _ in
        usleep(200)
        alive.add(-1)
      })
    #expect(alive.peak <= 6 + 1)
    #expect(alive.current == 0)
  }

  @Test func cancelFinishesInFlightWorkAndConsumesAPrefix() throws {
    let started = Tally()
    let map = OrderedParallelMap<Int>(count: 10_000, jobs: 2, window: 8)
    var seen: [Int] = []
    let consumed = try map.run(
      makeState: {},
      work: { _, i in
        started.add(1)
        usleep(100)
        return i
      },
      consume: { i, _ in
        seen.append(i)
        if i == 20 { map.cancel() }
      })
    #expect(map.isCancelled)
    #expect(consumed == seen.count && seen == Array(0..<consumed))
    #expect(consumed < 10_000 && consumed >= 21)
    #expect(started.current == consumed)  // nothing started was dropped
  }

  @Test func stateErrorIsThrownAfterTheWorkersStop() {
    struct Broken: Error {}
    let map = OrderedParallelMap<Int>(count: 50, jobs: 2, window: 8)
    #expect(throws: Broken.self) {
      try map.run(makeState: { () throws -> Int in throw Broken() }, work: { _, i in i }, consume: { _, _ in })
    }
  }

  @Test func consumerErrorStopsTheBatch() {
    struct Stop: Error {}
    let map = OrderedParallelMap<Int>(count: 1000, jobs: 2, window: 8)
    #expect(throws: Stop.self) {
      try map.run(makeState: {}, work: { _, i in i }, consume: { i, _ in if i == 5 { throw Stop() } })
    }
    #expect(map.isCancelled)
  }

  /// The indices `map` hands its consumer, each worked on for `microseconds` first.
  private func consumed(_ map: OrderedParallelMap<Int>, workingFor microseconds: UInt32) throws -> [Int] {
    var seen: [Int] = []
    try map.run(
      makeState: {},
      work: { _, i in
        usleep(microseconds)
        return i
      }, consume: { i, _ in seen.append(i) })
    return seen
  }

  /// The consumer is faster than the worker, so it keeps running out of results: it is woken once per
  /// half window of them (16 / 2 = 8), not once per result.
  @Test func theConsumerIsWokenOncePerHalfWindow() throws {
    let map = OrderedParallelMap<Int>(count: 400, jobs: 1, window: 16)
    #expect(map.resultsPerWake == 8)
    #expect(try consumed(map, workingFor: 200) == Array(0..<400))
    #expect(map.consumerWaitCount > 0 && map.consumerWaitCount <= 400 / 8 + 10)
  }

  /// 13 results, 8 per wake-up: the last 5 still come (the run is cut at the count).
  @Test func theLastShortRunIsConsumed() throws {
    #expect(try consumed(OrderedParallelMap<Int>(count: 13, jobs: 2, window: 16), workingFor: 100) == Array(0..<13))
  }

  @Test func twoJobsRunAtOnce() throws {
    let running = Tally()
    try OrderedParallelMap<Int>(count: 20, jobs: 2, window: 8).run(
      makeState: {},
      work: { _, i in
        running.add(1)
        usleep(5_000)
        running.add(-1)
        return i
      }, consume: { _, _ in })
    #expect(running.peak == 2)
  }
}
