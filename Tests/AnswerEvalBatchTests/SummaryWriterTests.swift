import AnswerEval
import Foundation
import TestSupport
import Testing

@Suite struct SummaryWriterTests {
  func summary(_ path: String, rows: [SummaryRow], interrupted: Bool = false) throws -> String {
    let writer = try SummaryWriter(path: path)
    var accumulator = SummaryAggregates.Accumulator()
    for row in rows {
      try writer.append(row)
      accumulator.add(row, findings: .init(missing: row.criteria.filter { $0.value == 0 }.map(\.key)))
    }
    var aggregates = accumulator.aggregates
    aggregates.counts.total = rows.count + 1
    aggregates.counts.skipped = 3
    aggregates.counts.notProcessed = 1
    try writer.finish(aggregates, interrupted: interrupted)
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  let rows = [
    SummaryRow(
      path: "in/a, \"b\".md", rubric: "behavioral", score: 72.5, criteria: ["star.task": 1, "tradeoff": 0],
      words: 120, status: .graded),
    SummaryRow(path: "in/c.md", rubric: nil, status: .failed, error: "text.utf8", reason: "invalid UTF-8; save it"),
  ]

  @Test func csvIsOneTableWithQuotedFieldsAndAggregateRows() throws {
    let dir = try TemporaryDirectory()
    let csv = try summary(dir.path("s.csv"), rows: rows, interrupted: true)
    #expect(
      csv
        == [
          "path,rubric,score,star.task,tradeoff,words,status,error,reason",
          "\"in/a, \"\"b\"\".md\",behavioral,72.5,1,0,120,graded,,",
          "in/c.md,,,,,,failed,text.utf8,invalid UTF-8; save it",
          "#aggregate,interrupted,true,,,,,,", "#aggregate,total,3,,,,,,", "#aggregate,graded,1,,,,,,",
          "#aggregate,failed,1,,,,,,", "#aggregate,unchanged,0,,,,,,", "#aggregate,skipped,3,,,,,,",
          "#aggregate,not-processed,1,,,,,,", "#aggregate,score.count,1,,,,,,", "#aggregate,score.mean,72.5,,,,,,",
          "#aggregate,score.median,72.5,,,,,,", "#aggregate,score.minimum,72.5,,,,,,",
          "#aggregate,score.maximum,72.5,,,,,,",
          "#aggregate,criterion.star.task.count,1,,,,,,", "#aggregate,criterion.star.task.mean,1,,,,,,",
          "#aggregate,criterion.star.task.0-0.2,0,,,,,,", "#aggregate,criterion.star.task.0.2-0.4,0,,,,,,",
          "#aggregate,criterion.star.task.0.4-0.6,0,,,,,,", "#aggregate,criterion.star.task.0.6-0.8,0,,,,,,",
          "#aggregate,criterion.star.task.0.8-1,1,,,,,,",
          "#aggregate,criterion.tradeoff.count,1,,,,,,", "#aggregate,criterion.tradeoff.mean,0,,,,,,",
          "#aggregate,criterion.tradeoff.0-0.2,1,,,,,,", "#aggregate,criterion.tradeoff.0.2-0.4,0,,,,,,",
          "#aggregate,criterion.tradeoff.0.4-0.6,0,,,,,,", "#aggregate,criterion.tradeoff.0.6-0.8,0,,,,,,",
          "#aggregate,criterion.tradeoff.0.8-1,0,,,,,,", "#aggregate,missing.tradeoff,1,,,,,,",
        ].map { $0 + "\r\n" }.joined())
    #expect(try dir.files() == ["s.csv"])  // no temporary file left
  }

  @Test func jsonHasRowsInOrderAndTheFigures() throws {
    let dir = try TemporaryDirectory()
    let text = try summary(dir.path("s.json"), rows: rows)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    #expect(object["schema"] as? String == "answer-eval/batch-summary/v1")
    #expect(object["interrupted"] as? Bool == false)
    let answers = object["answers"] as! [[String: Any]]
    #expect(answers.map { $0["path"] as! String } == ["in/a, \"b\".md", "in/c.md"])
    #expect(answers[1]["error"] as? String == "text.utf8" && answers[1]["status"] as? String == "failed")
    let counts = object["counts"] as! [String: Int]
    #expect(counts == ["total": 3, "graded": 1, "failed": 1, "unchanged": 0, "skipped": 3, "notProcessed": 1])
    #expect((object["missingElements"] as! [[String: Any]]).map { $0["criterion"] as! String } == ["tradeoff"])
    #expect((object["score"] as! [String: Any])["median"] as? Double == 72.5)
    #expect(text.contains("\n    {\"criteria\":{\"star.task\":1,\"tradeoff\":0},\"path\":\"in/a, \\\"b\\\".md\""))
  }

  @Test func noRowsStillMakesAValidSummary() throws {
    let dir = try TemporaryDirectory()
    let json = try summary(dir.path("s.json"), rows: [])
    #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    #expect(try summary(dir.path("s.csv"), rows: []).hasPrefix("path,rubric,score,words,status,error,reason\r\n"))
  }

  @Test func otherExtensionsAndMissingFoldersAreRefused() throws {
    let dir = try TemporaryDirectory()
    #expect(throws: BatchError.self) { try SummaryWriter(path: dir.path("s.txt")) }
    #expect(throws: BatchError.self) { try SummaryWriter(path: dir.path("missing/s.csv")) }
    #expect(SummaryWriter.Format(path: "S.CSV") == .csv && SummaryWriter.Format(path: "a.json") == .json)
  }
}
