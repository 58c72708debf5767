import CICU
import Foundation

/// The raw ICU floor: what any ICU-based pipeline must do to an answer and nothing more — UTF-8 to UTF-16,
/// NFKC_Casefold, ICU's word and sentence break iterators (`cicu_floor_run`). Its throughput is the
/// ceiling for `answer-eval`'s.
final class ICUFloor {
  private let handle: OpaquePointer

  init(locale: String = "en") {
    var status: Int32 = 0
    guard let handle = cicu_floor_open(locale, &status), status <= 0 else {
      fatalError("cannot open ICU break iterators: \(String(cString: cicu_error_name(status)))")
    }
    self.handle = handle
  }

  deinit { cicu_floor_close(handle) }

  /// Runs the floor over one answer; returns a checksum so the work cannot be skipped.
  func run(_ bytes: [UInt8]) -> Int64 {
    var status: Int32 = 0
    let result = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cicu_floor_run(handle, $0, Int32(buffer.count), &status)
      }
    }
    precondition(status <= 0, "ICU floor failed: \(String(cString: cicu_error_name(status)))")
    return result
  }

  /// Runs the floor over every answer on `jobs` threads (each with its own iterators, answers dealt out in
  /// turn); returns the wall-clock seconds and the process's user CPU seconds it took.
  static func measure(_ answers: [[UInt8]], jobs: Int) -> (seconds: Double, userSeconds: Double) {
    let user = Clock.userSeconds()
    let start = Clock.now()
    let group = DispatchGroup()
    for job in 0..<jobs {
      group.enter()
      let thread = Thread {
        let floor = ICUFloor()
        var checksum: Int64 = 0
        for index in stride(from: job, to: answers.count, by: jobs) { checksum &+= floor.run(answers[index]) }
        precondition(checksum != 0, "the floor did no work")
        group.leave()
      }
      thread.start()
    }
    group.wait()
    return (Clock.seconds(since: start), Clock.userSeconds() - user)
  }
}
