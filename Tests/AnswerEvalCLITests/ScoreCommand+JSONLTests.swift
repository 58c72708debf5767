import Foundation
import TestSupport
import Testing

@Suite struct ScoreCommandJSONLTests {
  @Test func oneLineOutPerRequestAndBadLinesDoNotStopTheStream() throws {
    let input = [
      #"{"id": "a-1", "text": "We cut p95 latency by 40%."}"#, "{oops", "", #"{"id": 7}"#,
      #"{"id": "a-2", "text": "I chose Kafka over RabbitMQ."}"#,
    ].joined(separator: "\n")
    let result = try CLI.run(["score", "--input", "jsonl", "-"], stdin: Data(input.utf8))
    #expect(result.status == 2)
    let lines = result.stdout.split(separator: "\n").map {
      try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    #expect(lines.count == 4)
    #expect((lines[0]["source"] as! [String: Any])["path"] as? String == "a-1")
    #expect(lines[1]["id"] is NSNull && (lines[1]["error"] as! [String: String])["code"] == "input.jsonl")
    #expect(
      lines[2]["id"] as? Int == 7
        && (lines[2]["error"] as! [String: String])["message"]!.hasPrefix("the request has no \"text\""))
    #expect((lines[3]["source"] as! [String: Any])["path"] as? String == "a-2")
    #expect(
      result.stderr.split(separator: "\n") == [
        "<stdin>:2: error: [input.jsonl] not valid JSON; send one JSON object per line, like {\"id\": \"a-17\", \"text\": \"…\"}",
        "<stdin>:4: error: [input.jsonl] the request has no \"text\"; send one JSON object per line, like {\"id\": \"a-17\", \"text\": \"…\"}",
      ])
  }

  @Test func allGoodExitsZero() throws {
    let result = try CLI.run(["score", "--input", "jsonl", "-"], stdin: Data(#"{"id": "x", "text": "Fine."}"#.utf8))
    #expect(result.status == 0 && result.stderr == "" && result.stdout.hasSuffix("}\n"))
  }

  @Test func answersEachLineBeforeTheNextArrives() throws {
    // A worker: write one request, read its answer, with standard input still open.
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["score", "--input", "jsonl", "-"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
    for id in ["first", "second"] {
      input.fileHandleForWriting.write(Data((#"{"id": "\#(id)", "text": "We shipped it."}"# + "\n").utf8))
      var line = Data()
      while line.last != 0x0A {
        let byte = output.fileHandleForReading.readData(ofLength: 1)
        if byte.isEmpty { break }
        line.append(byte)
      }
      let report = try JSONSerialization.jsonObject(with: line) as! [String: Any]
      #expect((report["source"] as! [String: Any])["path"] as? String == id)
    }
  }

  @Test func textFormatIsAUsageError() throws {
    let result = try CLI.run(["score", "--input", "jsonl", "-", "--format", "text"], stdin: Data())
    #expect(result.status == 64)
  }

  @Test func requestsFromAFile() throws {
    let dir = try TemporaryDirectory()
    try dir.write("requests.jsonl", #"{"id": 1, "text": "One."}"# + "\n" + #"{"id": 2, "text": "Two."}"# + "\n")
    let result = try CLI.run(["score", "--input", "jsonl", "requests.jsonl", "missing.jsonl"], directory: dir.path)
    #expect(result.status == 2 && result.stdout.split(separator: "\n").count == 2)
    #expect(result.stderr == "missing.jsonl: error: [input.missing] no such file; check the path\n")
  }
}
