import AnswerEval
import Foundation
import Testing

@Suite struct FeedbackTemplateTests {
  /// What `fill` must equal: each placeholder replaced in turn with Foundation.
  func reference(_ template: String, _ values: [String: String]) -> String {
    var out = template
    for key in FeedbackTemplate.placeholders {
      out = out.replacingOccurrences(of: "{\(key)}", with: values[key] ?? "")
    }
    return out
  }

  @Test func fillsEveryPlaceholder() {
    let filled = FeedbackTemplate.fill(
      "{count} of {missing}: {found}, “{evidence}” ({value}).",
      values: ["count": "2", "missing": "the cost", "found": "the choice", "evidence": "I chose X", "value": "0.5"])
    #expect(filled == "2 of the cost: the choice, “I chose X” (0.5).")
  }

  @Test func missingValuesAreEmpty() {
    #expect(FeedbackTemplate.fill("Say {missing}.", values: [:]) == "Say .")
  }

  @Test func sameAsReplacingInTurn() {
    let templates = [
      "", "No placeholders at all.", "{evidence}", "{evidence}{found}{missing}{count}{value}",
      "Your situation sets the scene: {evidence}.", "“{evidence}” — {found}… {count}×", "{unknown} and {count}",
      "{{evidence}", "{evidence}}", "an unclosed { brace", "{count}\u{301} combining after a brace",
      "{count}{evidence}", "Ünïcödé {found} 👩🏽‍💻 {value}", "{ count}", "{count",
    ]
    let valueSets: [[String: String]] = [
      [:],
      ["evidence": "“we cut p95 latency”", "found": "the choice and the cost", "count": "3", "value": "12.5"],
      ["evidence": "found}", "found": "{count}", "count": "7"],
      ["evidence": "\u{301}starts with a combining mark", "count": "1"],
      ["evidence": "{", "found": "}", "missing": "{missing}", "value": "{value}"],
      ["found": "a\r\nb", "missing": "naïve — “quoted”", "evidence": "\u{200D}zwj"],
    ]
    for template in templates {
      for values in valueSets {
        #expect(FeedbackTemplate.fill(template, values: values) == reference(template, values), "\(template)")
      }
    }
  }

  @Test func substituteFillsTheGivenPlaceholders() {
    #expect(
      FeedbackTemplate.substitute("{found} is {value}", values: ["found": "“2019”", "value": "a year"])
        == "“2019” is a year")
  }

  /// A value quoted from an answer may hold a placeholder of its own: it is not filled again.
  @Test func substituteNeverFillsAValueAgain() {
    #expect(
      FeedbackTemplate.substitute("your result ({evidence})", values: ["evidence": "“{found} it”", "found": "x"])
        == "your result (“{found} it”)")
  }

  @Test func substituteLeavesWhatItIsNotGiven() {
    #expect(FeedbackTemplate.substitute("{found} and {value}", values: ["found": "a"]) == "a and {value}")
    #expect(FeedbackTemplate.substitute("an unclosed { brace", values: ["found": "a"]) == "an unclosed { brace")
    #expect(FeedbackTemplate.substitute("", values: [:]) == "")
  }

  @Test func unknownPlaceholderAgainstTheKnownOnes() {
    #expect(FeedbackTemplate.unknownPlaceholder(in: "{found} is {value}", known: ["found", "value"]) == nil)
    #expect(FeedbackTemplate.unknownPlaceholder(in: "{found} is {value}", known: ["found"]) == "value")
    #expect(FeedbackTemplate.unknownPlaceholder(in: "your answer", known: []) == nil)
  }
}
