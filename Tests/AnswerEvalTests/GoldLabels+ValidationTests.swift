import AnswerEval
import TestSupport
import Testing

/// Gold labels with every criterion false except `true`, and these sections and quantities.
func gold(
  _ true: Set<String> = [], sections: [GoldLabels.GoldSection] = [], quantities: [GoldLabels.GoldSpan] = [],
  explicitLabels: Bool = false
) -> GoldLabels {
  GoldLabels(
    id: "a", explicitLabels: explicitLabels,
    criteria: Dictionary(uniqueKeysWithValues: GoldLabels.criterionIDs.map { ($0, `true`.contains($0)) }),
    sections: sections, quantities: quantities)
}

@Suite struct GoldLabelsValidationTests {
  let text = multibytePrefix + "We cut it from 12 s to 3 s."

  var shift: Int { multibytePrefix.unicodeScalars.count }

  @Test func validLabelsHaveNoProblems() {
    let labels = gold(
      ["star.action", "quantification"], sections: [goldSection(.action, text, shift, shift + 27)],
      quantities: [goldSpan(text, shift + 15, shift + 19), goldSpan(text, shift + 23, shift + 26)])
    #expect(labels.validate(against: text, path: "a.json") == [])
  }

  @Test func offsetsCountedInGraphemesAreCaught() {
    // The prefix has fewer characters (graphemes) than Unicode scalars: an offset counted in graphemes is early.
    let early = multibytePrefix.count
    let labels = gold(
      ["star.action"],
      sections: [.init(label: .action, span: .init(start: early, end: early + 27, text: "We cut it from 12 s to 3 s."))]
    )
    #expect(
      labels.validate(against: text, path: "a.json").map(\.errorDescription)
        == [
          "a.json: error: [evaluate.span-text] \"sections[0].text\" is not the answer's text at 12..39: from offset 12 "
            + "the sidecar has \"We cut it from 12 s to 3 s.\" and the answer has \" — We cut it from 12 s to 3\"; "
            + "fix start/end (Unicode-scalar offsets, end exclusive) or the text"
        ])
  }

  @Test func outOfRangeAndEmptySpans() {
    let labels = gold(
      ["quantification"],
      quantities: [.init(start: shift + 23, end: 99, text: "3 s"), .init(start: 5, end: 5, text: "")])
    #expect(
      labels.validate(against: text, path: "a.json").map(\.errorDescription)
        == [
          "a.json: error: [evaluate.span-range] \"quantities[0]\" runs from 38 to 99, but the answer has 42 characters; "
            + "give 0 <= start < end <= 42 (Unicode-scalar offsets, end exclusive)",
          "a.json: error: [evaluate.span-range] \"quantities[1]\" runs from 5 to 5, but the answer has 42 characters; "
            + "give 0 <= start < end <= 42 (Unicode-scalar offsets, end exclusive)",
        ])
  }

  @Test func overlappingSpans() {
    let labels = gold(
      ["star.action", "star.result"],
      sections: [goldSection(.action, text, shift, shift + 10), goldSection(.result, text, shift + 7, shift + 27)])
    #expect(
      labels.validate(against: text, path: "a.json").map(\.errorDescription)
        == [
          "a.json: error: [evaluate.span-order] \"sections[1]\" starts at 22, before \"sections[0]\" ends at 25; "
            + "list spans in text order, without overlaps"
        ])
  }

  @Test func starCriteriaMustMatchTheSections() {
    let labels = gold(["star.situation"], sections: [goldSection(.action, text, shift, shift + 27)])
    #expect(
      labels.validate(against: text, path: "a.json").map(\.errorDescription)
        == [
          "a.json: error: [evaluate.sidecar-rule] \"criteria.star.situation\" is true but there is no situation "
            + "section; fix the labels (the sidecar format is in Corpora/README.md)",
          "a.json: error: [evaluate.sidecar-rule] \"criteria.star.action\" is false but there is an action section; "
            + "fix the labels (the sidecar format is in Corpora/README.md)",
        ])
  }

  @Test func reflectionRules() {
    let labels = gold(sections: [goldSection(.reflection, text, shift, shift + 27)])
    #expect(
      labels.validate(against: text, path: "a.json").map(\.errorDescription)
        == [
          "a.json: error: [evaluate.sidecar-rule] \"sections\" has only a reflection; sections exist only in a story; "
            + "fix the labels (the sidecar format is in Corpora/README.md)",
          "a.json: error: [evaluate.sidecar-rule] \"criteria.reflection\" is false but there is a reflection "
            + "section; fix the labels (the sidecar format is in Corpora/README.md)",
        ])
  }

  @Test func quantificationMustMatchTheQuantities() {
    #expect(
      gold(["quantification"]).validate(against: text, path: "a.json").map(\.errorDescription)
        == [
          "a.json: error: [evaluate.sidecar-rule] \"criteria.quantification\" is true but \"quantities\" is empty; "
            + "fix the labels (the sidecar format is in Corpora/README.md)"
        ])
    #expect(
      gold(quantities: [goldSpan(text, shift + 15, shift + 19)]).validate(against: text, path: "a.json").map(
        \.errorDescription)
        == [
          "a.json: error: [evaluate.sidecar-rule] \"criteria.quantification\" is false but \"quantities\" is not "
            + "empty; fix the labels (the sidecar format is in Corpora/README.md)"
        ])
  }
}
