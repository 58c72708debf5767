import AnswerEvalText

/// Everything detectors share about one answer, computed once and only when first asked for: cue matches,
/// per-sentence features, STAR sections, quantities, and the findings of the rubric's criteria.
public final class AnswerContext {
  public let text: AnalyzedText
  public let rubric: CompiledRubric

  public init(text: AnalyzedText, rubric: CompiledRubric) {
    self.text = text
    self.rubric = rubric
  }

  /// All cue matches of all the rubric's packs.
  public private(set) lazy var matches: [CueMatch] = rubric.matcher.matches(in: text)

  /// Cue matches per sentence.
  public private(set) lazy var matchesBySentence: [[CueMatch]] = {
    var result = [[CueMatch]](repeating: [], count: text.sentences.count)
    for match in matches { result[match.sentence].append(match) }
    return result
  }()

  /// The matches in the whole answer whose cue belongs to a pack for `detector`, in text order.
  public func matches(detector: String) -> [CueMatch] {
    guard let index = rubric.packDetectors.firstIndex(of: detector) else { return [] }
    return byDetector.whole[index]
  }

  /// The matches in sentence `index` whose cue belongs to a pack for `detector`.
  public func matches(inSentence index: Int, detector: String) -> [CueMatch] {
    guard let group = rubric.packDetectors.firstIndex(of: detector) else { return [] }
    return byDetector.sentences[group][index]
  }

  /// Detectors ask for the same selections many times (every sentence, every criterion): the matches are
  /// grouped once by the detector of their pack (``CompiledRubric/packDetectors``), for the whole answer and
  /// per sentence.
  private lazy var byDetector: (whole: [[CueMatch]], sentences: [[[CueMatch]]]) = {
    let groups = rubric.packDetectors.count, sentenceCount = text.sentences.count
    // Counted first, so that every list is allocated once at its size.
    var counts = [Int](repeating: 0, count: groups * (sentenceCount + 1))
    for match in matches {
      let group = rubric.cueDetectorIndex[match.cue]
      counts[group * (sentenceCount + 1)] += 1
      counts[group * (sentenceCount + 1) + 1 + match.sentence] += 1
    }
    func list(_ count: Int) -> [CueMatch] {
      var list: [CueMatch] = []
      list.reserveCapacity(count)
      return list
    }
    var whole = (0..<groups).map { list(counts[$0 * (sentenceCount + 1)]) }
    var sentences = (0..<groups).map { group in
      (0..<sentenceCount).map { list(counts[group * (sentenceCount + 1) + 1 + $0]) }
    }
    for match in matches {
      let group = rubric.cueDetectorIndex[match.cue]
      whole[group].append(match)
      sentences[group][match.sentence].append(match)
    }
    return (whole, sentences)
  }()

  /// Per-sentence grammar features (person, tense, mood).
  public private(set) lazy var features: [SentenceFeatures] = SentenceFeatures.compute(self)

  /// The STAR segmentation.
  public private(set) lazy var star: StarSegmentation = StarSegmenter.segment(self)

  /// The answer's quantities, typed, each marked impact or incidental (empty when the rubric has no
  /// `quantities` pack). See ``Quantity``.
  public private(set) lazy var quantities: [Quantity] = QuantityImpact.classify(self)

  private var findings: [String: Finding] = [:]
  private var evaluating: Set<String> = []

  /// The finding of criterion `criterionID` of the rubric, evaluated by its detector the first time it is
  /// asked for and cached, so a detector can build on another criterion's finding whatever their order
  /// in the rubric, and nothing is evaluated twice. Nil when the rubric has no such criterion.
  ///
  /// ```swift
  /// context.finding(of: "star.result")?.outcome   // .present
  /// ```
  public func finding(of criterionID: String) -> Finding? {
    if let finding = findings[criterionID] { return finding }
    guard let index = rubric.rubric.criteria.firstIndex(where: { $0.id == criterionID }) else { return nil }
    precondition(
      evaluating.insert(criterionID).inserted,
      "criterion `\(criterionID)` depends on itself: RubricLoader lets criteria refer only to quality criteria")
    defer { evaluating.remove(criterionID) }
    let finding = rubric.detectors[index].evaluate(rubric.rubric.criteria[index], in: self)
    findings[criterionID] = finding
    return finding
  }

  /// The UTF-16 range of the tokens `range` of the text.
  public func range(ofTokens range: Range<Int>) -> Range<Int> {
    text.tokens[range.lowerBound].range.lowerBound..<text.tokens[range.upperBound - 1].range.upperBound
  }
}
