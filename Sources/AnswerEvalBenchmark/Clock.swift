import AnswerEvalText
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Cheap clock reads and resource usage for the benchmark.
enum Clock {
  /// Monotonic nanoseconds.
  @inline(__always)
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  static func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

  /// User CPU seconds of this process so far (all threads).
  static func userSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
  }

  /// Peak resident memory of this process so far, in bytes.
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
  }
}

/// A ``StageClock`` that adds the time since the previous lap to the stage that just ended.
struct StageTimes: StageClock {
  var nanoseconds = [UInt64](repeating: 0, count: PipelineStage.allCases.count)
  private var last: UInt64 = 0

  /// Starts timing an answer (its first stage begins now).
  mutating func start() { last = Clock.now() }

  mutating func lap(_ stage: PipelineStage) {
    let now = Clock.now()
    nanoseconds[stage.rawValue] += now - last
    last = now
  }

  var total: UInt64 { nanoseconds.reduce(0, +) }

  static func + (a: StageTimes, b: StageTimes) -> StageTimes {
    var sum = a
    for i in sum.nanoseconds.indices { sum.nanoseconds[i] += b.nanoseconds[i] }
    return sum
  }
}
