/// A rubric: what to look for in an answer, how much each thing weighs, and what to tell the author.
///
/// Loaded from YAML by ``RubricLoader``; the format is documented in `Rubrics/README.md`.
public struct Rubric: Sendable {
  public var id: String
  public var version: String
  public var language: String
  public var title: String
  public var description: String
  /// The id of the rubric this one extends, if any (already merged in).
  public var extends: String?
  /// Score bands, highest `min` first.
  public var levels: [LevelBand]
  public var criteria: [Criterion]
  /// The cue packs the criteria's detectors use, by pack id.
  public var packs: [CuePack]
  /// The file it was loaded from.
  public var file: String

  /// The band a total score (0–100) falls in.
  public func level(for total: Double) -> String {
    levels.first { total >= $0.min }?.level ?? levels.last?.level ?? ""
  }

  /// The packs a detector reads (packs whose `detector` is `detector`).
  public func packs(for detector: String) -> [CuePack] { packs.filter { $0.detector == detector } }

  /// The `wording:` of the last pack of kind `detector` that has one, in `packs:` order (so a rubric that
  /// extends another rewords it by adding a pack); [:] when none has. One pack's wording is taken whole,
  /// never mixed with another's, so that a feedback line is in one language.
  ///
  /// ```swift
  /// rubric.wording(in: "quantities")["reason.year.one"]   // "a year" (from quantities.en)
  /// ```
  public func wording(in detector: String) -> [String: String] {
    packs.last { $0.detector == detector && !$0.wording.isEmpty }?.wording ?? [:]
  }
}

/// A score band: totals at or above `min` get `level`.
public struct LevelBand: Sendable, Equatable {
  public var level: String
  public var min: Double
}

/// Where something was defined, for messages.
public struct FileLocation: Sendable, Equatable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}

/// One thing a rubric grades.
public struct Criterion: Sendable {
  public var id: String
  public var title: String
  public var detector: String
  /// Relative weight in the total; 0 reports the criterion without scoring it.
  public var weight: Double
  /// For a pitfall that makes the answer no answer at all (gibberish, keyword stuffing): when it is fully
  /// present, the total is at most this (0–100), whatever the other criteria score.
  public var cap: Double? = nil
  public var parameters: [String: Parameter]
  public var feedback: FeedbackTemplates
  public var location: FileLocation
  /// Where each parameter's value was written, for messages about it.
  public var parameterLocations: [String: FileLocation] = [:]

  /// A detector parameter value.
  public enum Parameter: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case strings([String])

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var strings: [String]? {
      switch self {
      case .strings(let s): return s
      case .string(let s): return [s]
      default: return nil
      }
    }
  }

  public func number(_ name: String, default value: Double) -> Double { parameters[name]?.number ?? value }
  public func string(_ name: String) -> String? { parameters[name]?.string }
}

/// Feedback for the three outcomes of a criterion. Placeholders: `{evidence}` (the first evidence, quoted),
/// `{missing}` (the parts not found), `{found}` (the parts found), `{count}`, `{value}`.
public struct FeedbackTemplates: Sendable, Equatable {
  public var present: String
  public var partial: String
  public var missing: String
}
