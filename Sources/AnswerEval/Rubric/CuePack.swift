/// A lexicon of cues one detector reads: phrases that signal something ("at the cost of" → cost accepted),
/// with exceptions, and examples that must (or must not) match.
///
/// Loaded from `Rubrics/packs/*.yaml`; the phrase syntax is documented on ``PhrasePattern``.
public struct CuePack: Sendable {
  public var id: String
  public var detector: String
  public var language: String
  public var description: String
  public var cues: [Cue]
  public var file: String
  /// The texts a detector writes into its feedback, in the pack's language (YAML `wording:`), by key with
  /// nested keys joined with `.` (`"reason.year.one": "a year"`). The keys a pack of this kind takes are
  /// declared by the detectors that read them (``DetectorDescriptor/wording``).
  public var wording: [String: String]

  public init(
    id: String, detector: String, language: String, description: String, cues: [Cue], file: String,
    wording: [String: String] = [:]
  ) {
    self.id = id
    self.detector = detector
    self.language = language
    self.description = description
    self.cues = cues
    self.file = file
    self.wording = wording
  }
}

/// One cue: phrases that signal `signal` with a `weight`, unless an exception matches over them.
///
/// A cue may carry a `value`: what a match stands for, for detectors that need more than the signal —
/// the unit a word writes ("milliseconds" → `ms`), the factor of a scale word ("million" → `1000000`).
/// The detector that reads the pack documents what its values mean (see `Rubrics/packs/quantities.en.yaml`).
public struct Cue: Sendable {
  public var id: String
  /// What a match means to the detector ("situation", "cost", "hedge", …).
  public var signal: String
  public var weight: Double
  /// What a match stands for, when the signal alone does not say (YAML `value:`); nil when not given.
  public var value: String?
  public var phrases: [PhrasePattern]
  public var exceptions: [PhrasePattern]
  /// Texts the cue must match, with the expected span marked `⟦…⟧`.
  public var matchExamples: [CueExample]
  /// Texts the cue must not match anywhere.
  public var noMatchExamples: [CueExample]
  public var location: FileLocation

  public init(
    id: String, signal: String, weight: Double, phrases: [PhrasePattern], exceptions: [PhrasePattern],
    matchExamples: [CueExample], noMatchExamples: [CueExample], location: FileLocation, value: String? = nil
  ) {
    self.id = id
    self.signal = signal
    self.weight = weight
    self.value = value
    self.phrases = phrases
    self.exceptions = exceptions
    self.matchExamples = matchExamples
    self.noMatchExamples = noMatchExamples
    self.location = location
  }
}

/// An example sentence of a cue, with where it stands in the pack file.
public struct CueExample: Sendable {
  public var text: String
  public var location: FileLocation

  public init(text: String, location: FileLocation) {
    self.text = text
    self.location = location
  }
}
