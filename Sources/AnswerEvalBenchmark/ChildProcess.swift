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
  }

  /// Runs `arguments[0]` (a path) with `arguments`.
  static func run(_ arguments: [String], keepStandardError: Bool = false) -> Measure {
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
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Clock.seconds(since: start)
    return Measure(
      seconds: seconds,
      userSeconds: Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
      peakResidentBytes: usage.ru_maxrss * 1024, status: (status >> 8) & 0xFF)
  }
}
