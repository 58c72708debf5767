import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program with standard output (and, unless asked, standard error) sent to /dev/null, and
/// measures it: wall-clock time, user CPU time and peak resident memory (from `wait4`'s rusage).
struct ChildProcess {
  struct Measure {
    var seconds: Double
    var userSeconds: Double
    var peakResidentBytes: Int
    var status: Int32
    /// With `sampleMemory`: the most anonymous resident memory (heap, stacks; `RssAnon` in
    /// `/proc/PID/status`) seen in samples taken every 2 ms, a lower bound of its peak. The rest of the
    /// resident memory is mostly pages mapped from files: the program's code and ICU's data.
    var peakAnonymousBytes: Int? = nil
  }

  /// Runs `arguments[0]` (a path) with `arguments`.
  static func run(_ arguments: [String], keepStandardError: Bool = false, sampleMemory: Bool = false) -> Measure {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    if !keepStandardError { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = Clock.now()
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    precondition(spawned == 0, "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    var status: Int32 = 0
    var usage = rusage()
    var peakAnonymous: Int?
    if sampleMemory {
      // Until the child has exited: its anonymous memory, every 2 ms.
      while true {
        let done = wait4(pid, &status, WNOHANG, &usage)
        if done == pid || (done < 0 && errno != EINTR) { break }
        if let anonymous = anonymousResidentBytes(pid) { peakAnonymous = max(peakAnonymous ?? 0, anonymous) }
        usleep(2000)
      }
    } else {
      while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    }
    let seconds = Clock.seconds(since: start)
    return Measure(
      seconds: seconds,
      userSeconds: Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
      peakResidentBytes: usage.ru_maxrss * 1024, status: (status >> 8) & 0xFF, peakAnonymousBytes: peakAnonymous)
  }

  /// `RssAnon` of a running process, from the line `RssAnon:    8660 kB` of `/proc/PID/status`; nil when
  /// it cannot be read (the process has gone, or this is not Linux).
  static func anonymousResidentBytes(_ pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
      let kilobytes = Int(line.dropFirst("RssAnon:".count).trimmingCharacters(in: .whitespaces).dropLast(3))
    else { return nil }
    return kilobytes * 1024
  }
}
