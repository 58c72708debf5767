/// Every detector a rubric can name in `detector:`.
public enum DetectorRegistry {
  public static let types: [any Detector.Type] = [
    StarSectionDetector.self,
    TradeoffDetector.self,
    ReflectionDetector.self,
    HedgingDetector.self,
    BlameDetector.self,
    WeWithoutIDetector.self,
    JargonDetector.self,
    LengthDetector.self,
    MissingCriterionDetector.self,
    KeywordStuffingDetector.self,
    GibberishDetector.self,
    CoverageDetector.self,
    OffTopicDetector.self,
    QuantificationDetector.self,
  ]

  public static var all: [DetectorDescriptor] { types.map { $0.descriptor } }

  public static func descriptor(_ id: String) -> DetectorDescriptor? { all.first { $0.id == id } }

  /// Every key a cue pack's `wording:` may give: the detectors' own, and the punctuation their feedback
  /// shares (``FeedbackPunctuation/wording``, given by `grammar` packs).
  public static var wording: [DetectorDescriptor.Wording] { all.flatMap(\.wording) + FeedbackPunctuation.wording }

  /// A detector for `id`. The loader has already checked that `id` is known.
  static func make(_ id: String) -> any Detector {
    guard let type = types.first(where: { $0.descriptor.id == id }) else {
      preconditionFailure("unknown detector `\(id)`: RubricLoader validates detector ids")
    }
    return type.init()
  }
}
