import AnswerEvalText

/// Finds whether an answer covers one expected key point of a question-specific rubric
/// (`coverage.monitoring`, `coverage.label-lag`, …).
///
/// The point's lexicon is the cues of the rubric's `coverage` packs whose `signal` is the point id (the
/// `point` parameter, by default the criterion id after `coverage.`) or one of its `aspects`. Each
/// sentence that matches some of them is a **mention**, worth the sum of the weights of the places it
/// matches (overlapping matches are one place, worth their best cue; a cue counts once), at most 1. A mention is **passing** — worth half — when the sentence has fewer than
/// `min_words` (6) words for each of the rubric's points it names: a bare list item ("Third, overfitting."),
/// or an enumeration ("speed versus accuracy, freshness versus cost, complexity versus interpretability"
/// — 11 words for 3 points). A long sentence that develops several points is not passing. The point's
/// **support** is the sum of its mentions.
///
/// - **present**: support reaches `present_at` (default 1) and every aspect is found. With the lexicon
///   convention — a cue that only names the point weighs 0.5, a concrete technique, metric or practice
///   weighs 1 — a point is covered by one developed sentence that says something concrete about it, or
///   by two sentences that name it.
/// - **partial**: some support, but less (one passing mention, or a name dropped once), or a side of a
///   two-sided point is missing ("speed vs accuracy" with no word about speed).
/// - **missing**: no cue of the point matches.
///
/// Aspects are for points with several sides (`aspects: [speed, accuracy]`): each is a signal of its
/// own, and a cue whose signal is the point itself ("the latency–accuracy tradeoff") counts for every
/// side. Evidence is every matched cue span in text order; `{evidence}` quotes the first three,
/// `{found}` is the aspects found (or, for a point without aspects, the words that matched),
/// `{missing}` the aspects not found, `{count}` the number of sentences that mention the point and
/// `{value}` its support.
public struct CoverageDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "coverage",
    kind: .quality,
    summary: "An expected key point of the question (with its synonyms) is covered, mentioned in passing, or missed.",
    rationale: """
      A question-specific rubric lists what a good answer covers. Naming a point in a list of buzzwords is \
      not covering it: a point counts as covered when the answer develops it — a concrete technique, \
      metric or practice in a full sentence, or the point raised more than once. Two-sided points (speed \
      versus accuracy) need both sides.
      """,
    packs: ["coverage"],
    parameters: [
      .init("point", "the cue signal of the point (default: the criterion id after `coverage.`)"),
      .init("aspects", "signals that must all be found for the point to be covered, e.g. [speed, accuracy]"),
      .init("present_at", "support needed for `present` (default 1)"),
      .init("min_words", "a sentence with fewer words per point it names is a passing mention (default 6)"),
    ],
    examples: [
      .init(
        "I log every prediction with the features as served, and I compare each feature with the training data "
          + "using PSI and a KS test every day.",
        detected: true, criterion: "coverage.drift-metrics", rubric: "drift-detection-design"),
      .init(
        "Drift detection matters. I would retrain the model every week on a schedule.",
        detected: false, criterion: "coverage.drift-metrics", rubric: "drift-detection-design"),
      .init(
        "I constantly navigate speed versus accuracy, freshness versus cost and complexity versus interpretability.",
        detected: false, criterion: "coverage.speed-accuracy", rubric: "deployment-tradeoff"),
    ])

  /// Which cues name which point, worked out once per rubric by ``prepared(for:in:matcher:)``; nil for a
  /// detector made with `init()`, which works them out for each answer instead.
  private var points: Points?

  public init() {}

  public func prepared(for criterion: Criterion, in rubric: Rubric, matcher: CueMatcher) -> any Detector {
    var detector = self
    detector.points = Points(for: criterion, in: rubric, matcher: matcher)
    return detector
  }

  /// For each cue, which of the rubric's points it names (by its signal: the point's own or one of its
  /// aspects), as bits; and whether it names the criterion being graded. Reading these per match replaces
  /// hashing the match's signal once for every point.
  struct Points: Sendable {
    /// How many `UInt64` words each cue's bits take: a bit for each coverage criterion of the rubric, in
    /// rubric order.
    let words: Int
    /// Cue `c`'s bits: `bits[c * words ..< (c + 1) * words]`.
    let bits: [UInt64]
    /// Whether each cue's signal is one of the graded criterion's signals.
    let own: [Bool]

    init(for criterion: Criterion, in rubric: Rubric, matcher: CueMatcher) {
      let points = CoverageDetector.points(of: rubric)
      var pointsOfSignal: [String: [Int]] = [:]
      for (k, point) in points.enumerated() {
        for signal in CoverageDetector.signals(of: rubric.criteria[point]) {
          pointsOfSignal[signal, default: []].append(k)
        }
      }
      let ownSignals = CoverageDetector.signals(of: criterion)
      words = max(1, (points.count + 63) / 64)
      var bits = [UInt64](repeating: 0, count: matcher.cues.count * words)
      var own = [Bool](repeating: false, count: matcher.cues.count)
      for (c, entry) in matcher.cues.enumerated() {
        for k in pointsOfSignal[entry.cue.signal] ?? [] { bits[c * words + k / 64] |= 1 << UInt64(k % 64) }
        own[c] = ownSignals.contains(entry.cue.signal)
      }
      self.bits = bits
      self.own = own
    }

    /// How many points the matches name between them.
    func named(by matches: ArraySlice<CueMatch>) -> Int {
      var total = 0
      for w in 0..<words {
        var union: UInt64 = 0
        for match in matches { union |= bits[match.cue * words + w] }
        total += union.nonzeroBitCount
      }
      return total
    }
  }

  /// What an answer says about one point.
  struct Coverage {
    var support = 0.0
    var mentions = 0
    var evidence: [Range<Int>] = []
    var signalsFound: Set<String> = []
    var words: [String] = []
  }

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let point = Self.point(of: criterion)
    let aspects = criterion.parameters["aspects"]?.strings ?? []
    let coverage = Self.coverage(
      of: criterion, in: context,
      points: points ?? Points(for: criterion, in: context.rubric.rubric, matcher: context.rubric.matcher))
    let found = aspects.filter { coverage.signalsFound.contains($0) || coverage.signalsFound.contains(point) }
    let missing = aspects.filter { !found.contains($0) }
    let punctuation = context.rubric.punctuation
    var values = [
      "count": "\(coverage.mentions)",
      "value": "\((coverage.support * 100).rounded() / 100)",
      "missing": punctuation.list(missing),
    ]
    values["found"] =
      aspects.isEmpty ? punctuation.list(coverage.words.prefix(4).map(punctuation.quoted)) : punctuation.list(found)
    let quoted = coverage.evidence.prefix(3).map { punctuation.quoted(Scorer.excerpt(context.text.string($0))) }
    if !quoted.isEmpty { values["evidence"] = punctuation.list(quoted) }
    if coverage.mentions == 0 {
      return Finding(detected: false, score: 0, outcome: .missing, values: values)
    }
    let covered = coverage.support >= criterion.number("present_at", default: 1) - 1e-9 && missing.isEmpty
    return Finding(
      detected: covered, score: covered ? 1 : 0.5, outcome: covered ? .present : .partial,
      evidence: coverage.evidence, values: values)
  }

  /// The rubric's coverage criteria (its key points), by their index in it.
  static func points(of rubric: Rubric) -> [Int] {
    rubric.criteria.indices.filter { rubric.criteria[$0].detector == descriptor.id }
  }

  /// The signal of a coverage criterion's point.
  static func point(of criterion: Criterion) -> String {
    if let point = criterion.string("point") { return point }
    return criterion.id.hasPrefix("coverage.") ? String(criterion.id.dropFirst("coverage.".count)) : criterion.id
  }

  /// All the signals of a coverage criterion: its point and its aspects.
  static func signals(of criterion: Criterion) -> Set<String> {
    Set([point(of: criterion)] + (criterion.parameters["aspects"]?.strings ?? []))
  }

  /// Support, mentions and evidence of one coverage criterion in an answer.
  static func coverage(of criterion: Criterion, in context: AnswerContext, points: Points) -> Coverage {
    let minWords = criterion.number("min_words", default: 6)
    var result = Coverage()
    var seenWords: Set<String> = []
    for index in context.text.sentences.indices {
      let matches = context.matches(inSentence: index, detector: descriptor.id)
      let own = matches.filter { points.own[$0.cue] }
      guard !own.isEmpty else { continue }
      for match in own {
        result.signalsFound.insert(match.signal)
        let range = context.range(ofTokens: match.tokens)
        result.evidence.append(range)
        let word = context.text.string(range).lowercased()
        if seenWords.insert(word).inserted { result.words.append(word) }
      }
      let named = points.named(by: matches)
      let passing = Double(context.features[index].words) < minWords * Double(max(1, named))
      result.support += min(1, weight(of: own)) * (passing ? 0.5 : 1)
      result.mentions += 1
    }
    result.evidence = merged(result.evidence)
    return result
  }

  /// The weight of a sentence's matches of one point: overlapping matches ("speed versus accuracy" is the
  /// named tradeoff, a speed cue and an accuracy cue) are one place worth their best cue; places add up,
  /// each cue counting once.
  static func weight(of matches: [CueMatch]) -> Double {
    var total = 0.0
    var counted: Set<Int> = []
    var index = 0
    let sorted = matches.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    while index < sorted.count {
      var end = sorted[index].tokens.upperBound
      var best = sorted[index]
      var next = index + 1
      while next < sorted.count, sorted[next].tokens.lowerBound < end {
        end = max(end, sorted[next].tokens.upperBound)
        if sorted[next].weight > best.weight { best = sorted[next] }
        next += 1
      }
      if counted.insert(best.cue).inserted { total += best.weight }
      index = next
    }
    return total
  }

  /// Ranges sorted, with overlapping ones joined.
  static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for range in ranges.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
      if let last = out.last, range.lowerBound < last.upperBound {
        out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        out.append(range)
      }
    }
    return out
  }
}
