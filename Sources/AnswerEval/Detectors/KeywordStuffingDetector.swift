import AnswerEvalText
import Foundation

/// Finds keyword stuffing: the words interviewers grade ("situation, task, action, result", "tradeoffs",
/// "ownership", "impact"), buzzwords and lists of bare terms, with no story behind them.
///
/// Counted: the `keyword-stuffing` pack's cues (STAR labels, rubric vocabulary, self-praise), the `jargon`
/// pack's buzzwords, and half a point (`list_item_weight`) per item of a term list — `list_items` (5) or
/// more comma-separated items of at most three words each ("overfitting, underfitting, bias, variance,
/// drift"; only in an answer with at least one of those cues, so a list of mash is not a list of keywords).
/// When the answer tells no story (``StarSegmentation/isStory``) and that count is at least `min_count` (3) and
/// `min_per_100` (10) per 100 words, it is the mistake (score 0); at half that density it is a warning
/// (score 0.5). In a story the words have something behind them, so it takes `story_per_100` (25) — a
/// "story" of buzzwords whose adjectives ("customer-obsessed", "data-informed") read as past tense.
/// Evidence is every counted word and term list.
public struct KeywordStuffingDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "keyword-stuffing",
    kind: .pitfall,
    summary: "STAR labels, rubric words and buzzwords with no story behind them.",
    rationale: """
      Some answers are written for a keyword filter: "Situation, task, action, result — as a \
      results-driven leader I balance tradeoffs and deliver impact." They name everything an interviewer \
      listens for and show none of it. The cure is one real story, told with its specifics.
      """,
    packs: ["keyword-stuffing", "jargon", "star", "grammar"],
    parameters: [
      .init("min_count", "the least weighted number of stuffed words that can fire (default 3)", kind: .number),
      .init("min_per_100", "weighted stuffed words per 100 words for the full penalty (default 10)", kind: .number),
      .init("list_items", "comma-separated short items that make a term list (default 5)", kind: .number),
      .init("list_item_weight", "the weight of one item of a term list (default 0.5)", kind: .number),
      .init(
        "story_per_100", "weighted stuffed words per 100 words that are stuffing even in a story (default 25)",
        kind: .number),
    ],
    examples: [
      .init(
        "Situation, task, action, result. As a results-driven, customer-obsessed leader, I always take "
          + "ownership, balance tradeoffs and deliver measurable impact.",
        detected: true, criterion: "pitfall.keyword-stuffing"),
      .init(
        "I avoid all the pitfalls: overfitting, underfitting, bias, variance, data drift, leakage, calibration, "
          + "monitoring and stakeholder management.",
        detected: true, criterion: "pitfall.keyword-stuffing"),
      .init(
        "The situation: our checkout took 6 seconds. My task was to halve it. I lazy-loaded the images and "
          + "split the bundle. The result: 1.8 seconds and 4% more orders, a tradeoff against a week of work.",
        detected: false, criterion: "pitfall.keyword-stuffing"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let cues = context.matches(detector: Self.descriptor.id) + context.matches(detector: "jargon")
    var density = CueDensity(cues, words: context.text.statistics.words)
    // Term lists only add to an answer with at least one such word: a list of mash is not a list of keywords.
    guard density.weight > 0 else { return Finding(detected: false, score: 1, outcome: .missing) }
    let lists = Self.termLists(in: context.text, minimumItems: Int(criterion.number("list_items", default: 5)))
    // An item that is itself a counted word ("tradeoffs") is not counted twice.
    var counted = [Bool](repeating: false, count: context.text.tokens.count)
    for match in density.matches { for token in match.tokens { counted[token] = true } }
    let items = lists.joined().filter { item in !item.contains { counted[$0] } }
    density.weight += criterion.number("list_item_weight", default: 0.5) * Double(items.count)
    let threshold = criterion.number("min_per_100", default: 10)
    var outcome = Finding.Outcome.missing
    if density.weight < criterion.number("min_count", default: 3) {
      outcome = .missing
    } else if context.star.isStory {
      // A story's words have something behind them, unless there is hardly room for a story between them.
      if density.per100Words >= criterion.number("story_per_100", default: 25) { outcome = .present }
    } else if density.per100Words >= threshold {
      outcome = .present
    } else if density.per100Words >= threshold / 2 {
      outcome = .partial
    }
    guard outcome != .missing else { return Finding(detected: false, score: 1, outcome: .missing) }
    let words = density.matches.map { context.range(ofTokens: $0.tokens) }
    let listRanges = lists.map { context.range(ofTokens: $0.first!.lowerBound..<$0.last!.upperBound) }
    // A counted word inside a term list is shown as part of the list.
    let evidence = (words.filter { word in !Self.overlapsAny(word, listRanges) } + listRanges)
      .sorted { $0.lowerBound < $1.lowerBound }
    return Finding(
      detected: true, score: outcome.pitfallScore, outcome: outcome, evidence: evidence,
      values: [
        "count": "\(density.matches.count + items.count)",
        "value": FixedPoint.string(density.per100Words, decimals: 1),
        "found": context.rubric.punctuation.quotedExcerpts(words.map(context.text.string)),
      ])
  }

  /// Term lists: runs of at least `minimumItems` consecutive items of one to three words, separated by
  /// `,`, `;` or `:` within a sentence ("overfitting, underfitting, bias, variance, drift"). A word is a
  /// run of glued tokens ("cloud-native", "99.99%"). Each list is its items' token ranges, from the first
  /// to the last word-like token of each item.
  static func termLists(in text: AnalyzedText, minimumItems: Int) -> [[Range<Int>]] {
    var lists: [[Range<Int>]] = []
    let tokens = text.tokens
    for sentence in text.sentences {
      var run: [Range<Int>] = []
      func closeRun() {
        if run.count >= minimumItems { lists.append(run) }
        run = []
      }
      var start = sentence.tokens.lowerBound
      for index in sentence.tokens.lowerBound...sentence.tokens.upperBound {
        // A word-like token (letters, digits, ideographs) is never a separator: its bytes are not read.
        let separator =
          index < sentence.tokens.upperBound && !tokens[index].kind.isWordLike
          && isSeparator(tokens[index].normalizedBytes, in: text.normalizedUTF8)
        guard separator || index == sentence.tokens.upperBound else { continue }
        var first: Int?, last: Int?
        var words = 0
        for k in start..<index where tokens[k].kind.isWordLike {
          if first == nil { first = k }
          last = k
          if !tokens[k].glued { words += 1 }
        }
        if let first, let last, (1...3).contains(words) {
          run.append(first..<(last + 1))
        } else {
          closeRun()
        }
        start = index + 1
      }
      closeRun()
    }
    return lists
  }

  /// Whether the normalized bytes `range` of `bytes` are `,`, `;` or `:`.
  @inline(__always)
  static func isSeparator(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
    guard range.count == 1 else { return false }
    let byte = bytes[range.lowerBound]
    return byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
  }

  /// Whether `range` overlaps one of `ranges`, which are in text order and do not overlap each other (term
  /// lists): by halves, so that an answer of many lists and words costs n log n.
  static func overlapsAny(_ range: Range<Int>, _ ranges: [Range<Int>]) -> Bool {
    // The last list that starts before `range` ends is the only one that can reach into it.
    var low = 0, high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].lowerBound < range.upperBound { low = middle + 1 } else { high = middle }
    }
    return low > 0 && ranges[low - 1].overlaps(range)
  }
}
