import AnswerEvalText

/// Everything detectors share about one answer, computed once and only when first asked for: cue matches,
/// per-sentence features, STAR sections, quantities, and the findings of the rubric's criteria.
public final class AnswerContext {
  public let text: AnalyzedText
  public let rubric: CompiledRubric

  /// The grader's cache of the terms of words seen before (nil: none).
  private let termCache: TermCache?
  /// The grader's cache of the gibberish detector's verdicts on words seen before (nil: none).
  let letterVerdicts: LetterVerdictCache?

  public convenience init(text: AnalyzedText, rubric: CompiledRubric) {
    self.init(text: text, rubric: rubric, termCache: nil, letterVerdicts: nil)
  }

  init(text: AnalyzedText, rubric: CompiledRubric, termCache: TermCache?, letterVerdicts: LetterVerdictCache?) {
    self.text = text
    self.rubric = rubric
    self.termCache = termCache
    self.letterVerdicts = letterVerdicts
    findings = [Finding?](repeating: nil, count: rubric.rubric.criteria.count)
    evaluating = [Bool](repeating: false, count: rubric.rubric.criteria.count)
  }

  /// Runs the cue matcher now, rather than when a detector first asks for matches (the grader does, to time
  /// matching apart from detection).
  public func matchCues() { _ = byDetector }

  /// The matches in the whole answer whose cue belongs to a pack for `detector`, in text order.
  public func matches(detector: String) -> ArraySlice<CueMatch> {
    guard let group = group(of: detector) else { return [] }
    let (ordered, starts) = byDetector
    let sentenceCount = text.sentences.count
    return ordered[starts[group * sentenceCount]..<starts[(group + 1) * sentenceCount]]
  }

  /// The matches in sentence `index` whose cue belongs to a pack for `detector`.
  public func matches(inSentence index: Int, detector: String) -> ArraySlice<CueMatch> {
    guard let group = group(of: detector) else { return [] }
    let (ordered, starts) = byDetector
    let list = group * text.sentences.count + index
    return ordered[starts[list]..<starts[list + 1]]
  }

  /// The last detector asked about and its group in ``CompiledRubric/packDetectors``: a detector asks for
  /// its matches sentence by sentence, with the same string each time, which compares equal at once (where
  /// every other detector's name in the list took a comparison of characters).
  private var lastGroup: (detector: String, group: Int?) = ("", nil)

  private func group(of detector: String) -> Int? {
    if detector == lastGroup.detector { return lastGroup.group }
    lastGroup = (detector, rubric.packDetectors.firstIndex(of: detector))
    return lastGroup.group
  }

  /// Detectors ask for the same selections many times (every sentence, every criterion): the matches are
  /// grouped once by the detector of their pack (``CompiledRubric/packDetectors``), then by sentence, in
  /// one array: the matches of group g in sentence s are `ordered[starts[g * n + s]..<starts[g * n + s + 1]]`
  /// for n sentences, in match order, and those of group g in the whole answer are contiguous too.
  ///
  /// The matcher writes its matches grouped by detector, each group in match order, which is sentence order
  /// too: grouping them by sentence as well takes only counting them. (The matches are held once: a large
  /// answer has about one match per word, and a second copy was the largest single cost of grading it.)
  private lazy var byDetector: (ordered: [CueMatch], starts: [Int]) = {
    let matches = rubric.matcher.matches(
      in: text, cache: termCache, groups: rubric.cueDetectorIndex, groupCount: rubric.packDetectors.count)
    let sentenceCount = text.sentences.count, lists = rubric.packDetectors.count * sentenceCount
    var starts = [Int](repeating: 0, count: lists + 1)
    // The list of each match is read field by field: a copy of a whole match retains and releases its signal.
    matches.withUnsafeBufferPointer { matches in
      starts.withUnsafeMutableBufferPointer { starts in
        rubric.cueDetectorIndex.withUnsafeBufferPointer { cueDetectorIndex in
          for k in matches.indices {
            starts[cueDetectorIndex[matches[k].cue] * sentenceCount + matches[k].sentence + 1] += 1
          }
        }
        for i in 0..<lists { starts[i + 1] += starts[i] }
      }
    }
    return (matches, starts)
  }()

  /// Per-sentence grammar features (person, tense, mood).
  public private(set) lazy var features: [SentenceFeatures] = SentenceFeatures.compute(self)

  /// The STAR segmentation.
  public private(set) lazy var star: StarSegmentation = StarSegmenter.segment(self)

  /// The answer's quantities, typed, each marked impact or incidental (empty when the rubric has no
  /// `quantities` pack). See ``Quantity``.
  public private(set) lazy var quantities: [Quantity] = QuantityImpact.classify(self)

  /// By criterion index: its finding once evaluated, and whether it is being evaluated.
  private var findings: [Finding?]
  private var evaluating: [Bool]

  /// The finding of criterion `criterionID` of the rubric, evaluated by its detector the first time it is
  /// asked for and cached, so a detector can build on another criterion's finding whatever their order
  /// in the rubric, and nothing is evaluated twice. Nil when the rubric has no such criterion.
  ///
  /// ```swift
  /// context.finding(of: "star.result")?.outcome   // .present
  /// ```
  public func finding(of criterionID: String) -> Finding? {
    guard let index = rubric.rubric.criteria.firstIndex(where: { $0.id == criterionID }) else { return nil }
    return finding(at: index)
  }

  /// ``finding(of:)`` for the criterion at `index` in the rubric.
  func finding(at index: Int) -> Finding {
    if let finding = findings[index] { return finding }
    precondition(
      !evaluating[index],
      "criterion `\(rubric.rubric.criteria[index].id)` depends on itself: RubricLoader lets criteria refer only to quality criteria"
    )
    evaluating[index] = true
    defer { evaluating[index] = false }
    // The criterion read in place, not copied out of the array (see `Scorer.report(for:findings:)`).
    let finding = rubric.rubric.criteria.withUnsafeBufferPointer { criteria in
      rubric.detectors[index].evaluate(criteria[index], in: self)
    }
    findings[index] = finding
    return finding
  }

  /// The UTF-16 range of the tokens `range` of the text.
  public func range(ofTokens range: Range<Int>) -> Range<Int> {
    text.tokens[range.lowerBound].range.lowerBound..<text.tokens[range.upperBound - 1].range.upperBound
  }
}
