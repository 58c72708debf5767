import AnswerEvalXML
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct BatchIndexTests {
  /// The mock responses, graded with the default grader: one row each, linked to `NAME.html`.
  static func mockResponseRows() throws -> [BatchIndex.Row] {
    let folder = "Corpora/mock-responses"
    let names = try FileManager.default.contentsOfDirectory(atPath: Repository.path(folder))
      .filter { $0.hasSuffix(".md") }.sorted()
    let grader = try Grader()
    return try names.map { name in
      let path = "\(folder)/\(name)"
      let graded = try grader.grade(bytes: Array(try Data(contentsOf: Repository.url(path))), source: path)
      return BatchIndex.Row(path: path, page: (name as NSString).deletingPathExtension + ".html", report: graded.report)
    }
  }

  private func row(_ path: String, _ total: Double, missing: [String] = [], page: String? = nil) -> BatchIndex.Row {
    let ids = ["star.situation", "star.task", "pitfall.hedging"]
    return BatchIndex.Row(
      path: path, page: page ?? path + ".html", score: Report.Score(total: total, level: total >= 50 ? "good" : "weak"),
      criteria: ids.map {
        let found = !missing.contains($0)
        return BatchIndex.Criterion(
          id: $0, score: found ? 1 : 0, detected: found, feedback: found ? "Found \($0)." : "Add \($0).")
      })
  }

  @Test func everyMockResponseIsListedAndLinked() throws {
    let rows = try Self.mockResponseRows()
    #expect(rows.count == 30)
    let html = BatchIndex(rows: rows).html()
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
    for row in rows {
      let name = (row.path as NSString).lastPathComponent
      let link = "<a href=\"\((name as NSString).deletingPathExtension).html\">\(row.path)</a>"
      #expect(html.contains("<tr data-order=\"") && html.contains("<th scope=\"row\">\(link)</th>"), "\(row.path)")
    }
    #expect(html.components(separatedBy: "<tr data-order=").count == rows.count + 1)
    #expect(html.contains("30 answers: 30 graded, 0 could not be graded."))
    #expect(html.contains("<desc id=\"histogram-desc\">Graded answers per band of ten points: 0–9: "))
  }

  @Test func rowFromAReport() throws {
    let report = try SyntheticReport.report()
    let row = BatchIndex.Row(path: "a.md", page: "a.html", report: report)
    #expect(row.score == Report.Score(total: 82.5, level: "strong"))
    #expect(row.criteria.map(\.id) == ["star.situation", "star.action", "tradeoff", "pitfall.hedging"])
    #expect(
      row.criteria[1]
        == BatchIndex.Criterion(
          id: "star.action", score: 0.75, detected: true,
          feedback: "Your own actions are clear; say how you rolled the cache out."))
    #expect(row.failure == nil)
  }

  @Test func sortedByTotalThenPathWithFailuresLast() {
    let index = BatchIndex(rows: [
      row("b.md", 40), BatchIndex.Row(path: "a.md", failure: "a.md: error: [text.binary] not a text file"),
      row("c.md", 90), row("a2.md", 40),
    ])
    #expect(index.sortedRows.map(\.path) == ["c.md", "a2.md", "b.md", "a.md"])
    let html = index.html()
    let positions = ["c.md.html", "a2.md.html", "b.md.html", ">a.md<"].map { html.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(
      html.contains("<th scope=\"col\" class=\"number\" data-type=\"number\" aria-sort=\"descending\">Total</th>"))
    #expect(html.contains("<td class=\"failure\">Not graded: a.md: error: [text.binary] not a text file</td>"))
    #expect(html.contains("<h2 id=\"failed-h\">Not graded</h2>"))
    #expect(
      html.contains("4 answers: 3 graded, 1 could not be graded. Mean total 56.7, median 40.0, lowest 40, highest 90."))
  }

  @Test func criterionColumnsMarkMissingElements() {
    let html = BatchIndex(rows: [row("a.md", 50, missing: ["star.task", "pitfall.hedging"])]).html()
    #expect(
      html.contains(
        "<td class=\"number\" data-value=\"1.00\">1.00</td><td class=\"number missing\" data-value=\"0.00\">"
          + "<span aria-hidden=\"true\">○ </span>0.00<span class=\"visually-hidden\"> (missing)</span></td>"
          + "<td class=\"number\" data-value=\"0.00\">0.00</td><td class=\"number\">1</td></tr>"))
  }

  @Test func histogramCountsTenPointBands() {
    let index = BatchIndex(rows: [row("a", 0), row("b", 9.9), row("c", 10), row("d", 99.9), row("e", 100)])
    #expect(index.histogram == [2, 1, 0, 0, 0, 0, 0, 0, 0, 2])
    let html = index.html()
    #expect(html.contains("<svg class=\"histogram\""))
    #expect(html.contains("role=\"img\" aria-labelledby=\"histogram-title histogram-desc\""))
    #expect(html.contains("<tr><th scope=\"row\">90–100</th><td class=\"number\">2</td></tr>"))
  }

  @Test func mostCommonMissingElementsFirst() {
    let index = BatchIndex(rows: [
      row("a.md", 50, missing: ["star.situation"]), row("b.md", 40, missing: ["star.task", "star.situation"]),
      row("c.md", 30, missing: ["star.task", "pitfall.hedging"]), row("d.md", 20, missing: ["star.task"]),
    ])
    #expect(index.missingElements.map(\.id) == ["star.task", "star.situation"])
    #expect(index.missingElements[0].rows.map(\.path) == ["b.md", "c.md", "d.md"])
    let html = index.html()
    #expect(
      html.contains(
        "<li><code>star.task</code>: missing in 3 of 4 graded answers (75%)<br/><span class=\"muted\">Feedback given: "
          + "Add star.task.</span>\n<details>\n<summary>The 3 answers missing it</summary>\n<ul>\n"
          + "<li><a href=\"b.md.html\">b.md</a></li>\n"))
  }

  @Test func pathsLinksAndReasonsAreEscaped() {
    let index = BatchIndex(
      rows: [
        row("<script>alert(1)</script>.md", 50, page: "x/<a b>#?&\"'.html"),
        BatchIndex.Row(path: "f\u{1B}.md", failure: "f.md: error: <b>bad</b> & worse"),
        row("j.md", 40, page: "javascript:alert(1)"),
      ], title: "Cohort <7> & co")
    let html = index.html()
    #expect(!html.contains("<b>") && !html.contains("<script>alert"))
    #expect(html.contains("<a href=\"x/%3Ca%20b%3E%23%3F%26%22%27.html\">&lt;script&gt;alert(1)&lt;/script&gt;.md</a>"))
    #expect(html.contains("<a href=\"javascript%3Aalert%281%29\">j.md</a>"))
    #expect(html.contains("Not graded: f.md: error: &lt;b&gt;bad&lt;/b&gt; &amp; worse"))
    #expect(html.contains("<h1>Cohort &lt;7&gt; &amp; co</h1>") && html.contains("f␛.md"))
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
  }

  @Test func scriptIsTheOnlyOneAndThePolicyNamesIt() {
    let html = BatchIndex(rows: [row("a.md", 50)]).html()
    #expect(html.components(separatedBy: "<script>").count == 2)
    #expect(html.contains("script-src 'sha256-\(SHA256.base64(BatchIndex.script))'"))
    #expect(html.contains("<script>\(BatchIndex.script)</script>"))
  }

  @Test func emptyBatch() {
    let html = BatchIndex(rows: []).html()
    #expect(html.contains("0 answers: 0 graded, 0 could not be graded.</p>"))
    #expect(html.contains("<p>No answer was graded.</p>"))
    #expect(html.contains("<p>No graded answer misses an element the rubric looks for.</p>"))
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
  }
}
