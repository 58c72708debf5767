/// A number in an answer, typed and normalized: "p95 fell from 500ms to ~50ms" holds two durations,
/// 500 ms (the value before) and about 50 ms (the value after).
///
/// `value` is in the unit as written (`500` with unit `ms`, never converted to seconds); scale words are
/// applied (`$2.5M` → 2 500 000 `USD`, `10k users` → 10 000). A range carries its upper end in `high`
/// ("5–10%" → 5, high 10). `impact` says whether it measures the story — an outcome or the scale of the
/// work — and `reason` why not when it does not.
///
/// ```
/// "We cut p95 from 500ms to about 50ms in 2019."
/// → duration 500 ms (before), duration 50 ms (after, approximate), 2019 (incidental: year)
/// ```
public struct Quantity: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// "15%", "fifteen percent", "0.8 points" (unit `%` or `pp`).
    case percent
    /// "500ms", "two weeks", "3 working days".
    case duration
    /// "$2.5M", "€40k", "40,000 dollars".
    case money
    /// "12 engineers", "a team of five", "10k users": a whole number with no unit.
    case count
    /// "3x", "10×", "twice", "doubled", "halved".
    case multiplier
    /// "two thirds", "a half", "3/4".
    case fraction
    /// "2 TB", "500MB".
    case size
    /// "200 requests per second", "5k rps", "3 per day".
    case rate
    /// Physical measures: "120 cubic metres", "40 km".
    case measure
    /// A bare non-integer value: "an AUC of 0.93", "a 4.7 rating".
    case number
    /// A time of day or a ratio written with a colon ("8:00", "1:1").
    case time
  }

  /// The part a quantity plays in a change.
  public enum Role: String, Sendable, Codable {
    /// The value before a change ("from 500ms").
    case before
    /// The value after a change ("to 50ms", "→ 120ms").
    case after
    /// The size of a change ("by 15%", "a 2% increase").
    case delta
  }

  public var kind: Kind
  public var value: Double
  /// The upper end of a range ("5–10%": value 5, high 10).
  public var high: Double?
  /// The unit as reported ("ms", "%", "USD", "req/s", "/d" for a count per day); "" for counts and numbers.
  public var unit: String
  /// Written with "about", "~", "under", "sub-" and the like: approximate, or a bound.
  public var approximate: Bool
  public var role: Role?
  /// UTF-16 range of the original text: the number with its unit or symbol, without approximation words.
  public var range: Range<Int>
  /// Token range in ``AnalyzedText/tokens``.
  public var tokens: Range<Int>
  public var sentence: Int
  /// True when it measures the story: an outcome, or the scale of the work.
  public var impact: Bool
  /// Why it is not impact: `year`, `date`, `time`, `version`, `name`, `label`, `list`, `formula`, `metric`,
  /// `idiom`, `options`, `one`, `ratio`, `no-story`, `hypothetical`, `advice`, `definition`; nil for impact.
  /// The extractor gives those of ``builtInReasons``; the others are the `<reason>` of the
  /// `incidental.<reason>` signals of the rubric's `quantities` packs.
  public var reason: String?
  /// No unit, symbol or scale was written with it ("28", "five"): incidental patterns for bare numbers
  /// apply to it.
  public var bare: Bool

  /// The reasons the extractor gives by itself, whatever the packs say: ``NumeralReader`` (`date`, `time`,
  /// `ratio`, `version`), ``QuantityIncidentals`` (`year`, `list`, `name`, `version`) and ``QuantityImpact``
  /// (`no-story`, `hypothetical`, `advice`, `definition`). Kept by hand; `BuiltInReasonsTests` checks it
  /// against the reasons given over the corpora and the fixture answers, both ways.
  public static let builtInReasons = [
    "advice", "date", "definition", "hypothetical", "list", "name", "no-story", "ratio", "time", "version", "year",
  ]

  public init(
    kind: Kind, value: Double, high: Double? = nil, unit: String = "", approximate: Bool = false, role: Role? = nil,
    range: Range<Int>, tokens: Range<Int>, sentence: Int, impact: Bool = false, reason: String? = nil,
    bare: Bool = false
  ) {
    self.kind = kind
    self.value = value
    self.high = high
    self.unit = unit
    self.approximate = approximate
    self.role = role
    self.range = range
    self.tokens = tokens
    self.sentence = sentence
    self.impact = impact
    self.reason = reason
    self.bare = bare
  }
}
