/// A rubric ready to grade: its cue packs compiled into one ``CueMatcher`` and a detector per criterion.
/// Build it once and share it (it is immutable); graders on several threads can use the same one.
public struct CompiledRubric: Sendable {
  public let rubric: Rubric
  public let matcher: CueMatcher
  let detectors: [any Detector]
  private let cueDetectors: [String]

  public init(_ rubric: Rubric) {
    self.rubric = rubric
    matcher = CueMatcher(packs: rubric.packs)
    detectors = rubric.criteria.map { DetectorRegistry.make($0.detector) }
    let detectorOfPack = Dictionary(rubric.packs.map { ($0.id, $0.detector) }, uniquingKeysWith: { a, _ in a })
    cueDetectors = matcher.cues.map { detectorOfPack[$0.pack] ?? "" }
  }

  /// The `detector:` of the pack a cue comes from.
  public func packDetector(ofCue cue: Int) -> String { cueDetectors[cue] }
}
