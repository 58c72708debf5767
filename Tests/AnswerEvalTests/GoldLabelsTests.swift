import AnswerEval
import Foundation
import TestSupport
import Testing

/// A sidecar for "We did it." with `edit` applied to its JSON object.
func sidecar(_ id: String = "a", edit: (inout [String: Any]) -> Void = { _ in }) -> Data {
  var object: [String: Any] = [
    "id": id, "question": "Tell me about a time.", "field": "none", "kinds": ["very-short"],
    "explicit_labels": false,
    "criteria": [
      "star.situation": false, "star.task": false, "star.action": true, "star.result": false, "tradeoff": false,
      "quantification": false, "reflection": false,
    ],
    "sections": [["label": "action", "start": 0, "end": 10, "text": "We did it."]],
    "quantities": [],
  ]
  edit(&object)
  return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

/// The message of the error `GoldLabels.decode` throws for `data` read from `dir/a.json`.
func decodingMessage(_ data: Data) -> String? {
  do {
    _ = try GoldLabels.decode(data, path: "dir/a.json")
    return nil
  } catch {
    return error.errorDescription
  }
}

@Suite struct GoldLabelsTests {
  @Test func decodesEveryKey() throws {
    let gold = try GoldLabels.decode(sidecar(), path: "dir/a.json")
    #expect(
      gold
        == GoldLabels(
          id: "a", question: "Tell me about a time.", field: "none", kinds: ["very-short"], explicitLabels: false,
          criteria: [
            "star.situation": false, "star.task": false, "star.action": true, "star.result": false,
            "tradeoff": false, "quantification": false, "reflection": false,
          ],
          sections: [.init(label: .action, span: .init(start: 0, end: 10, text: "We did it."))], quantities: []))
    #expect(gold.hasStory)
  }

  @Test func theSeedCorpusExampleDecodes() throws {
    let path = "Corpora/labelled/034-backend-autocomplete-result-first.json"
    let gold = try GoldLabels.decode(try Data(contentsOf: URL(fileURLWithPath: Repository.path(path))), path: path)
    #expect(gold.sections.map(\.label) == [.result, .situation, .task, .action])
    #expect(gold.quantities.first == .init(start: 61, end: 66, text: "2.1 s"))
  }

  @Test func missingKey() {
    #expect(
      decodingMessage(sidecar { $0["explicit_labels"] = nil })
        == "dir/a.json: error: [evaluate.key-missing] \"explicit_labels\" is missing; add it "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func missingCriterion() {
    #expect(
      decodingMessage(sidecar { $0["criteria"] = ["star.situation": true] })
        == "dir/a.json: error: [evaluate.key-missing] \"criteria.star.task\" is missing; add it "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func unknownCriterion() {
    let data = sidecar {
      var criteria = $0["criteria"] as! [String: Any]
      criteria["star.outcome"] = true
      $0["criteria"] = criteria
    }
    #expect(
      decodingMessage(data)
        == "dir/a.json: error: [evaluate.key-value] \"criteria.star.outcome\" is not a gold criterion; use exactly "
        + "star.situation, star.task, star.action, star.result, tradeoff, quantification, reflection "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func wrongTypeInsideAnArray() {
    let data = sidecar { $0["sections"] = [["label": "action", "start": "0", "end": 10, "text": "We did it."]] }
    #expect(
      decodingMessage(data)
        == "dir/a.json: error: [evaluate.key-type] \"sections[0].start\" must be a number "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func wrongContainerType() {
    #expect(
      decodingMessage(sidecar { $0["quantities"] = ["start": 1] })
        == "dir/a.json: error: [evaluate.key-type] \"quantities\" must be an array "
        + "(the sidecar format is in Corpora/README.md)")
    #expect(
      decodingMessage(sidecar { $0["criteria"] = [true] })
        == "dir/a.json: error: [evaluate.key-type] \"criteria\" must be an object "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func nullValue() {
    #expect(
      decodingMessage(sidecar { $0["explicit_labels"] = NSNull() })
        == "dir/a.json: error: [evaluate.key-type] \"explicit_labels\" must be true or false "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func fractionalOffset() {
    let data = sidecar { $0["sections"] = [["label": "action", "start": 0, "end": 9.5, "text": "We did it."]] }
    #expect(
      decodingMessage(data)
        == "dir/a.json: error: [evaluate.key-value] \"sections[0].end\" is 9.5; use a whole number of Unicode "
        + "scalars, 0 or more (the sidecar format is in Corpora/README.md)")
  }

  @Test func unknownLabel() {
    let data = sidecar { $0["sections"] = [["label": "Outcome", "start": 0, "end": 10, "text": "We did it."]] }
    #expect(
      decodingMessage(data)
        == "dir/a.json: error: [evaluate.key-value] \"sections[0].label\" is \"Outcome\"; use one of situation, "
        + "task, action, result, reflection (the sidecar format is in Corpora/README.md)")
  }

  @Test func idMustBeTheFileName() {
    #expect(
      decodingMessage(sidecar("b"))
        == "dir/a.json: error: [evaluate.key-value] \"id\" is \"b\"; make it the file name, \"a\" "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func topLevelMustBeAnObject() {
    #expect(
      decodingMessage(Data("[1]".utf8))
        == "dir/a.json: error: [evaluate.json] is not valid JSON (the top level must be an object); fix the syntax "
        + "(the sidecar format is in Corpora/README.md)")
  }

  @Test func invalidJSON() {
    #expect(
      decodingMessage(Data("{\"id\": \"a\" \"field\": 1}".utf8))
        == "dir/a.json: error: [evaluate.json] is not valid JSON (Invalid value around character 11.); fix the "
        + "syntax (the sidecar format is in Corpora/README.md)")
  }
}
