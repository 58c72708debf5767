import AnswerEvalText
import Foundation

/// The STAR sections of an answer.
public struct StarSegmentation: Sendable {
  public typealias Label = Report.Section.Label

  public struct Section: Sendable, Equatable {
    public var label: Label
    /// Sentence indices.
    public var sentences: Range<Int>
    /// UTF-16 range in the original text, from the label's markup (or the first sentence) to the end of
    /// the last sentence.
    public var range: Range<Int>
    public var confidence: Double
    /// Marked by an explicit label ("Situation:", "**Task**", "## Result", "(A)").
    public var labelled: Bool
    /// Where the section's own words start: after its label and the label's `:`/`-`/`)`, else the start.
    public var contentStart: Int
  }

  /// In text order.
  public var sections: [Section]
  /// True when the answer marks its sections with labels.
  public var explicit: Bool
  /// True when the answer recounts a specific past story at all.
  public var isStory: Bool

  public func section(_ label: Label) -> Section? { sections.first { $0.label == label } }
}

/// Finds the STAR sections of an answer.
///
/// 1. **Explicit labels** in any common form ("Situation:", "**Task**", "S:", "(A)", "S - Situation:",
///    "## Result", "Outcome:", "What I did:", "Lessons learned:") are taken as given when the answer has
///    at least two of them: each section runs from its label to the next.
/// 2. **Unlabelled prose** is segmented by scoring every sentence for each section — cue phrases from the
///    `star` pack, person and tense from the `grammar` pack, position in the answer, quantities — and
///    decoding the best sequence under two constraints: every section is one contiguous run of
///    sentences and appears at most once. Situation → Task → Action → Result → Reflection is preferred;
///    other orders (result first) pay a penalty per step back; any section may be skipped.
/// 3. **No story, no sections.** An answer needs narrating sentences (past tense, not habitual,
///    hypothetical, advice or definition) to have sections at all, so a definition, generic advice, a
///    process description or keyword stuffing gets none.
public enum StarSegmenter {
  typealias Label = StarSegmentation.Label
  static let order: [Label] = [.situation, .task, .action, .result, .reflection]

  public static func segment(_ context: AnswerContext) -> StarSegmentation {
    let text = context.text
    let n = text.sentences.count
    let features = context.features
    let narrating = features.filter(\.narrates).count
    // Habitual, hypothetical, advice and definition sentences speak against a story.
    let otherMood = features.filter { !$0.narrates && ($0.habitual || $0.hypothetical || $0.advice || $0.definition) }
      .count
    let storyWeight = Double(narrating) - 0.5 * Double(otherMood)
    let labels = (0..<n).map { explicitLabel(in: $0, context: context) }
    let labelCount = Set(labels.compactMap { $0?.label }).count

    // Sentences that are only a label ("**Situation**", "## Result") carry no story themselves.
    let contentNarrating = (0..<n).filter { labels[$0]?.bare != true && features[$0].narrates }.count
    // A one- or two-line answer with a single narrating sentence is a story when it also carries a number
    // ("Added a Redis cache in front of the catalog. p95: 900ms → 90ms.").
    let isStory =
      storyWeight >= 1.5 || (narrating == 1 && otherMood == 0 && n <= 3 && features.contains { $0.numbers > 0 })
    guard isStory, contentNarrating > 0 else {
      return StarSegmentation(sections: [], explicit: labelCount >= 2, isStory: false)
    }
    if labelCount >= 2 {
      return StarSegmentation(sections: explicitSections(labels, context: context), explicit: true, isStory: true)
    }
    return StarSegmentation(sections: decode(context, labels: labels), explicit: false, isStory: true)
  }

  // MARK: Explicit labels

  struct ExplicitLabel {
    var label: Label
    /// The sentence is nothing but the label.
    var bare: Bool
    /// The first token after the label and its separator.
    var contentToken: Int
  }

  /// A `label.*` cue at the very start of the sentence, followed by `:`, `-`, `—`, `)` or nothing.
  static func explicitLabel(in index: Int, context: AnswerContext) -> ExplicitLabel? {
    let text = context.text
    let sentence = text.sentences[index]
    guard !sentence.tokens.isEmpty else { return nil }
    var first = sentence.tokens.lowerBound
    while first < sentence.tokens.upperBound, text.normalized(first, is: "(") { first += 1 }
    let heading = text.structure.blocks[sentence.block].kind == .heading
    var best: (label: Label, end: Int)?
    // Where a match starts is asked first: it is a comparison of numbers, and few matches start there.
    for match in context.matches(inSentence: index, detector: "star")
    where match.tokens.lowerBound == first && match.signal.hasPrefix("label.") {
      guard let label = Label(rawValue: String(match.signal.dropFirst(6))) else { continue }
      let end = match.tokens.upperBound
      let separated =
        end == sentence.tokens.upperBound || heading
        || [":", "-", ")", "."].contains { text.normalized(end, is: $0) }
      if separated, best == nil || end > best!.end { best = (label, end) }
    }
    guard let best else { return nil }
    var content = best.end
    while content < sentence.tokens.upperBound, !text.tokens[content].kind.isWordLike { content += 1 }
    return ExplicitLabel(label: best.label, bare: content == sentence.tokens.upperBound, contentToken: content)
  }

  /// Sections from explicit labels: each runs from its label to the next different label. A label that
  /// repeats one already used ("What I did:" inside "Action:") continues the open section. Prose before the
  /// first label is segmented like an unlabelled answer, with the labelled sections' labels excluded.
  static func explicitSections(_ labels: [ExplicitLabel?], context: AnswerContext) -> [StarSegmentation.Section] {
    var sections: [StarSegmentation.Section] = []
    var used: Set<Label> = []
    var current: (label: Label, start: Int)?
    func close(_ end: Int) {
      guard let c = current, end > c.start else { return }
      // A label with no content after it is no section.
      if (c.start..<end).contains(where: { labels[$0]?.bare != true }) {
        sections.append(section(c.label, c.start..<end, confidence: 1, labelled: true, context: context))
      }
    }
    for (index, label) in labels.enumerated() {
      guard let label, !used.contains(label.label) else { continue }
      close(index)
      current = (label.label, index)
      used.insert(label.label)
    }
    close(labels.count)
    if let firstLabel = labels.firstIndex(where: { $0 != nil }), firstLabel > 0 {
      let before = decode(context, labels: labels, sentences: 0..<firstLabel, excluding: used)
      sections.insert(contentsOf: before, at: 0)
    }
    return sections
  }

  // MARK: Unlabelled prose

  /// The label whose name is `signal`, if any: compared with each name in turn, which for a cue's short
  /// signal (an inline string, as the names are) is a comparison of two words, where `init(rawValue:)`
  /// searched the names' table for every match.
  static func label(named signal: String) -> Label? {
    Label.allCases.first { $0.rawValue == signal }
  }

  /// Emission scores per sentence and state (0 = no section, 1… = ``order``).
  static func emissions(_ context: AnswerContext, labels: [ExplicitLabel?]) -> [[Double]] {
    let text = context.text
    let n = text.sentences.count
    let features = context.features
    return (0..<n).map { i in
      let f = features[i]
      let position = n == 1 ? 0.5 : Double(i) / Double(n - 1)
      // Cue weight per label, in `order`.
      var cue = (0.0, 0.0, 0.0, 0.0, 0.0)
      var anyCue = false
      var intro = 0.0
      for match in context.matches(inSentence: i, detector: "star") {
        if let label = Self.label(named: match.signal) {
          anyCue = true
          switch label {
          case .situation: cue.0 += match.weight
          case .task: cue.1 += match.weight
          case .action: cue.2 += match.weight
          case .result: cue.3 += match.weight
          case .reflection: cue.4 += match.weight
          }
        }
        if match.signal == "none" { intro += match.weight }
      }
      func c(_ label: Label) -> Double {
        switch label {
        case .situation: min(cue.0, 3)
        case .task: min(cue.1, 3)
        case .action: min(cue.2, 3)
        case .result: min(cue.3, 3)
        case .reflection: min(cue.4, 3)
        }
      }
      let story = (f.past > 0 ? 1.0 : 0) + (f.firstPerson > 0 ? 0.5 : 0)
      let offStory = (f.advice ? 1.5 : 0) + (f.definition ? 1.5 : 0) + (f.hypothetical && f.past == 0 ? 1.0 : 0)
      // A sentence with no cue, no person, no tense and no number belongs to no section.
      let silent = !anyCue && story == 0 && f.numbers == 0 ? 0.8 : 0
      var s = [Double](repeating: 0, count: 6)
      s[0] = 0.2 + intro + offStory + silent - 0.6 * story
      s[1] = 1.5 * c(.situation) + (position <= 0.35 ? 0.5 : -0.3) + 0.2 * story
      s[2] = 1.5 * c(.task) + (position <= 0.6 ? 0.2 : -0.1) + 0.1 * story
      s[3] =
        1.2 * c(.action) + (f.firstPerson > 0 && f.past > 0 ? 0.8 : 0) + (f.past > 0 ? 0.3 : 0)
        + (position > 0.15 && position < 0.85 ? 0.2 : 0)
      s[4] = 1.5 * c(.result) + (f.numbers > 0 ? 0.5 : 0) + (position >= 0.6 ? 0.5 : -0.2) + 0.2 * story
      s[5] = c(.reflection) > 0 ? 1.8 * c(.reflection) + (position >= 0.7 ? 0.4 : 0) : -3
      if let label = labels[i], let k = order.firstIndex(of: label.label) { s[k + 1] += 4 }
      return s
    }
  }

  /// The best labelling with contiguous, at-most-once sections: Viterbi over states (current label,
  /// last section label, set of labels used). A step back in S→T→A→R→L order from the previous section
  /// costs ``backStep``.
  static let backStep = 1.2

  static func decode(
    _ context: AnswerContext, labels: [ExplicitLabel?], sentences: Range<Int>? = nil, excluding: Set<Label> = []
  ) -> [StarSegmentation.Section] {
    let range = sentences ?? 0..<context.text.sentences.count
    let scores = Array(emissions(context, labels: labels)[range])
    let n = scores.count
    guard n > 0 else { return [] }
    let forbidden = excluding.reduce(0) { $0 | 1 << order.firstIndex(of: $1)! }
    let path = bestPath(scores, forbidden: forbidden)
    var sections: [StarSegmentation.Section] = []
    var i = 0
    while i < n {
      let label = path[i]
      var j = i
      while j < n, path[j] == label { j += 1 }
      if label > 0 {
        // Per sentence, the margin of its label over the best other one, summed in sentence order.
        var margins = 0.0
        for k in i..<j {
          var other: Double?
          for (offset, score) in scores[k].enumerated() where offset != label { other = max(other ?? score, score) }
          margins += 1 / (1 + exp(-(scores[k][label] - (other ?? 0))))
        }
        let confidence = (margins / Double(j - i) * 100).rounded() / 100
        sections.append(
          section(order[label - 1], i..<j, confidence: confidence, labelled: labels[i] != nil, context: context))
      }
      i = j
    }
    return sections
  }

  /// How many sentences' scores ``bestPath(_:forbidden:)`` keeps at once: longer answers keep one row in
  /// `pathBlock` and work the others out again on the way back.
  static let pathBlock = 64

  /// The label (0: none, 1…5: ``order``) of each sentence in the best labelling of emission rows `scores`
  /// (six per sentence, as ``emissions(_:labels:)`` makes them), with the labels in bit set `forbidden` (bit
  /// k: `order[k]`) never used. Of equally good labellings, the one a forward pass keeping only strictly
  /// better moves, in state order, would keep.
  ///
  /// A row holds, per state (compact numbering), the best score of a labelling of the sentences up to its
  /// own that ends in the state. The forward pass only takes maxima, without a branch on whether a move
  /// improves its target (a coin toss for the CPU); the back pointers are found on the way back, from the
  /// rows. Rows are kept a block of `pathBlock` sentences at a time, with the first row of every block: the
  /// way back works each earlier block out again from its first row (the same sums, so the same numbers),
  /// so memory stays small for a long answer, and a short one (one block) is worked out once.
  static func bestPath(_ scores: [[Double]], forbidden: Int) -> [Int] {
    precondition(!scores.isEmpty, "no sentence to label")
    let n = scores.count
    let viterbi = Viterbi.shared
    let stateCount = viterbi.raw.count
    let block = pathBlock
    // Block b covers the moves into sentences b * block + 1 ... (b + 1) * block: rows b * block ... in `rows`.
    let blocks = max(1, (n - 2) / block + 1)
    var rows = [Double](repeating: -.infinity, count: (min(block, n - 1) + 1) * stateCount)
    var firstRows = [Double](repeating: -.infinity, count: blocks * stateCount)
    for label in 0..<6 where label == 0 || forbidden & (1 << (label - 1)) == 0 {
      let raw = Viterbi.index(label, label, forbidden | (label == 0 ? 0 : 1 << (label - 1)))
      rows[Int(viterbi.compact[raw])] = scores[0][label]
    }
    /// The last sentence of block `b`.
    func end(_ b: Int) -> Int { min((b + 1) * block, n - 1) }
    /// Rows 1… of block `b` in `rows`, from its first.
    func fill(_ b: Int) {
      viterbi.into.withUnsafeBufferPointer { into in
        viterbi.intoStart.withUnsafeBufferPointer { intoStart in
          viterbi.label.withUnsafeBufferPointer { label in
            rows.withUnsafeMutableBufferPointer { rows in
              guard end(b) > b * block else { return }
              for j in 1...(end(b) - b * block) {
                let previous = UnsafeBufferPointer(rebasing: rows[(j - 1) * stateCount..<j * stateCount])
                let next = UnsafeMutableBufferPointer(rebasing: rows[j * stateCount..<(j + 1) * stateCount])
                scores[b * block + j].withUnsafeBufferPointer { row in
                  // Every move into a state is to the state's own label, so its emission is added once, to
                  // the best of the moves' sums (rounding is monotonic: the same as the best of the totals).
                  // The states' moves lie one after another in `into`: `m` runs through them all once.
                  var m = 0
                  for target in 0..<stateCount {
                    let stop = Int(intoStart[target + 1])
                    var best = -Double.infinity
                    while m < stop {
                      let value = previous[Int(into[m].source)] + into[m].cost
                      best = value > best ? value : best
                      m += 1
                    }
                    next[target] = best + row[Int(label[target])]
                  }
                }
              }
            }
          }
        }
      }
    }
    for b in 0..<blocks {
      if b > 0 {
        // The last row of the block before is the first of this one.
        let last = (end(b - 1) - (b - 1) * block) * stateCount
        for k in 0..<stateCount { rows[k] = rows[last + k] }
      }
      firstRows.replaceSubrange(b * stateCount..<(b + 1) * stateCount, with: rows[0..<stateCount])
      fill(b)
    }
    let last = (end(blocks - 1) - (blocks - 1) * block) * stateCount
    var state = 0
    for k in 1..<stateCount where rows[last + k] > rows[last + state] { state = k }
    var path = [Int](repeating: 0, count: n)
    for b in stride(from: blocks - 1, through: 0, by: -1) {
      if b < blocks - 1 {
        rows.replaceSubrange(0..<stateCount, with: firstRows[b * stateCount..<(b + 1) * stateCount])
        fill(b)
      }
      for i in stride(from: end(b), to: b * block, by: -1) {
        path[i] = viterbi.raw[state] / 192
        // The move into `state` that the forward pass kept: the first, in source order, whose score is its
        // best (the same sum of the same numbers, so equal exactly) — as keeping only strictly better moves
        // in that order would have.
        let j = i - b * block
        let value = rows[j * stateCount + state]
        let source = viterbi.into[Int(viterbi.intoStart[state])..<Int(viterbi.intoStart[state + 1])].first { move in
          let from = rows[(j - 1) * stateCount + Int(move.source)]
          return from > -.infinity && from + move.cost + scores[i][Int(move.to)] == value
        }
        state = Int(source!.source)
      }
    }
    path[0] = viterbi.raw[state] / 192
    return path
  }

  /// The decoder's states and moves, worked out once. A raw state is (label * 6 + last) * 32 + mask: the
  /// current label (0: no section), the last section label (0: none yet) and the set of labels used. Only
  /// the 192 states a labelling can reach are numbered (in raw order): a section's label is its last one
  /// and is used; outside a section the last label is used, or there is none yet.
  struct Viterbi {
    static let shared = Viterbi()

    static func index(_ label: Int, _ last: Int, _ mask: Int) -> Int { (label * 6 + last) * 32 + mask }

    /// Compact state → raw state, and raw → compact (-1: unreachable).
    let raw: [Int]
    let compact: [Int16]
    /// Each compact state's label (0: no section, 1…5: ``order``).
    let label: [Int8]
    /// The moves of compact state s, `moves[moveStart[s]..<moveStart[s + 1]]`, by next label `to`: the
    /// compact target state and the cost. A label used before has no move (a section appears once).
    let moves: [(to: Int8, target: Int16, cost: Double)]
    let moveStart: [Int32]
    /// The same moves by target, `into[intoStart[t]..<intoStart[t + 1]]` for compact state t, in source order.
    let into: [(source: Int16, to: Int8, cost: Double)]
    let intoStart: [Int32]

    init() {
      var raw: [Int] = []
      var compact = [Int16](repeating: -1, count: 6 * 6 * 32)
      for state in 0..<(6 * 6 * 32) {
        let label = state / 192, last = (state / 32) % 6, mask = state % 32
        let reachable =
          label > 0 ? last == label && mask & (1 << (label - 1)) != 0 : last == 0 || mask & (1 << (last - 1)) != 0
        if reachable {
          compact[state] = Int16(raw.count)
          raw.append(state)
        }
      }
      var target: [Int16] = [], cost: [Double] = []
      for state in raw {
        let label = state / 192, last = (state / 32) % 6, mask = state % 32
        for to in 0..<6 {
          var newMask = mask
          var newLast = last
          var c = 0.0
          if to != label && to != 0 {
            if mask & (1 << (to - 1)) != 0 {
              target.append(-1)
              cost.append(0)
              continue
            }
            newMask |= 1 << (to - 1)
            newLast = to
            if last != 0 && to < last { c -= StarSegmenter.backStep }
          }
          target.append(compact[Self.index(to, newLast, newMask)])
          cost.append(c)
        }
      }
      self.raw = raw
      self.compact = compact
      label = raw.map { Int8($0 / 192) }
      var moves: [(to: Int8, target: Int16, cost: Double)] = []
      var moveStart: [Int32] = [0]
      for state in raw.indices {
        for to in 0..<6 where target[state * 6 + to] >= 0 {
          moves.append((Int8(to), target[state * 6 + to], cost[state * 6 + to]))
        }
        moveStart.append(Int32(moves.count))
      }
      self.moves = moves
      self.moveStart = moveStart
      var into = [[(source: Int16, to: Int8, cost: Double)]](repeating: [], count: raw.count)
      for source in raw.indices {
        for move in moves[Int(moveStart[source])..<Int(moveStart[source + 1])] {
          into[Int(move.target)].append((Int16(source), move.to, move.cost))
        }
      }
      self.into = into.flatMap { $0 }
      self.intoStart = into.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
    }
  }

  // MARK: Spans

  /// A section over sentences `range`: from the start of the first sentence — or of its block's markup
  /// when it opens its block (`**Situation:**`, `## Result`; not a list bullet) — to the end of the last.
  static func section(
    _ label: Label, _ range: Range<Int>, confidence: Double, labelled: Bool, context: AnswerContext
  ) -> StarSegmentation.Section {
    let text = context.text
    let first = text.sentences[range.lowerBound]
    let last = text.sentences[range.upperBound - 1]
    var start = first.range.lowerBound
    let block = text.structure.blocks[first.block]
    let opensBlock = range.lowerBound == 0 || text.sentences[range.lowerBound - 1].block != first.block
    if opensBlock { start = min(start, block.contentStart) }
    var contentStart = first.range.lowerBound
    if labelled, let explicit = explicitLabel(in: range.lowerBound, context: context) {
      if !explicit.bare {
        contentStart = text.tokens[explicit.contentToken].range.lowerBound
      } else if range.count > 1 {
        contentStart = text.sentences[range.lowerBound + 1].range.lowerBound
      }
    }
    return StarSegmentation.Section(
      label: label, sentences: range, range: start..<last.range.upperBound, confidence: confidence, labelled: labelled,
      contentStart: contentStart)
  }
}
