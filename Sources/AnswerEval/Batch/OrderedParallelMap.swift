import Foundation

/// Runs a function over the indices `0..<count` on a fixed pool of threads and hands the results to the
/// caller one by one, in index order, with bounded memory.
///
/// Each worker thread makes its own state once (a ``Grader``, which is not thread-safe) and then takes the
/// next index from a shared cursor. A result waits in a reorder buffer until every earlier one has been
/// consumed; a worker takes a new index only while it is fewer than `window` ahead of the next index to
/// consume, so at most `window` results are in flight or waiting (plus the one being consumed), however
/// large `count` is. The calling thread consumes.
///
/// A waiting consumer is woken when half the window is ready in order (or all that is left), not for each
/// result: a wake-up is a switch between threads, which costs the kernel more than a small answer takes to
/// consume.
///
/// Cancelling stops the workers from taking new indices: what is in flight finishes and is consumed, so
/// the results consumed are always exactly the indices `0..<consumed`.
///
/// ```swift
/// let map = OrderedParallelMap<Int>(count: 5, jobs: 2, window: 4)
/// try map.run(makeState: { () }, work: { _, i in i * i }, consume: { i, square in print(i, square) })
/// // 0 0, 1 1, 2 4, 3 9, 4 16 — in this order, whatever thread finished first
/// ```
public final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
  // @unchecked Sendable: every mutable property below is read and written only while `condition` is locked.
  private let condition = NSCondition()
  private var cursor = 0
  private var nextToConsume = 0
  private var buffer: [Int: Output] = [:]
  private var running = 0
  private var stopped = false
  private var failure: Error?
  /// Whether the consumer is waiting for the result at `nextToConsume`, and how many times it has waited.
  private var consumerWaits = false
  private(set) var consumerWaitCount = 0

  public let count: Int
  public let jobs: Int
  public let window: Int
  /// How many results in a row, from the next to consume, must be there before a worker wakes a waiting
  /// consumer (fewer at the end): half the window.
  public let resultsPerWake: Int

  /// - Parameters:
  ///   - count: how many indices.
  ///   - jobs: worker threads (at least 1).
  ///   - window: the most results held at once (at least `jobs`; 8 × jobs keeps every thread busy and
  ///     wakes the consumer once per 4 × jobs results).
  public init(count: Int, jobs: Int, window: Int) {
    precondition(count >= 0, "count must not be negative")
    precondition(jobs >= 1, "jobs must be at least 1")
    self.count = count
    self.jobs = jobs
    self.window = max(window, jobs)
    resultsPerWake = max(self.window / 2, 1)
  }

  /// Stops taking new indices; safe to call from any thread (a signal handler's queue, `consume`).
  public func cancel() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }

  /// Whether ``cancel()`` was called.
  public var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return stopped
  }

  /// Runs the workers and consumes their results in order on the calling thread.
  ///
  /// - Parameters:
  ///   - makeState: called once on each worker thread before its first index.
  ///   - work: the function, given the thread's state and an index.
  ///   - consume: called on the calling thread with each index and result, in index order.
  /// - Returns: how many results were consumed (`count` unless cancelled).
  /// - Throws: the first error of `makeState`, after every worker has stopped.
  @discardableResult
  public func run<State>(
    makeState: @escaping @Sendable () throws -> State,
    work: @escaping @Sendable (inout State, Int) -> Output,
    consume: (Int, Output) throws -> Void
  ) throws -> Int {
    let threads = min(jobs, max(count, 1))
    condition.lock()
    running = threads
    condition.unlock()
    for _ in 0..<threads {
      let thread = Thread { [self] in self.workerLoop(makeState: makeState, work: work) }
      thread.stackSize = 8 << 20
      thread.start()
    }
    var consumed = 0
    do {
      while let (index, output) = nextResult() {
        try consume(index, output)
        consumed += 1
      }
    } catch {
      cancel()
      while nextResult() != nil {}
      throw error
    }
    condition.lock()
    let failure = self.failure
    condition.unlock()
    if let failure { throw failure }
    return consumed
  }

  /// The next result in order, waiting for it; nil when no worker is left to produce it.
  private func nextResult() -> (Int, Output)? {
    condition.lock()
    defer { condition.unlock() }
    while buffer[nextToConsume] == nil && running > 0 {
      consumerWaits = true
      consumerWaitCount += 1
      condition.wait()
    }
    consumerWaits = false
    guard let output = buffer.removeValue(forKey: nextToConsume) else { return nil }
    let index = nextToConsume
    nextToConsume += 1
    condition.broadcast()
    return (index, output)
  }

  /// Whether the results from `nextToConsume` on are there for the consumer to wake to: `resultsPerWake`
  /// of them, or all that will come (up to `count`, or to the last index taken once stopped). Called with
  /// `condition` locked.
  private func runIsReady() -> Bool {
    let end = min(nextToConsume + resultsPerWake, stopped ? cursor : count)
    for index in nextToConsume..<max(end, nextToConsume + 1) where buffer[index] == nil { return false }
    return true
  }

  private func workerLoop<State>(
    makeState: @Sendable () throws -> State, work: @Sendable (inout State, Int) -> Output
  ) {
    var state: State
    do {
      state = try makeState()
    } catch {
      condition.lock()
      if failure == nil { failure = error }
      stopped = true
      running -= 1
      condition.broadcast()
      condition.unlock()
      return
    }
    condition.lock()
    while true {
      while !stopped && cursor < count && cursor >= nextToConsume + window { condition.wait() }
      if stopped || cursor >= count { break }
      let index = cursor
      cursor += 1
      condition.unlock()
      let output = work(&state, index)
      condition.lock()
      buffer[index] = output
      if consumerWaits && runIsReady() { condition.broadcast() }
    }
    running -= 1
    condition.broadcast()
    condition.unlock()
  }
}
