import AnswerEval
import Foundation
import Testing

@Suite struct JSONLWorkerTests {
  let worker = JSONLWorker(name: "<stdin>", requestedRubric: nil)

  func respond(_ line: String, number: Int = 1) throws -> JSONLWorker.Response? {
    worker.respond(to: .text(Array(line.utf8)), number: number, grader: try Grader())
  }

  /// The response as a JSON object.
  func object(_ line: String) throws -> [String: Any] {
    let response = try #require(try respond(line))
    return try JSONSerialization.jsonObject(with: Data(try response.line().utf8)) as! [String: Any]
  }

  @Test func idBecomesTheSourcePath() throws {
    let report = try object(#"{"id": "a-17", "text": "We cut p95 latency by 40%."}"#)
    #expect((report["source"] as! [String: Any])["path"] as? String == "a-17")
    #expect(report["schema"] as? String == "answer-eval/report/v1")
  }

  @Test func numericIdAndNoId() throws {
    #expect((try object(#"{"id": 17, "text": "Hi there."}"#)["source"] as! [String: Any])["path"] as? String == "17")
    let response = try respond(#"{"text": "Hi there."}"#, number: 4)
    guard case .report(let report, _) = response else {
      Issue.record("expected a report")
      return
    }
    #expect(report.source.path == "<stdin>:4")
  }

  @Test func lineIsCompactAndEndsWithOneNewline() throws {
    let line = try #require(try respond(#"{"id": "x", "text": "One.\nTwo."}"#)).line()
    #expect(line.hasSuffix("}\n") && line.dropLast().contains("\n") == false)
  }

  @Test func rubricFieldIsUsedUnlessFrontMatterNamesOne() throws {
    guard
      case .report(_, let own) = try respond(
        #"{"text": "---\nrubric: technical\n---\nBody.", "rubric": "deployment-tradeoff"}"#),
      case .report(_, let field) = try respond(#"{"text": "Body.", "rubric": "deployment-tradeoff"}"#),
      case .report(_, let none) = try respond(#"{"text": "Body."}"#)
    else {
      Issue.record("expected reports")
      return
    }
    #expect(own.name == "technical" && field.name == "deployment-tradeoff" && none.name == "behavioral")
  }

  @Test func blankLinesAreIgnored() throws {
    #expect(try respond("") == nil)
    #expect(try respond("  \t") == nil)
  }

  @Test func invalidJSONIsAnErrorLineWithNullId() throws {
    let line = try #require(try respond("{not json", number: 3)).line()
    #expect(
      line == #"{"error":{"code":"input.jsonl","message":"not valid JSON; send one JSON object per line, "#
        + #"like {\"id\": \"a-17\", \"text\": \"…\"}"},"id":null}"# + "\n")
  }

  @Test func missingOrWrongFieldsKeepTheId() throws {
    let cases: [(String, Any?, String)] = [
      (#"{"id": "q", "txt": "x"}"#, "q", "the request has no \"text\""),
      (#"{"id": 5, "text": 12}"#, 5, "\"text\" must be a string"),
      (#"{"id": "q", "text": "x", "rubric": 3}"#, "q", "\"rubric\" must be a string"),
      (#"{"id": true, "text": "x"}"#, nil, "\"id\" must be a string or a number"),
      (#"["text"]"#, nil, "the line is not a JSON object"),
    ]
    for (input, id, reason) in cases {
      let object = try object(input)
      let error = object["error"] as! [String: String]
      #expect(error["code"] == "input.jsonl")
      #expect(error["message"]?.hasPrefix(reason + ";") == true, "\(input)")
      switch id {
      case let s as String: #expect(object["id"] as? String == s)
      case let n as Int: #expect(object["id"] as? Int == n)
      default: #expect(object["id"] is NSNull)
      }
    }
  }

  @Test func emptyAndBinaryTextsFailWithTheirOwnCodes() throws {
    let empty = try object(#"{"id": "e", "text": "  \n"}"#)
    #expect((empty["error"] as! [String: String])["code"] == "input.empty")
    let binary = try object(#"{"id": "b", "text": "\u0000\u0001\u0002"}"#)
    #expect((binary["error"] as! [String: String])["code"] == "text.binary")
  }

  @Test func overLongLineIsAnError() throws {
    let response = worker.respond(to: .tooLong(bytes: 99), number: 2, grader: try Grader())
    guard case .failure(_, let diagnostic) = response else {
      Issue.record("expected a failure")
      return
    }
    #expect(diagnostic.line.hasPrefix("<stdin>:2: error: [input.jsonl] the line is 99 bytes, over the limit"))
  }
}
