import AnswerEvalText

/// Finds answers that do not address the question of a question-specific rubric (`pitfall.off-topic`).
///
/// Detected when both hold:
/// 1. the answer covers none of the rubric's key points (no `coverage` criterion is `present`; passing
///    mentions do not save it), and
/// 2. it shares little vocabulary with the question: fewer than `min_topic_share` (default 0.1) of its
///    content words are **on topic**.
///
/// Content words are word tokens of at least three letters that the `off-topic` packs do not list as
/// function words or fillers (signal `function`). A content word is on topic when it lies inside a match
/// of a `coverage` cue whose signal is one of the rubric's points, one of their aspects, or a
/// `topic_signals` signal (default `topic`: the domain words of the pack), or when its stem is a content
/// word of the `question` parameter. Counting whole cue matches, not every word of every phrase, keeps
/// the generic words of multi-word phrases ("moving *parts*", "manual *work*") from counting as topic.
///
/// Answers with fewer than `min_words` content words (default 4) are not judged: too short to tell, and
/// the length pitfalls speak to them. A rubric without coverage criteria has nothing to compare with and
/// never detects it. The feedback names what the answer talks about instead: its `top` (default 3) most
/// frequent content words that are not on topic (`{found}`; their first occurrences are the evidence);
/// `{value}` is the topic share in percent, `{count}` the number of content words.
///
/// On the labelled corpus and the mock responses, graded with each bundled question rubric, no answer to
/// the rubric's own question is flagged, and 15–16 of the 20 off-topic and gibberish answers are (the
/// rest are too short to judge or word salads of the topic's own vocabulary).
public struct OffTopicDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "off-topic",
    kind: .pitfall,
    summary: "The answer does not address the question: it covers none of the key points and shares little "
      + "vocabulary with the question.",
    rationale: """
      A fluent, well-built story about something else is still a miss: interviewers stop listening when the \
      answer drifts from the question. Requiring both no covered point and a low share of topic words keeps \
      a short on-topic answer that names its points only in passing from being flagged.
      """,
    packs: ["off-topic"],
    parameters: [
      .init("question", "the question's text; its content words join the topic vocabulary"),
      .init("min_topic_share", "below this share of topic words (0–1) an answer with no covered point is off-topic"),
      .init("min_words", "answers with fewer content words are not judged (default 4)"),
      .init("topic_signals", "coverage-pack signals whose words are domain vocabulary (default [topic])"),
      .init("top", "how many of the answer's own frequent words the feedback names (default 3)"),
    ],
    examples: [
      .init(
        "My sourdough starter took weeks to get right. I fed it flour and water twice a day and kept it warm "
          + "near the oven, and the loaves finally rose.",
        detected: true, criterion: "pitfall.off-topic", rubric: "drift-detection-design"),
      .init(
        "I would log the features and predictions, compare the feature distributions with the training data "
          + "using PSI, and alert the owner when the drift passes a back-tested threshold.",
        detected: false, criterion: "pitfall.off-topic", rubric: "drift-detection-design"),
    ])

  /// What the detector reads of the rubric, worked out once per rubric by
  /// ``prepared(for:in:matcher:)``; nil for a detector made with `init()`, which works it out for each
  /// answer instead (the function words alone are thousands of cues).
  private var topic: Topic?

  public init() {}

  public func prepared(for criterion: Criterion, in rubric: Rubric, matcher: CueMatcher) -> any Detector {
    var detector = self
    detector.topic = Topic(for: criterion, in: rubric, matcher: matcher)
    return detector
  }

  /// The rubric's points, its function words, the question's words and its topic cues.
  struct Topic: Sendable {
    /// The rubric's coverage criteria, by their index in it.
    let points: [Int]
    let function: Vocabulary
    let question: Vocabulary
    /// Whether each cue is a topic cue: its signal is a point's, one of their aspects or a `topic_signals`
    /// signal.
    let isTopicCue: [Bool]

    init(for criterion: Criterion, in rubric: Rubric, matcher: CueMatcher) {
      points = CoverageDetector.points(of: rubric)
      function = Vocabulary(
        rubric.packs(for: OffTopicDetector.descriptor.id).flatMap(\.cues).filter { $0.signal == "function" })
      question = Vocabulary(words: criterion.string("question") ?? "", excluding: function)
      let topicSignals = Set(
        points.flatMap { CoverageDetector.signals(of: rubric.criteria[$0]) }
          + (criterion.parameters["topic_signals"]?.strings ?? ["topic"]))
      isTopicCue = matcher.cues.map { topicSignals.contains($0.cue.signal) }
    }
  }

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let none = Finding(detected: false, score: 1, outcome: .missing)
    let topic = self.topic ?? Topic(for: criterion, in: context.rubric.rubric, matcher: context.rubric.matcher)
    guard !topic.points.isEmpty else { return none }
    let function = topic.function, question = topic.question

    // Tokens inside a match of a topic cue (a point's, an aspect's or a domain cue) are on topic.
    var topical = Set<Int>()
    for match in context.matches(detector: CoverageDetector.descriptor.id) where topic.isTopicCue[match.cue] {
      topical.formUnion(match.tokens)
    }
    // The answer's content words; the others grouped by stem: count, first token.
    var total = 0
    var onTopic = 0
    var others: [String: (count: Int, first: Int)] = [:]
    let text = context.text
    for index in text.tokens.indices where Vocabulary.isContent(index, in: text) {
      let word = text.normalized(index)
      guard !function.contains(word) else { continue }
      total += 1
      if topical.contains(index) {
        onTopic += 1
        continue
      }
      // The word's stem, found once: for the question's words and for grouping the others.
      let stem = Stemmer.stem(word)
      if question.contains(word, stem: stem) {
        onTopic += 1
      } else {
        others[stem, default: (0, index)].count += 1
      }
    }
    guard Double(total) >= criterion.number("min_words", default: 4) else { return none }
    let share = Double(onTopic) / Double(total)
    // The points' own findings (each worked out once per answer, for its criterion and for this one).
    let covered = topic.points.contains { context.finding(at: $0).outcome == .present }
    guard !covered, share < criterion.number("min_topic_share", default: 0.1) else { return none }

    // The most frequent; among equals the longer word (more telling), then the earlier.
    let top = others.sorted {
      let (a, b) = ($0.value, $1.value)
      let (la, lb) = (context.text.tokens[a.first].range.count, context.text.tokens[b.first].range.count)
      return (a.count, la, -a.first) > (b.count, lb, -b.first)
    }
    .prefix(Int(criterion.number("top", default: 3)))
    .map(\.value.first).sorted()
    let evidence = top.map { context.text.tokens[$0].range }
    let punctuation = context.rubric.punctuation
    return Finding(
      detected: true, score: 0, outcome: .present, evidence: evidence,
      values: [
        "found": punctuation.list(evidence.map { punctuation.quoted(context.text.string($0)) }),
        "value": "\(Int((share * 100).rounded()))", "count": "\(total)",
      ])
  }
}

extension OffTopicDetector {
  /// A set of words: the single-word `=exact` forms of cue phrases (the function words), or the content
  /// words of a text (the question), stemmed.
  struct Vocabulary: Sendable {
    var exact: Set<String> = []
    var stems: Set<String> = []

    /// The exact single words of `cues`' phrases.
    init(_ cues: [Cue]) {
      for cue in cues {
        for phrase in cue.phrases {
          for case .alternatives(let alternatives) in phrase.elements {
            for sequence in alternatives where sequence.count == 1 {
              if case .exact(let word) = sequence[0] { exact.insert(word) }
            }
          }
        }
      }
    }

    /// The content words of `text` (split at anything but letters and digits), stemmed.
    init(words text: String, excluding stop: Vocabulary) {
      for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
      where word.count >= 3 && !stop.contains(word) {
        stems.insert(Stemmer.stem(word))
      }
    }

    /// Whether `normalized` is one of the exact words, or its stem one of the stems (not worked out when
    /// there are none, as for the function words).
    func contains(_ normalized: String) -> Bool {
      exact.contains(normalized) || (!stems.isEmpty && stems.contains(Stemmer.stem(normalized)))
    }

    /// ``contains(_:)`` for a word whose stem is known.
    func contains(_ normalized: String, stem: String) -> Bool {
      exact.contains(normalized) || stems.contains(stem)
    }

    /// A word that can carry topic: a word token of at least three characters.
    static func isContent(_ index: Int, in text: AnalyzedText) -> Bool {
      text.tokens[index].kind == .word && text.normalizedCount(index) >= 3
    }
  }
}
