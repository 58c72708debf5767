import Testing

@testable import AnswerEval

/// The extractor understands every cue of the bundled `quantities` pack.
@Suite struct QuantityLexiconTests {
  @Test func everyQuantitiesCueHasARole() throws {
    let rubric = try behavioral()
    let lexicon = rubric.quantityLexicon
    var checked = 0
    for (index, entry) in rubric.matcher.cues.enumerated()
    where rubric.packDetector(ofCue: index) == QuantityLexicon.detector {
      checked += 1
      #expect(
        lexicon.roles[index] != nil,
        "cue `\(entry.cue.id)`: signal `\(entry.cue.signal)` with value `\(entry.cue.value ?? "none")` means nothing")
    }
    #expect(checked > 80)
  }

  @Test func signalsAndValues() {
    #expect(QuantityLexicon.role(signal: "unit.duration", value: "ms") == .unit(.duration, "ms", gluedOnly: false))
    #expect(
      QuantityLexicon.role(signal: "glued-unit.multiplier", value: "x") == .unit(.multiplier, "x", gluedOnly: true))
    #expect(QuantityLexicon.role(signal: "scale", value: "1000") == .scale(1000))
    #expect(QuantityLexicon.role(signal: "incidental.version", value: "bare") == .incidental("version", bareOnly: true))
    #expect(QuantityLexicon.role(signal: "range.open", value: nil) == .rangeOpen)
  }

  @Test func unknownSignalsAndMissingValuesMeanNothing() {
    #expect(QuantityLexicon.role(signal: "unit.furlongs", value: "fur") == nil)
    #expect(QuantityLexicon.role(signal: "unit.duration", value: nil) == nil)
    #expect(QuantityLexicon.role(signal: "scale", value: "lots") == nil)
    #expect(QuantityLexicon.role(signal: "colour", value: nil) == nil)
  }
}
