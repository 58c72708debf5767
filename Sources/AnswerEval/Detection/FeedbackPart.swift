/// The parts of a quality that a detector names in its feedback (a tradeoff's choice, reason and cost; a
/// reflection's lesson and change): `{found}` lists the parts an answer has, each by its `found.<part>`
/// text, and `{missing}` asks for the others by their `missing.<part>` texts, from the `wording:` of the
/// detector's pack and in the rubric's punctuation (``FeedbackPunctuation``). A part without its text is
/// left out of the list: nothing falls back to English.
///
/// A detector's parts are a `String` enum (the raw value is the part's name in the keys) whose cases are in
/// the order the feedback lists them:
///
/// ```swift
/// enum Part: String, FeedbackPart {
///   case lesson, change
///   var summary: String { self == .lesson ? "what the speaker learned" : "what they now do differently" }
/// }
/// Part.wording(pack: "reflection").map(\.key)   // ["found.lesson", "missing.lesson", "found.change", "missing.change"]
/// Part.values(found: [.lesson], wording: ["found.lesson": "what you learned"], punctuation: english)
///   // ["found": "what you learned", "missing": ""]
/// ```
protocol FeedbackPart: RawRepresentable, CaseIterable, Hashable
where RawValue == String, AllCases == [Self] {
  /// What the part is, for the descriptor's wording summaries ("what the speaker learned").
  var summary: String { get }
}

extension FeedbackPart {
  /// The `wording:` key of how `{found}` names the part when it is there.
  var foundKey: String { "found." + rawValue }

  /// The `wording:` key of how `{missing}` asks for the part when it is missing.
  var missingKey: String { "missing." + rawValue }

  /// The `wording:` keys of every part, for the descriptor of the detector whose packs are of kind `pack`.
  static func wording(pack: String) -> [DetectorDescriptor.Wording] {
    allCases.flatMap { part in
      [
        DetectorDescriptor.Wording(
          part.foundKey, "How `{found}` names \(part.summary) when it is there.", pack: pack),
        DetectorDescriptor.Wording(
          part.missingKey, "How `{missing}` asks for \(part.summary) when it is missing.", pack: pack),
      ]
    }
  }

  /// `{found}`, the parts in `found` by their texts in `wording`, and `{missing}`, the other parts, each a
  /// list in the order of ``allCases``.
  static func values(found: Set<Self>, wording: [String: String], punctuation: FeedbackPunctuation)
    -> [String: String]
  {
    [
      "found": punctuation.list(allCases.filter { found.contains($0) }.compactMap { wording[$0.foundKey] }),
      "missing": punctuation.list(allCases.filter { !found.contains($0) }.compactMap { wording[$0.missingKey] }),
    ]
  }
}
