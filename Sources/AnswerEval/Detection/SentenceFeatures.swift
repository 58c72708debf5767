import AnswerEvalText

/// Grammar features of one sentence, counted from the `grammar` cue pack's signals: who speaks
/// (first person singular/plural, second person), tense (past verbs), and mood (habitual, hypothetical,
/// advice, definition). Detectors use them to tell a story from a description of one.
public struct SentenceFeatures: Sendable, Equatable {
  public var firstSingular = 0
  public var firstPlural = 0
  public var secondPerson = 0
  public var past = 0
  public var habitual = false
  public var hypothetical = false
  public var advice = false
  public var definition = false
  public var numbers = 0
  public var words = 0
  /// The sentence opens with a past-tense verb or participle ("Added a cache in front of the catalog."): an
  /// implied "I".
  public var opensWithPast = false

  public var firstPerson: Int { firstSingular + firstPlural }

  /// A sentence in which the speaker recounts something that happened: first person (or an implied "I")
  /// in the past tense, not habitual, hypothetical, advice or a definition.
  public var narrates: Bool {
    past > 0 && (firstPerson > 0 || opensWithPast) && !habitual && !hypothetical && !advice && !definition
  }

  static func compute(_ context: AnswerContext) -> [SentenceFeatures] {
    let text = context.text
    return text.sentences.indices.map { index in
      var f = SentenceFeatures()
      for token in text.tokens(of: text.sentences[index]) {
        if token.isWordLike { f.words += 1 }
        if token.kind == .number { f.numbers += 1 }
      }
      for match in context.matches(inSentence: index, detector: "grammar") {
        switch match.signal {
        case "first-singular": f.firstSingular += 1
        case "first-plural": f.firstPlural += 1
        case "second-person": f.secondPerson += 1
        case "past":
          f.past += 1
          if match.tokens.lowerBound == text.sentences[index].tokens.lowerBound { f.opensWithPast = true }
        case "participle":
          if match.tokens.lowerBound == text.sentences[index].tokens.lowerBound {
            f.opensWithPast = true
            f.past += 1
          }
        case "habitual": f.habitual = true
        case "hypothetical": f.hypothetical = true
        case "advice": f.advice = true
        case "definition": f.definition = true
        default: break
        }
      }
      return f
    }
  }
}
