import AnswerEval
import AnswerEvalText
import Foundation

/// `answer-eval-bench`: throughput figures for the pipeline. Not part of `swift test`.
///
///     answer-eval-bench text DIR [--repeat N]          decode + analyze (text pipeline only)
///     answer-eval-bench grade DIR [--repeat N]         the full grade with the default rubric
///     answer-eval-bench cues DIR [--extra N]           grading time with N extra phrase cues vs none
///
/// Build it in release mode for real figures: `swift build -c release --product answer-eval-bench`.
@main
enum Benchmark {
  static func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    func option(_ name: String, default value: Int) -> Int {
      guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else {
        return value
      }
      arguments.removeSubrange(i...(i + 1))
      return n
    }
    let repeats = option("--repeat", default: 3)
    let extra = option("--extra", default: 1000)
    guard arguments.count == 2 else {
      FileHandle.standardError.write(
        Data("usage: answer-eval-bench text|grade|cues DIR [--repeat N] [--extra N]\n".utf8))
      exit(64)
    }
    let inputs = try loadAnswers(arguments[1])
    let bytes = inputs.reduce(0) { $0 + $1.count }
    print("\(inputs.count) answers, \(bytes) bytes, \(repeats) rounds")
    switch arguments[0] {
    case "text":
      let analyzer = try TextAnalyzer()
      let seconds = try measure(repeats) { for input in inputs { _ = try analyzer.analyze(bytes: input, source: "b") } }
      report("text pipeline", seconds: seconds, answers: inputs.count * repeats, bytes: bytes * repeats)
    case "grade":
      let grader = try Grader()
      let seconds = try measure(repeats) { for input in inputs { _ = try grader.grade(bytes: input, source: "b") } }
      report("full grade", seconds: seconds, answers: inputs.count * repeats, bytes: bytes * repeats)
    case "cues":
      let base = try RubricLibrary.shared.compiled(RubricLibrary.defaultName)
      var rubric = base.rubric
      rubric.packs.append(try syntheticPack(count: extra))
      let bigger = CompiledRubric(rubric)
      let texts = try inputs.map { try TextAnalyzer().analyze(bytes: $0, source: "b").text }
      for (name, compiled) in [("default rubric", base), ("+\(extra) cues", bigger), ("default rubric", base)] {
        let grader = try Grader(rubric: compiled)
        let seconds = try measure(repeats) { for text in texts { _ = grader.grade(text) } }
        let perAnswer = seconds / Double(texts.count * repeats) * 1e6
        print(
          "\(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(compiled.matcher.cues.count) cues, "
            + "\(compiled.matcher.nodeCount) trie nodes: \(String(format: "%.1f", perAnswer)) µs per answer")
      }
    default:
      FileHandle.standardError.write(Data("unknown mode \(arguments[0]); use text, grade or cues\n".utf8))
      exit(64)
    }
  }

  static func loadAnswers(_ folder: String) throws -> [[UInt8]] {
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted()
    return files.compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) } }
  }

  /// The best of `rounds` timings of `body`, in seconds (the least disturbed run).
  static func measure(_ rounds: Int, _ body: () throws -> Void) throws -> Double {
    var best = Double.infinity
    for _ in 0..<max(1, rounds) {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best * Double(max(1, rounds))
  }

  static func report(_ name: String, seconds: Double, answers: Int, bytes: Int) {
    print(
      "\(name): \(String(format: "%.0f", Double(answers) / seconds)) answers/s, "
        + "\(String(format: "%.2f", Double(bytes) / seconds / 1e6)) MB/s")
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
}
