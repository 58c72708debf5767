import AnswerEvalText
import TestSupport
import Testing

@testable import AnswerEval

/// The values ICU's spell-out rules give number words, ordinals included.
@Suite struct NumberWordValuesTests {
  @Test func cardinalsAndOrdinals() {
    let values = NumberWordValues.shared
    #expect(values.value(of: "twenty") == 20)
    #expect(values.value(of: "fifteen") == 15)
    #expect(values.value(of: "zero") == 0)
    #expect(values.value(of: "fifth") == 5)
    #expect(values.value(of: "twelfth") == 12)
  }

  @Test func pluralsAndScaleOrdinals() {
    let values = NumberWordValues.shared
    #expect(values.value(of: "fifths") == 5)
    #expect(values.value(of: "thirds") == 3)
    #expect(values.value(of: "hundredth") == 100)
    #expect(values.value(of: "trillionths") == 1e12)
  }

  @Test func otherWordsHaveNoValue() {
    #expect(NumberWordValues.shared.value(of: "banana") == nil)
    #expect(NumberWordValues.shared.value(of: "a") == nil)
    // …and that is remembered too, so ICU is not asked again.
    #expect(NumberWordValues.shared.cache["banana"] == .some(nil))
  }

  /// The strict parse, used for speed, reads every number word and ordinal of the bundled pack, and reads
  /// each as the lenient parse does.
  @Test func bundledNumberWordsReadAsLenientlyParsed() throws {
    let pack = try RubricLoader(catalog: .standard()).loadPack(
      file: Repository.path("Rubrics/packs/quantities.en.yaml"))
    let lenient = try SpelloutParser(lenient: true)
    var words: [String] = []
    for cue in pack.cues where cue.signal == "number" || cue.signal == "ordinal" {
      for phrase in cue.phrases {
        for case .alternatives(let sequences) in phrase.elements {
          for case .exact(let word) in sequences.joined() { words.append(word) }
        }
      }
    }
    #expect(words.count > 80)
    func leniently(_ word: String) -> Double? { lenient.value(of: word) ?? lenient.value(of: "one " + word) }
    for word in words {
      let expected = leniently(word) ?? (word.hasSuffix("s") ? leniently(String(word.dropLast())) : nil)
      // "st", "nd", "rd", "th" are ordinal endings ("4th"), which have no value of their own.
      if word.count > 2 { #expect(NumberWordValues.shared.value(of: word) != nil, "\(word)") }
      #expect(NumberWordValues.shared.value(of: word) == expected, "\(word)")
    }
  }
}
