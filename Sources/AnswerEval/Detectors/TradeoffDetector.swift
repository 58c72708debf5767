import AnswerEvalText

/// Finds a tradeoff the speaker articulates: a choice they made, or commit to in a design answer, between
/// named alternatives or competing objectives, together with what it cost them.
///
/// Detected when a sentence commits to a choice (`decision` cues: "I went with", "we decided", "I'd use",
/// "my call was to", "rather than rewrite it, I patched") and a cost is named within ``reach`` sentences of
/// it: a `cost` on either side ("at the expense of", "the downside was", "what I give up"), a `consequence`
/// in or after the decision ("that meant giving up", "we lost strict ordering"; a loss told before the
/// choice is what led to it, not its price), or a `concession` in the decision sentence itself ("although
/// it added 300 KB"). Owning a downside ("we accepted that", "I'd accept the latency") is a choice and its
/// cost at once (`accept` cues). The decision sentence must not be a definition, generic advice or a
/// habit, and outside a story a present-tense "we" is the generic "we" of an explanation; so explaining a
/// tradeoff in general ("you choose per operation", "the bias–variance tradeoff describes…") is not
/// articulation, and a choice with reasons but no cost is only partial (not detected).
///
/// The score weighs the parts found around the best decision (see ``Part``): the choice, what it was
/// weighed against, the options considered, the reasoning, the cost, and how the downside was watched or
/// limited. The outcome is present with all six, partial when some are missing (the feedback lists which).
/// Evidence is the decision sentence and the cost sentence.
///
/// The feedback's `{found}` names the parts found and `{missing}` asks for the others, in the words of the
/// `wording:` of the rubric's last `tradeoff` pack that has one (the keys are in ``descriptor``:
/// `found.<part>` and `missing.<part>`), so a pack for another language says them in that language. A part
/// whose text the pack does not give is left out of the list.
///
/// ```
/// "I picked AG Grid over TanStack Table, although it added 300 KB, because shipping fast mattered more."
/// → detected, partial, score 0.8: the choice, what it was weighed against, why and the cost;
///   missing: the other options considered and how the downside was limited
/// ```
public struct TradeoffDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "tradeoff",
    kind: .quality,
    summary: "A choice the speaker made or commits to, with what it cost: the sides, reasons and downside accepted.",
    rationale: """
      Interviewers ask about tradeoffs to hear judgement: which option the speaker chose, what they weighed \
      it against, why, what they knowingly gave up and how they kept that cost in check. A choice with only \
      its benefits is a justification, and explaining a tradeoff concept in general says nothing about the \
      speaker's own judgement.
      """,
    packs: ["tradeoff", "grammar"],
    parameters: [],
    examples: [
      .init(
        "I picked AG Grid over building on TanStack Table, although it added about 300 KB to the bundle. "
          + "The tool only ran on office desktops, so bundle size mattered much less than shipping it.",
        detected: true, criterion: "tradeoff"),
      .init(
        "I'd use a token bucket per API key, with the state in Redis rather than in each server's memory. "
          + "The cost is an extra network round trip on every request. I'd accept the latency, and if Redis "
          + "is unreachable the limiter fails open and alerts.",
        detected: true, criterion: "tradeoff"),
      .init(
        "We had to choose between logistic regression and XGBoost. We tried both and went with XGBoost "
          + "because it performed better.",
        detected: false, criterion: "tradeoff"),
      .init(
        "The bias-variance tradeoff describes two ways a model can be wrong. Making a model more flexible "
          + "lowers bias at the cost of higher variance, so what you give up is stability.",
        detected: false, criterion: "tradeoff"),
      .init(
        "Teams should always pick boring technology, even though it is less exciting.",
        detected: false, criterion: "tradeoff"),
    ],
    wording: Part.wording(pack: "tradeoff"))

  /// The parts of an articulated tradeoff, in the order they are reported.
  /// The raw value is the part's name in the `wording:` keys.
  enum Part: String, FeedbackPart {
    case decision, sides, alternatives, rationale, cost, mitigation

    /// Its share of the score, in hundredths (the shares add up to 100).
    var percent: Int {
      switch self {
      case .decision: 25
      case .sides: 15
      case .alternatives: 10
      case .rationale: 15
      case .cost: 25
      case .mitigation: 10
      }
    }

    /// Bit `allCases.firstIndex(of: self)`, in ``Candidate/partBits``.
    var bit: UInt8 {
      switch self {
      case .decision: 1 << 0
      case .sides: 1 << 1
      case .alternatives: 1 << 2
      case .rationale: 1 << 3
      case .cost: 1 << 4
      case .mitigation: 1 << 5
      }
    }

    /// What the part is, for the descriptor's wording summaries.
    var summary: String {
      switch self {
      case .decision: "the choice"
      case .sides: "what the choice was weighed against"
      case .alternatives: "the options considered"
      case .rationale: "the reasoning"
      case .cost: "the cost"
      case .mitigation: "how the downside was watched or limited"
      }
    }
  }

  /// How many sentences a cost may stand from its decision.
  static let reach = 3
  /// How many sentences around the decision and cost are searched for the other parts.
  static let surroundings = 3

  public init() {}

  /// One candidate tradeoff: a decision sentence, its nearest cost sentence, and the parts around them.
  struct Candidate {
    var decision: Int
    var cost: Int?
    /// The parts found, a bit each (``Part/bit``): every candidate is weighed, only the best one reported.
    var partBits: UInt8
    /// The decision sentence states the choice itself rather than the acceptance of a downside.
    var statesChoice: Bool

    var parts: Set<Part> { Set(Part.allCases.filter { partBits & $0.bit != 0 }) }

    /// The shares of the parts found, added as whole hundredths: the same number whatever order the parts
    /// are taken in (0.25 + 0.1 + 0.1 is 0.44999999999999996 as doubles, 0.1 + 0.1 + 0.25 is 0.45).
    var score: Double { Double(Part.allCases.reduce(0) { partBits & $1.bit != 0 ? $0 + $1.percent : $0 }) / 100 }
  }

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    guard let best = Self.candidates(in: context).max(by: Self.isWorse) else {
      return Finding(detected: false, score: 0, outcome: .missing)
    }
    let text = context.text
    let detected = best.cost != nil
    let sentences = Set([best.decision] + (best.cost.map { [$0] } ?? [])).sorted()
    let complete = best.parts.count == Part.allCases.count
    return Finding(
      detected: detected, score: best.score, outcome: detected && complete ? .present : .partial,
      evidence: sentences.map { text.sentences[$0].range },
      values: Part.values(
        found: best.parts, wording: context.rubric.rubric.wording(in: Self.descriptor.id),
        punctuation: context.rubric.punctuation))
  }

  /// A detected candidate beats one that is not; then the higher score wins, then one that states the
  /// choice ("I'd use a token bucket") over one that only accepts its downside ("I'd accept the latency"),
  /// then the one whose cost is closer, then the earlier one.
  static func isWorse(_ a: Candidate, _ b: Candidate) -> Bool {
    func key(_ c: Candidate) -> (Int, Double, Int, Int, Int) {
      (c.cost != nil ? 1 : 0, c.score, c.statesChoice ? 1 : 0, -abs((c.cost ?? c.decision) - c.decision), -c.decision)
    }
    return key(a) < key(b)
  }

  /// The signals of the `tradeoff` pack that ``candidates(in:)`` reads, a bit each: a sentence's signals are
  /// a few bits, not a set of strings to hash.
  struct Signals: OptionSet {
    let rawValue: UInt16
    static let decision = Signals(rawValue: 1 << 0)
    static let accept = Signals(rawValue: 1 << 1)
    static let weAccept = Signals(rawValue: 1 << 2)
    static let cost = Signals(rawValue: 1 << 3)
    static let costOfThat = Signals(rawValue: 1 << 4)
    static let consequence = Signals(rawValue: 1 << 5)
    static let concession = Signals(rawValue: 1 << 6)
    static let contrast = Signals(rawValue: 1 << 7)
    static let alternative = Signals(rawValue: 1 << 8)
    static let rationale = Signals(rawValue: 1 << 9)
    static let mitigation = Signals(rawValue: 1 << 10)

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The bit of a cue's `signal`; none for a signal not read here.
    init(_ signal: String) {
      switch signal {
      case "decision": self = .decision
      case "accept": self = .accept
      case "we-accept": self = .weAccept
      case "cost": self = .cost
      case "cost-of-that": self = .costOfThat
      case "consequence": self = .consequence
      case "concession": self = .concession
      case "contrast": self = .contrast
      case "alternative": self = .alternative
      case "rationale": self = .rationale
      case "mitigation": self = .mitigation
      default: self = []
      }
    }
  }

  /// Every sentence that commits to a choice, paired with the nearest cost within ``reach``.
  static func candidates(in context: AnswerContext) -> [Candidate] {
    let n = context.text.sentences.count
    var signals = (0..<n).map { index in
      context.matches(inSentence: index, detector: "tradeoff").reduce(into: Signals()) { $0.insert(Signals($1.signal)) }
    }
    let features = context.features
    // Sections marked with labels ("Decision:", "Situation:") are the speaker's own account too.
    let ownAccount = context.star.isStory || context.star.explicit
    var result: [Candidate] = []
    // A present-tense "we" owning a downside is the team's only in the speaker's own account.
    if ownAccount {
      for i in signals.indices where signals[i].contains(.weAccept) { signals[i].insert(.accept) }
    }
    // A cost pinned on what was just done ("It was not free: …") is a cost, and the action the speaker
    // narrated right before it ("I merged the two jobs.") was a choice.
    for c in signals.indices where signals[c].contains(.costOfThat) {
      signals[c].insert(.cost)
      if c > 0, features[c - 1].narrates, features[c - 1].firstPerson > 0 { signals[c - 1].insert(.decision) }
    }
    for d in 0..<n where !signals[d].isDisjoint(with: [.decision, .accept]) {
      let f = features[d]
      guard !f.definition, !f.advice, !f.habitual else { continue }
      // Outside a story, a present-tense "we" is the generic "we" of an explanation ("we trade latency for
      // throughput"); a choice there is the speaker's ("I'd use", "I'm choosing") or a past one.
      guard ownAccount || f.firstSingular > 0 || f.past > 0 || f.hypothetical else { continue }
      // Nearest cost first; on a tie the one after the decision ("I chose X. The cost was Y.").
      let order = [0] + (1...reach).flatMap { [$0, -$0] }
      let cost = order.map { d + $0 }.first { c in
        guard c >= 0, c < n, !features[c].definition else { return false }
        if signals[c].contains(.cost) || signals[c].contains(.accept) { return true }
        if c >= d && signals[c].contains(.consequence) { return true }
        return c == d && signals[c].contains(.concession)
      }
      let low = max(0, min(d, cost ?? d) - surroundings)
      let high = min(n - 1, max(d, cost ?? d) + surroundings)
      let around = signals[low...high].reduce(into: Signals()) { $0.formUnion($1) }
      var parts = Part.decision.bit
      if cost != nil { parts |= Part.cost.bit }
      if around.contains(.contrast) { parts |= Part.sides.bit }
      if around.contains(.alternative) { parts |= Part.alternatives.bit }
      if around.contains(.rationale) { parts |= Part.rationale.bit }
      if around.contains(.mitigation) { parts |= Part.mitigation.bit }
      result.append(
        Candidate(decision: d, cost: cost, partBits: parts, statesChoice: !signals[d].contains(.accept)))
    }
    return result
  }
}
