import AnswerEval
import AnswerEvalText
import Foundation

/// `answer-eval-bench`: throughput figures for the pipeline. Not part of `swift test`.
///
///     answer-eval-bench run [DIR] [--count N] [--jobs 1,2] [--rounds N]
///         the ICU floor against `answer-eval batch DIR --format jsonl` (to /dev/null) on the same answers in
///         the same run: answers/s, MB/s, the ratio to the floor, user CPU, peak memory; then the time per
///         answer split by stage. Without DIR, N answers (default 10,000) are generated into a scratch folder.
///     answer-eval-bench generate DIR [--count N] [--seed S] [--words MIN-MAX]
///         writes synthetic answers (deterministic: the same seed gives the same files everywhere)
///     answer-eval-bench scaling [--small BYTES] [--large BYTES]
///         cost per byte of a small answer against a large one, by stage (quadratic steps show up here), and
///         the peak memory of `answer-eval score` on each: what a byte of answer costs to hold
///     answer-eval-bench memory [--counts 1000,100000]
///         peak resident memory of `answer-eval batch` over folders of different sizes, with the rubric
///         compiled by each run and read from the cache, and the most anonymous memory (heap, stacks) seen
///     answer-eval-bench startup [FILE] [--runs N]
///         `answer-eval score FILE --format json`, process start to report: median wall and user CPU time,
///         with the compiled rubric read from the cache and without the cache
///     answer-eval-bench text|grade DIR [--rounds N]
///         in process: decode + analyze only, or the full grade
///     answer-eval-bench cues DIR [--extra N]
///         grading time with N extra phrase cues vs none
///
/// Build it in release mode for real figures: `swift build -c release`; the `answer-eval` binary measured is
/// the one beside this one. For steadier figures on a shared machine run it as `chrt -f 1 answer-eval-bench …`.
@main
enum Benchmark {
  static func main() {
    let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
    if arguments.wantsHelp { help() }
    let known = [
      "--count", "--jobs", "--rounds", "--seed", "--words", "--small", "--large", "--counts", "--runs", "--extra",
    ]
    for (name, value) in arguments.options.sorted(by: { $0.key < $1.key }) {
      guard known.contains(name) else { usage("unknown option \(name)") }
      guard name == "--words" || value.split(separator: ",").allSatisfy({ Int($0) != nil }) else {
        usage("\(name) needs a whole number, got '\(value)'")
      }
    }
    if let dangling = arguments.dangling { usage("\(dangling) needs a value") }
    do {
      try run(arguments)
    } catch {
      FileHandle.standardError.write(Data("answer-eval-bench: \(error.localizedDescription)\n".utf8))
      exit(1)
    }
  }

  static func run(_ arguments: Arguments) throws {
    let mode = arguments.positional.first ?? "run"
    let rest = Array(arguments.positional.dropFirst())
    switch mode {
    case "run":
      try compare(
        folder: rest.first, count: arguments.int("--count", default: 10_000),
        jobs: arguments.ints("--jobs", default: [1, 2]), rounds: arguments.int("--rounds", default: 3))
    case "generate":
      guard let folder = rest.first else { usage("\(mode) needs a folder") }
      let bytes = try AnswerGenerator.writeFolder(
        folder, count: arguments.int("--count", default: 10_000),
        seed: UInt64(arguments.int("--seed", default: 42)), words: arguments.range("--words", default: 150...600))
      print("wrote \(arguments.int("--count", default: 10_000)) answers, \(megabytes(bytes)) MB, to \(folder)")
    case "scaling":
      try scaling(small: arguments.int("--small", default: 2_000), large: arguments.int("--large", default: 1_000_000))
    case "memory":
      try memory(counts: arguments.ints("--counts", default: [1_000, 100_000]))
    case "startup":
      try startup(file: rest.first, runs: arguments.int("--runs", default: 30))
    case "text", "grade":
      guard let folder = rest.first else { usage("\(mode) needs a folder") }
      try inProcess(mode, answers: loadAnswers(folder), rounds: arguments.int("--rounds", default: 3))
    case "cues":
      guard let folder = rest.first else { usage("cues needs a folder") }
      try cues(answers: loadAnswers(folder), extra: arguments.int("--extra", default: 1000), rounds: 3)
    default:
      usage("unknown mode '\(mode)'")
    }
  }

  static let usageText = """
    usage: answer-eval-bench run [DIR] [--count N] [--jobs 1,2] [--rounds N]
           answer-eval-bench generate DIR [--count N] [--seed S] [--words MIN-MAX]
           answer-eval-bench scaling [--small BYTES] [--large BYTES]
           answer-eval-bench memory [--counts 1000,100000]
           answer-eval-bench startup [FILE] [--runs N]
           answer-eval-bench text|grade DIR [--rounds N]
           answer-eval-bench cues DIR [--extra N]

    """

  /// `--help` or `-h`: the usage on stdout, exit 0.
  static func help() -> Never {
    FileHandle.standardOutput.write(Data(usageText.utf8))
    exit(0)
  }

  /// A usage error: what was wrong, then the usage, on stderr; exit 64 (EX_USAGE).
  static func usage(_ problem: String? = nil) -> Never {
    let lead = problem.map { "answer-eval-bench: \($0)\n" } ?? ""
    FileHandle.standardError.write(Data((lead + usageText).utf8))
    exit(64)
  }

  // MARK: run: the floor against the pipeline

  static func compare(folder given: String?, count: Int, jobs: [Int], rounds: Int) throws {
    let cli = cliPath()
    let scratch = given == nil ? try scratchFolder("answers-\(count)") : nil
    defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
    let folder = given ?? scratch!
    if given == nil { _ = try AnswerGenerator.writeFolder(folder, count: count, seed: 42, words: 150...600) }
    let listing = FileWalker().list([folder])
    let answers = try listing.entries.map { try InputReader.read($0.path) }
    let bytes = answers.reduce(0) { $0 + $1.count }
    print(
      "\(answers.count) answers, \(megabytes(bytes)) MB (\(given == nil ? "generated, seed 42" : folder)); "
        + "best of \(rounds) rounds; pipeline: \(cli) batch DIR --format jsonl > /dev/null")
    print(
      "                     jobs  answers/s     MB/s  vs floor  user CPU s  µs CPU/answer  peak RSS MB")
    for j in jobs {
      var floor = (seconds: Double.infinity, userSeconds: 0.0)
      var pipeline = ChildProcess.Measure(seconds: .infinity, userSeconds: 0, peakResidentBytes: 0, status: 0)
      // Alternate the two so that both see the same machine.
      for _ in 0..<max(1, rounds) {
        let f = ICUFloor.measure(answers, jobs: j)
        if f.seconds < floor.seconds { floor = f }
        let p = ChildProcess.run([cli, "batch", folder, "--format", "jsonl", "--jobs", "\(j)"])
        precondition(p.status == 0, "answer-eval batch exited with \(p.status)")
        if p.seconds < pipeline.seconds { pipeline = p }
      }
      let floorRate = Double(answers.count) / floor.seconds
      let rate = Double(answers.count) / pipeline.seconds
      print(row("ICU floor", j, floorRate, bytes, floor.seconds, 1, floor.userSeconds, answers.count, nil))
      print(
        row(
          "answer-eval batch", j, rate, bytes, pipeline.seconds, rate / floorRate, pipeline.userSeconds,
          answers.count, pipeline.peakResidentBytes))
    }
    try stages(answers: answers, paths: listing.entries.map(\.path))
  }

  static func row(
    _ name: String, _ jobs: Int, _ rate: Double, _ bytes: Int, _ seconds: Double, _ ratio: Double, _ user: Double,
    _ count: Int, _ rss: Int?
  ) -> String {
    name.padding(toLength: 21, withPad: " ", startingAt: 0) + pad("\(jobs)", 4) + pad(String(format: "%.0f", rate), 11)
      + pad(String(format: "%.2f", Double(bytes) / seconds / 1e6), 9) + pad(String(format: "%.0f%%", ratio * 100), 10)
      + pad(String(format: "%.2f", user), 12) + pad(String(format: "%.0f", user / Double(count) * 1e6), 15)
      + pad(rss.map { String(format: "%.1f", Double($0) / 1e6) } ?? "—", 13)
  }

  /// Grades every answer in process on one thread the way `batch` does (read, decode, analyze, grade,
  /// render JSON Lines, write to /dev/null) and prints the time per answer spent in each stage.
  static func stages(answers: [[UInt8]], paths: [String]) throws {
    let grader = try Grader()
    let sink = fopen("/dev/null", "w")!
    defer { fclose(sink) }
    var best: StageTimes?
    for _ in 0..<2 {
      var times = StageTimes()
      for path in paths {
        times.start()
        let bytes = try InputReader.read(path)
        let (text, _) = try grader.analyzer.analyze(bytes: bytes, source: path, clock: &times)
        let selection = RubricSelection(frontMatter: text.structure.frontMatter, requested: nil)
        let report = grader.grade(text, rubric: try RubricLibrary.shared.compiled(selection.name), clock: &times)
        let rendered = try ReportFormat.jsonl.renderBytes(report)
        rendered.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, sink) }
        times.lap(.write)
      }
      if best == nil || times.total < best!.total { best = times }
    }
    let times = best!
    let total = Double(times.total)
    print("\nin process, one thread: µs per answer by stage (\(answers.count) answers, best of 2)")
    for stage in PipelineStage.allCases {
      let ns = Double(times.nanoseconds[stage.rawValue])
      print(
        "  " + stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)
          + pad(String(format: "%.1f", ns / Double(answers.count) / 1e3), 9)
          + pad(String(format: "%.1f%%", ns / total * 100), 8))
    }
    print(
      "  " + "total".padding(toLength: 10, withPad: " ", startingAt: 0)
        + pad(String(format: "%.1f", total / Double(answers.count) / 1e3), 9))
  }

  // MARK: scaling

  /// The cost per byte, by stage, of a small answer (graded many times) and of a large one.
  static func scaling(small: Int, large: Int) throws {
    var generator = AnswerGenerator(seed: 7)
    func answer(bytes: Int) -> [UInt8] {
      let words = max(20, bytes / 6)
      var text = Array(generator.answer(words: words...words).utf8)
      if text.count > bytes, let cut = text[..<bytes].lastIndex(of: UInt8(ascii: " ")) {
        text = Array(text[..<cut]) + Array(".\n".utf8)
      }
      return text
    }
    let star = (answer(bytes: small), answer(bytes: large)), dense = (dense(bytes: small), dense(bytes: large))
    // Memory first, while this process is still small: a child reports at least the peak memory of the
    // process that spawned it (Linux carries the high-water mark across posix_spawn's vfork and the exec).
    let starMemory = try memoryPerByte(star.0, star.1), denseMemory = try memoryPerByte(dense.0, dense.1)
    let grader = try Grader()
    print("generated STAR answers:")
    try compareScaling(star.0, star.1, grader: grader)
    print(starMemory)
    print("dense answers (hedges, jargon, term lists, exceptions, unmatched backticks and brackets, one paragraph):")
    try compareScaling(dense.0, dense.1, grader: grader)
    print(denseMemory)
  }

  /// Text that gives every detector and the Markdown parser as much to do as possible per byte.
  static func dense(bytes: Int) -> [UInt8] {
    let pieces = [
      "Maybe I think we sort of improved things, e.g. the p95 went from 500ms to 50ms (about 10x).",
      "We need more speed based on the data; it was their fault, the QA team dropped the ball.",
      "Synergy, leverage, paradigm, agile, scrum, kanban, lean, devops, OKRs and KPIs drove the roadmap.",
      "I chose Kafka over RabbitMQ at the cost of latency, rather than `polling [every minute] and",
      "Looking back, I would measure first; next time I'd write down the rejected alternatives [see ]( notes.",
      "asdf qwerty zxcvbn lorem ipsum dolor sit amet `` ` ``` [[ ] ( ) etc. we we we we did did did.",
    ]
    var text = ""
    var i = 0
    while text.utf8.count < bytes {
      text += pieces[i % pieces.count] + " "
      i += 1
    }
    return Array(text.utf8)
  }

  static func compareScaling(_ smallAnswer: [UInt8], _ largeAnswer: [UInt8], grader: Grader) throws {
    func measure(_ bytes: [UInt8], repeats: Int) throws -> StageTimes {
      var best: StageTimes?
      for _ in 0..<3 {
        var times = StageTimes()
        for _ in 0..<repeats {
          times.start()
          let (text, _) = try grader.analyzer.analyze(bytes: bytes, source: "a.md", clock: &times)
          let report = grader.grade(text, clock: &times)
          _ = try ReportFormat.jsonl.renderBytes(report)
          times.lap(.write)
        }
        if best == nil || times.total < best!.total { best = times }
      }
      return best!
    }
    let repeats = max(1, largeAnswer.count / smallAnswer.count)
    let smallTimes = try measure(smallAnswer, repeats: repeats)
    let largeTimes = try measure(largeAnswer, repeats: 1)
    let smallBytes = Double(smallAnswer.count * repeats), largeBytes = Double(largeAnswer.count)
    print(
      "ns per byte: a \(smallAnswer.count)-byte answer (×\(repeats)) against a \(largeAnswer.count)-byte answer")
    print("  stage          small     large   large/small")
    for stage in PipelineStage.allCases {
      let s = Double(smallTimes.nanoseconds[stage.rawValue]) / smallBytes
      let l = Double(largeTimes.nanoseconds[stage.rawValue]) / largeBytes
      print(
        "  " + stage.name.padding(toLength: 10, withPad: " ", startingAt: 0) + pad(String(format: "%.1f", s), 9)
          + pad(String(format: "%.1f", l), 10) + pad(String(format: "%.2f×", l / s), 14))
    }
    let s = Double(smallTimes.total) / smallBytes, l = Double(largeTimes.total) / largeBytes
    print(
      "  " + "total".padding(toLength: 10, withPad: " ", startingAt: 0) + pad(String(format: "%.1f", s), 9)
        + pad(String(format: "%.1f", l), 10) + pad(String(format: "%.2f×", l / s), 14))
  }

  /// Peak resident memory of `answer-eval score FILE --format jsonl` on both answers, and what each byte of
  /// the large answer costs over the small one's (the binary and the compiled rubric), as a line to print.
  static func memoryPerByte(_ smallAnswer: [UInt8], _ largeAnswer: [UInt8]) throws -> String {
    let cli = cliPath()
    let folder = try scratchFolder("scaling")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    func peak(_ bytes: [UInt8], _ name: String) throws -> Int {
      let path = folder + "/" + name
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let measure = ChildProcess.run([cli, "score", path, "--format", "jsonl"])
      precondition(measure.status == 0, "answer-eval score exited with \(measure.status)")
      return measure.peakResidentBytes
    }
    let small = try peak(smallAnswer, "small.md"), large = try peak(largeAnswer, "large.md")
    return "  peak RSS of answer-eval score FILE --format jsonl: \(megabytes(small)) MB (small), "
      + "\(megabytes(large)) MB (large): "
      + String(format: "%.0f", Double(large - small) / Double(largeAnswer.count - smallAnswer.count))
      + " bytes per byte of answer"
  }

  // MARK: memory

  /// Peak resident memory of `answer-eval batch DIR --format jsonl` for folders of `counts` answers, once
  /// with the rubric compiled from its YAML by the run (`ANSWER_EVAL_CACHE=off`) and once read from a
  /// scratch cache that an earlier run stored (the default), so that no run measured is the one that
  /// writes the cache entry. Each with the most anonymous memory (heap and stacks) seen while it ran: the
  /// compiled rubric, the caches and the answers in flight, where the rest is mostly code and ICU data
  /// mapped from files.
  static func memory(counts: [Int]) throws {
    let cli = cliPath()
    let cache = try scratchFolder("memory-cache")
    defer { try? FileManager.default.removeItem(atPath: cache) }
    print(
      "answer-eval batch DIR --format jsonl > /dev/null (default jobs): peak RSS with the rubric compiled by "
        + "the run (ANSWER_EVAL_CACHE=off), then read from the cache:")
    var cacheStored = false
    for count in counts {
      let folder = try scratchFolder("memory-\(count)")
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let bytes = try AnswerGenerator.writeFolder(folder, count: count, seed: 42, words: 150...600)
      func measure(cache setting: String) -> ChildProcess.Measure {
        setenv("ANSWER_EVAL_CACHE", setting, 1)
        let measure = ChildProcess.run([cli, "batch", folder, "--format", "jsonl"], sampleMemory: true)
        precondition(measure.status == 0, "answer-eval batch exited with \(measure.status)")
        return measure
      }
      func peak(_ measure: ChildProcess.Measure) -> String {
        let anonymous = measure.peakAnonymousBytes.map { String(format: "%.1f", Double($0) / 1e6) } ?? "?"
        return "\(String(format: "%.1f", Double(measure.peakResidentBytes) / 1e6)) MB (anonymous \(anonymous) MB)"
      }
      let compiling = measure(cache: "off")
      if !cacheStored {
        _ = measure(cache: cache)
        cacheStored = true
      }
      let cached = measure(cache: cache)
      print(
        "  \(pad("\(count)", 7)) answers (\(megabytes(bytes)) MB): "
          + "\(peak(compiling)) compiling, \(peak(cached)) cached; "
          + "\(String(format: "%.0f", Double(count) / compiling.seconds)) and "
          + "\(String(format: "%.0f", Double(count) / cached.seconds)) answers/s")
    }
  }

  // MARK: startup

  /// `answer-eval score FILE --format json`, run `runs` times with the compiled rubric read from a scratch
  /// cache and `runs` times without a cache (`ANSWER_EVAL_CACHE=off`): the median wall and user CPU time of
  /// each, and the one run that compiles the rubric and stores it.
  static func startup(file given: String?, runs: Int) throws {
    let cli = cliPath()
    let folder = try scratchFolder("startup")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    if given == nil {
      var generator = AnswerGenerator(seed: 42)
      try Data(generator.answer(words: 350...350).utf8).write(to: URL(fileURLWithPath: folder + "/answer.md"))
    }
    let file = given ?? folder + "/answer.md"
    let arguments = [cli, "score", file, "--format", "json"]
    func run(cache: String) -> ChildProcess.Measure {
      setenv("ANSWER_EVAL_CACHE", cache, 1)
      let measure = ChildProcess.run(arguments)
      precondition(measure.status == 0, "answer-eval score exited with \(measure.status)")
      return measure
    }
    _ = run(cache: "off")  // warms the page cache
    let storing = run(cache: folder + "/cache")
    var cached: [ChildProcess.Measure] = [], uncached: [ChildProcess.Measure] = []
    for _ in 0..<max(1, runs) {
      cached.append(run(cache: folder + "/cache"))
      uncached.append(run(cache: "off"))
    }
    func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1e3) }
    func summary(_ measures: [ChildProcess.Measure]) -> String {
      let walls = measures.map(\.seconds).sorted(), users = measures.map(\.userSeconds).sorted()
      return "median \(milliseconds(walls[walls.count / 2])) wall, \(milliseconds(users[users.count / 2])) user CPU "
        + "(min \(milliseconds(walls[0])))"
    }
    print("answer-eval score \(given ?? "answer.md (350 words)") --format json, \(runs) runs each:")
    print("  compiled rubric read from the cache:  \(summary(cached))")
    print("  no cache (ANSWER_EVAL_CACHE=off):     \(summary(uncached))")
    print("  the first run, compiling and storing: \(milliseconds(storing.seconds)) wall")
  }

  // MARK: In process

  static func inProcess(_ mode: String, answers: [[UInt8]], rounds: Int) throws {
    let bytes = answers.reduce(0) { $0 + $1.count }
    print("\(answers.count) answers, \(bytes) bytes, \(rounds) rounds")
    let grader = try Grader()
    let seconds = try measure(rounds) {
      for input in answers {
        if mode == "text" {
          _ = try grader.analyzer.analyze(bytes: input, source: "b")
        } else {
          _ = try grader.grade(bytes: input, source: "b")
        }
      }
    }
    print(
      "\(mode == "text" ? "text pipeline" : "full grade"): "
        + "\(String(format: "%.0f", Double(answers.count) / seconds)) answers/s, "
        + "\(String(format: "%.2f", Double(bytes) / seconds / 1e6)) MB/s")
  }

  static func cues(answers: [[UInt8]], extra: Int, rounds: Int) throws {
    let base = try RubricLibrary.shared.compiled(RubricLibrary.defaultName)
    var rubric = base.rubric
    rubric.packs.append(try syntheticPack(count: extra))
    let bigger = CompiledRubric(rubric)
    let texts = try answers.map { try TextAnalyzer().analyze(bytes: $0, source: "b").text }
    for (name, compiled) in [("default rubric", base), ("+\(extra) cues", bigger), ("default rubric", base)] {
      let grader = try Grader(rubric: compiled)
      let seconds = try measure(rounds) { for text in texts { _ = grader.grade(text) } }
      let perAnswer = seconds / Double(texts.count) * 1e6
      print(
        "\(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(compiled.matcher.cues.count) cues, "
          + "\(compiled.matcher.nodeCount) trie nodes: \(String(format: "%.1f", perAnswer)) µs per answer")
    }
  }

  /// The best of `rounds` timings of `body`, in seconds (the least disturbed run).
  static func measure(_ rounds: Int, _ body: () throws -> Void) throws -> Double {
    var best = Double.infinity
    for _ in 0..<max(1, rounds) {
      let start = Clock.now()
      try body()
      best = min(best, Clock.seconds(since: start))
    }
    return best
  }

  /// `count` phrase cues of two to four plausible words, from a fixed seed (the same every run).
  static func syntheticPack(count: Int) throws -> CuePack {
    let words = [
      "quarterly", "pipeline", "latency", "customer", "rollout", "budget", "review", "migration", "cluster", "feature",
      "ticket", "deadline", "metric", "release", "schema", "vendor", "contract", "dashboard", "incident", "backlog",
      "roadmap", "stakeholder", "experiment", "cohort", "threshold", "forecast", "inventory", "shipment", "invoice",
      "onboarding", "retention", "accuracy", "throughput", "capacity", "sprint", "handover", "audit", "escalation",
    ]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    let analyzer = try TextAnalyzer()
    let location = FileLocation(file: "synthetic", line: 0, column: 0)
    var cues: [Cue] = []
    for i in 0..<count {
      let phrase = (0..<(2 + next(3))).map { _ in words[next(words.count)] }.joined(separator: " ")
      cues.append(
        Cue(
          id: "synthetic.\(i)", signal: "synthetic", weight: 1,
          phrases: try PhrasePattern.compile(phrase, analyzer: analyzer),
          exceptions: [], matchExamples: [], noMatchExamples: [], location: location))
    }
    return CuePack(
      id: "synthetic.en", detector: "synthetic", language: "en", description: "", cues: cues, file: "synthetic")
  }

  // MARK: Helpers

  static func loadAnswers(_ folder: String) throws -> [[UInt8]] {
    try FileWalker().list([folder]).entries.map { try InputReader.read($0.path) }
  }

  /// The `answer-eval` binary beside this one.
  static func cliPath() -> String {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let cli = me.deletingLastPathComponent().appendingPathComponent("answer-eval").path
    guard FileManager.default.isExecutableFile(atPath: cli) else {
      FileHandle.standardError.write(Data("answer-eval-bench: no answer-eval beside it at \(cli); build it\n".utf8))
      exit(2)
    }
    return cli
  }

  /// A new empty folder under the temporary folder.
  static func scratchFolder(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "answer-eval-bench-\(getpid())-\(name)"
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

  static func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
  }
}

/// `--name value` options and positional arguments.
struct Arguments {
  var positional: [String] = []
  var options: [String: String] = [:]
  /// `--help` or `-h` anywhere.
  var wantsHelp = false
  /// An option given last, with no value after it.
  var dangling: String?

  init(_ arguments: [String]) {
    var i = 0
    while i < arguments.count {
      if arguments[i] == "--help" || arguments[i] == "-h" {
        wantsHelp = true
        i += 1
      } else if arguments[i].hasPrefix("--"), i + 1 >= arguments.count {
        dangling = arguments[i]
        i += 1
      } else if arguments[i].hasPrefix("--") {
        options[arguments[i]] = arguments[i + 1]
        i += 2
      } else {
        positional.append(arguments[i])
        i += 1
      }
    }
  }

  func int(_ name: String, default value: Int) -> Int { options[name].flatMap { Int($0) } ?? value }

  func ints(_ name: String, default value: [Int]) -> [Int] {
    options[name].map { $0.split(separator: ",").compactMap { Int($0) } } ?? value
  }

  func range(_ name: String, default value: ClosedRange<Int>) -> ClosedRange<Int> {
    guard let text = options[name] else { return value }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return parts.count == 2 && parts[0] <= parts[1] ? parts[0]...parts[1] : value
  }
}
