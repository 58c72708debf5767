import Foundation

/// Realistic synthetic interview answers for benchmarks, the same for a given seed on every machine.
///
/// Each answer is a STAR story (situation, task, three to eight actions, result, reflection) built from
/// templates with numbers, tradeoffs, abbreviations ("e.g."), money and percentages; 30% of them label their
/// sections (`**Situation:**`), every tenth has front matter naming its rubric, every fourth is a `.txt`.
///
/// ```swift
/// var generator = AnswerGenerator(seed: 42)
/// generator.answer(words: 150...600)   // "Last year I was a senior engineer on the search team, …"
/// ```
struct AnswerGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// SplitMix64: small, fast and the same everywhere.
  private mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  private mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

  private mutating func pick(_ items: [String]) -> String { items[int(0...(items.count - 1))] }

  static let teams = [
    "payments", "search", "checkout", "onboarding", "data platform", "mobile", "fraud", "support tooling",
  ]
  static let systems = [
    "the ranking service", "our Kafka pipeline", "the billing API", "the React front end", "a nightly ETL job",
    "the Postgres cluster", "the recommendation model", "the CI pipeline",
  ]
  static let situation = [
    "Last year I was a senior engineer on the {team} team, and {sys} had become our biggest source of pages.",
    "At my previous company, {sys} was missing its latency target of {ms} ms at the 95th percentile.",
    "In {year}, our {team} team inherited {sys} after a reorganisation, with almost no documentation.",
    "We had about {n} customers affected every week because {sys} timed out under load.",
  ]
  static let task = [
    "My task was to bring p95 latency under {ms} ms without adding hardware.",
    "I was responsible for deciding whether to rewrite {sys} or to fix it incrementally.",
    "The goal I owned was to cut the error rate from {p}% to under 1% within one quarter.",
    "I had to get the migration done before the holiday freeze, which gave us roughly {w} weeks.",
  ]
  static let action = [
    "I profiled the hot path and found that {p}% of the time went into JSON serialization.",
    "I proposed two options to my manager: a full rewrite, or caching the expensive lookups; I chose caching "
      + "because it was reversible.",
    "We considered moving to a managed queue, but the cost was about ${k}k a year, so I argued for tuning our own "
      + "brokers instead.",
    "I wrote a design document, reviewed it with three senior engineers, and split the work into {w} milestones.",
    "I paired with a junior engineer on the load tests, which meant my own feature slipped by a week.",
    "I added tracing to every request so that we could see where the time went, e.g. in the database or the network.",
    "The tradeoff was consistency versus availability: we accepted stale reads of up to {s} seconds in exchange "
      + "for staying up during failovers.",
    "I set up a canary that sent {p}% of traffic to the new path and compared error rates before each step.",
  ]
  static let result = [
    "As a result, p95 latency dropped from {ms2} ms to {ms} ms, and pages fell by {p}%.",
    "The migration finished {w} days early and saved about ${k}k per year in infrastructure.",
    "Error rates went from {p}% to 0.{d}%, and the support queue shrank by roughly a third.",
    "We shipped on time; conversion improved by {p}% over the next month.",
  ]
  static let reflection = [
    "Looking back, I would involve the on-call team earlier, because they knew the failure modes better than I did.",
    "What I learned is to write down the rejected alternatives, since the same debate came back six months later.",
    "Next time I would measure before optimizing; my first guess about the bottleneck was wrong.",
    "It changed how I run projects: I now agree on a rollback plan before any risky change.",
  ]
  static let filler = [
    "It was not an easy decision, and not everyone agreed with it at first.",
    "I kept stakeholders informed with a short weekly update.",
    "We also had to keep the old system running in parallel, which added some overhead.",
    "There were a few surprises along the way, mostly around configuration drift between environments.",
    "I made sure the runbook was updated so the next person would not have to rediscover all of this.",
  ]

  /// A template with its placeholders filled.
  private mutating func fill(_ template: String) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      out += rest[..<open]
      switch rest[rest.index(after: open)..<close] {
      case "team": out += pick(Self.teams)
      case "sys": out += pick(Self.systems)
      case "ms": out += pick(["50", "80", "120", "200"])
      case "ms2": out += pick(["400", "500", "900"])
      case "year": out += pick(["2019", "2020", "2021", "2022"])
      case "n": out += String(int(100...5000))
      case "p": out += String(int(2...40))
      case "w": out += String(int(2...9))
      case "k": out += String(int(20...400))
      case "s": out += String(int(1...30))
      default: out += String(int(1...9))
      }
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  private static func wordCount(_ s: String) -> Int { s.split(separator: " ").count }

  /// One answer of a length drawn from `words` (cut at the upper bound).
  mutating func answer(words: ClosedRange<Int>) -> String {
    let target = int(words)
    let labelled = chance(0.3)
    var parts: [String] = []
    var count = 0
    let sections = [
      ("Situation", Self.situation), ("Task", Self.task), ("Action", Self.action), ("Result", Self.result),
      ("Reflection", Self.reflection),
    ]
    for (label, pool) in sections {
      var sentences: [String] = []
      for _ in 0..<(label == "Action" ? int(3...8) : int(1...3)) {
        sentences.append(fill(pick(pool)))
        if chance(0.5) { sentences.append(pick(Self.filler)) }
      }
      let text = sentences.joined(separator: " ")
      count += Self.wordCount(text)
      parts.append(labelled ? "**\(label):** \(text)" : text)
    }
    var body = parts.joined(separator: "\n\n")
    while count < target {
      var paragraph: [String] = []
      for _ in 0..<3 { paragraph.append(fill(pick(Self.action))) }
      let text = paragraph.joined(separator: " ")
      count += Self.wordCount(text)
      body += "\n\n" + text
    }
    if count > words.upperBound {
      // Cut after the upper bound's word, as a sentence.
      var seen = 0
      var end = body.startIndex
      var inWord = false
      for index in body.indices {
        let isSpace = body[index] == " " || body[index] == "\n"
        if !isSpace && !inWord {
          seen += 1
          if seen > words.upperBound { break }
        }
        inWord = !isSpace
        end = body.index(after: index)
      }
      body = body[..<end].trimmingCharacters(in: .whitespacesAndNewlines) + "."
    }
    return body
  }

  /// The relative path and contents of answer `index` of a folder: `cohort-NN/group-N/candidate-NNNNN.md`
  /// (every fourth `.txt`), every tenth with front matter naming its rubric.
  mutating func file(_ index: Int, words: ClosedRange<Int>) -> (path: String, text: String) {
    let folder = String(format: "cohort-%02d/group-%d", index / 1000, (index / 100) % 10)
    let name = String(format: "candidate-%05d", index) + (index % 4 == 0 ? ".txt" : ".md")
    var front = ""
    if index % 10 == 0 { front = "---\nrubric: \(pick(["behavioral", "deployment-tradeoff"]))\n---\n" }
    return (folder + "/" + name, front + answer(words: words) + "\n")
  }

  /// Writes `count` answers under `folder`; returns their total size in bytes.
  static func writeFolder(_ folder: String, count: Int, seed: UInt64, words: ClosedRange<Int>) throws -> Int {
    var generator = AnswerGenerator(seed: seed)
    var bytes = 0
    var created: Set<String> = []
    for index in 0..<count {
      let (path, text) = generator.file(index, words: words)
      let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
      let directory = url.deletingLastPathComponent().path
      if created.insert(directory).inserted {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      }
      let data = Data(text.utf8)
      try data.write(to: url)
      bytes += data.count
    }
    return bytes
  }
}
