/// The live progress line of a batch: answers done of the total, answers per second, the time left, and
/// failures — and when to redraw it (at most every `interval` seconds, and always at the end).
///
/// ```swift
/// var meter = ProgressMeter(start: 0)
/// meter.line(BatchRunner.Progress(done: 250, total: 1000, failed: 2), now: 2.5)
/// // "250/1000 answers, 100.0/s, ETA 0:08, 2 failed"
/// ```
public struct ProgressMeter: Sendable {
  public let start: Double
  public let interval: Double
  private var lastDrawn: Double?

  /// - Parameters:
  ///   - start: when the batch started, in seconds on the clock later passed as `now`.
  ///   - interval: the least time between two redraws (0.1: ten a second).
  public init(start: Double, interval: Double = 0.1) {
    self.start = start
    self.interval = interval
  }

  /// The line to draw now, or nil when the last one was drawn less than `interval` ago (the last line of a
  /// batch is always drawn).
  public mutating func line(_ progress: BatchRunner.Progress, now: Double) -> String? {
    let finished = progress.done >= progress.total
    if let lastDrawn, now - lastDrawn < interval, !finished { return nil }
    lastDrawn = now
    return Self.render(progress, elapsed: now - start)
  }

  /// The line for `progress` after `elapsed` seconds.
  public static func render(_ progress: BatchRunner.Progress, elapsed: Double) -> String {
    let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
    var parts = ["\(progress.done)/\(progress.total) answers", "\(format(rate))/s"]
    if progress.done < progress.total {
      parts.append(rate > 0 ? "ETA " + clock(Double(progress.total - progress.done) / rate) : "ETA --")
    } else {
      parts.append("in " + clock(elapsed))
    }
    parts.append("\(progress.failed) failed")
    return parts.joined(separator: ", ")
  }

  /// One decimal place.
  static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// `m:ss`, or `h:mm:ss` from an hour on.
  static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
    let ss = s < 10 ? "0\(s)" : "\(s)"
    if h > 0 { return "\(h):\(m < 10 ? "0\(m)" : "\(m)"):\(ss)" }
    return "\(m):\(ss)"
  }
}
