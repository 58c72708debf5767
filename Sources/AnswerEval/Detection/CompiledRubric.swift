/// A rubric ready to grade: its cue packs compiled into one ``CueMatcher`` and a detector per criterion.
/// Build it once and share it (it is immutable); graders on several threads can use the same one.
public struct CompiledRubric: Sendable {
  public let rubric: Rubric
  public let matcher: CueMatcher
  let detectors: [any Detector]
  private let cueDetectors: [String]
  /// The distinct `detector:` values of the packs, and for each cue the index of its pack's one.
  let packDetectors: [String]
  let cueDetectorIndex: [Int]
  /// What each cue of a `quantities` pack stands for, for the quantity extractor.
  let quantityLexicon: QuantityLexicon
  /// How the detectors' feedback lists parts and quotes the answer, in the rubric's language (from the
  /// `wording:` of its `grammar` pack).
  public let punctuation: FeedbackPunctuation

  public init(_ rubric: Rubric) {
    self.init(rubric, matcher: CueMatcher(packs: rubric.packs))
  }

  /// A rubric with its matcher already built and its number words already read (by ``RubricCache``).
  init(_ rubric: Rubric, matcher: CueMatcher, numberWords: [String: Double?] = [:]) {
    self.rubric = rubric
    self.matcher = matcher
    detectors = rubric.criteria.map {
      DetectorRegistry.make($0.detector).prepared(for: $0, in: rubric, matcher: matcher)
    }
    let detectorOfPack = Dictionary(rubric.packs.map { ($0.id, $0.detector) }, uniquingKeysWith: { a, _ in a })
    cueDetectors = matcher.cues.map { detectorOfPack[$0.pack] ?? "" }
    var packDetectors: [String] = []
    cueDetectorIndex = cueDetectors.map { detector in
      if let index = packDetectors.firstIndex(of: detector) { return index }
      packDetectors.append(detector)
      return packDetectors.count - 1
    }
    self.packDetectors = packDetectors
    quantityLexicon = QuantityLexicon(matcher: matcher, cueDetectors: cueDetectors, numberWords: numberWords)
    punctuation = FeedbackPunctuation(wording: rubric.wording(in: FeedbackPunctuation.pack))
  }

  /// The `detector:` of the pack a cue comes from.
  public func packDetector(ofCue cue: Int) -> String { cueDetectors[cue] }
}
