import Testing

@testable import AnswerEval

@Suite struct FeedbackPartTests {
  enum Part: String, FeedbackPart {
    case lesson, change
    var summary: String { self == .lesson ? "what the speaker learned" : "what they now do differently" }
  }

  static let english = FeedbackPunctuation(separator: ", ", last: " and ", quote: "“{text}”")

  @Test func everyPartHasAFoundAndAMissingKeyInCaseOrder() {
    let wording = Part.wording(pack: "reflection")
    #expect(wording.map(\.key) == ["found.lesson", "missing.lesson", "found.change", "missing.change"])
    #expect(wording.allSatisfy { $0.pack == "reflection" && $0.placeholders.isEmpty })
    #expect(wording[1].summary == "How `{missing}` asks for what the speaker learned when it is missing.")
  }

  @Test func foundAndMissingAreListedInCaseOrder() {
    let wording = [
      "found.lesson": "what you learned", "found.change": "what you changed",
      "missing.lesson": "the lesson", "missing.change": "the change",
    ]
    #expect(
      Part.values(found: [.change, .lesson], wording: wording, punctuation: Self.english)
        == ["found": "what you learned and what you changed", "missing": ""])
    #expect(
      Part.values(found: [.change], wording: wording, punctuation: Self.english)
        == ["found": "what you changed", "missing": "the lesson"])
  }

  /// A part without its text is left out of the list; nothing is said in English instead.
  @Test func aPartWithoutItsTextIsLeftOut() {
    #expect(
      Part.values(found: [], wording: ["missing.change": "the change"], punctuation: Self.english)
        == ["found": "", "missing": "the change"])
  }
}
