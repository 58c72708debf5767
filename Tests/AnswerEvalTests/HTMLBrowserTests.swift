import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

/// The HTML pages (``ReportFormat/html`` and ``BatchIndex``) loaded in a real headless browser: the DOM
/// after parsing has what the page was written with (nothing repaired, nothing run), the sections are
/// labelled, the evidence is marked, an answer's `<script>` stays text, and the index's sort script works.
///
/// Every page and a screenshot of it (1200×2000) are written to `.build/html-screenshots/` for people to
/// look at. Skipped when chromium is not installed (`apt-get install -y chromium`), unless
/// `ANSWER_EVAL_REQUIRE_BROWSER=1`, which `.ci/run` sets: then a missing browser fails.
@Suite(
  .serialized,
  .enabled(
    if: Chromium.binary != nil || Chromium.isRequired,
    "chromium is not installed (apt-get install -y chromium); .ci/run installs it and always runs these tests"))
struct HTMLBrowserTests {
  static let folder = Repository.url(".build/html-screenshots")

  /// An answer that tries every way to run something, and a file name that tries too.
  static let hostileAnswer = """
    Situation: our signup form <script>alert(1)</script> broke for "some" users & 'others'.
    <script>document.body.setAttribute('data-pwned', 'script')</script>
    <img src=x onerror="document.body.setAttribute('data-pwned', 'img')">
    Result: I fixed the validation and errors fell by 40%.
    """
  static let hostileName = "<script>alert(2)</script>&\"'.md"

  /// Writes `html` as `name.html` in the screenshot folder and returns its URL.
  private func write(_ html: String, _ name: String) throws -> URL {
    let url = Self.folder.appendingPathComponent(name + ".html")
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(html.utf8).write(to: url)
    return url
  }

  /// Loads a report page, checks its DOM against the report, and takes its screenshot.
  private func check(_ graded: Grader.Graded, name: String) throws -> String {
    try check(graded.report, answer: graded.text, name: name)
  }

  private func check(_ report: Report, answer: AnalyzedText, name: String) throws -> String {
    let html = try ReportFormat.html.render(report, answer: answer)
    let page = try write(html, name)
    let dom = try Chromium.dumpDOM(page)
    try Chromium.screenshot(page, to: Self.folder.appendingPathComponent(name + ".png"))
    #expect(dom.contains("<main id=\"main\">"), "\(name): no main")
    // The browser built exactly the elements the page was written with: nothing was repaired or added.
    #expect(HTMLText.elementCounts(dom) == HTMLText.elementCounts(html), "\(name): the browser changed the DOM")
    #expect(!dom.contains("<script"), "\(name): a script element")
    for section in report.sections {
      #expect(dom.contains("<span class=\"star-name\">\(section.label.title)</span>"), "\(name): \(section.label)")
    }
    let evidence = Set(report.criteria.flatMap(\.evidence) + report.feedback.compactMap(\.span))
    #expect(dom.components(separatedBy: "<mark class=\"evidence\" id=\"e").count - 1 == evidence.count, "\(name)")
    return dom
  }

  @Test(arguments: GoldenTests.answers) func fixtureAnswerPage(_ file: String) throws {
    let relative = "Fixtures/answers/\(file)"
    let graded = try Grader().grade(bytes: Array(try Data(contentsOf: Repository.url(relative))), source: relative)
    let dom = try check(graded, name: (file as NSString).deletingPathExtension)
    if file == "star-labelled.md" {
      #expect(dom.components(separatedBy: "<div class=\"star star-").count - 1 == 5)
      #expect(
        dom.contains(#/<mark class="evidence" id="e[0-9]+">\*\*Result:\*\* Checkout failures fell from /#))
    }
  }

  @Test func syntheticReportPage() throws {
    let dom = try check(try SyntheticReport.report(), answer: try SyntheticReport.answer(), name: "synthetic")
    #expect(dom.contains("<mark class=\"evidence\" id=\"e2\">I weighed caching against a read replica</mark>"))
    #expect(dom.contains("<th scope=\"row\">800ms</th>"))
  }

  @Test func scriptInAnAnswerIsShownAndNothingRuns() throws {
    let graded = try Grader().grade(bytes: Array(Self.hostileAnswer.utf8), source: Self.hostileName)
    let dom = try check(graded, name: "hostile")
    #expect(!dom.contains("<img") && !dom.contains("data-pwned="))
    #expect(
      dom.contains("our signup form &lt;script&gt;alert(1)&lt;/script&gt; broke for \"some\" users &amp; 'others'."))
    #expect(dom.contains("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\"&gt;"))
    #expect(dom.contains("<h1>&lt;script&gt;alert(2)&lt;/script&gt;&amp;\"'.md</h1>"))
    #expect(dom.contains("<body>\n"))  // no attribute was set on it
  }

  @Test func batchIndexLinksEveryAnswerAndItsScriptRuns() throws {
    var rows: [BatchIndex.Row] = []
    let grader = try Grader()
    let folder = "Corpora/mock-responses"
    for name in try FileManager.default.contentsOfDirectory(atPath: Repository.path(folder)).sorted()
    where name.hasSuffix(".md") {
      let path = "\(folder)/\(name)"
      let graded = try grader.grade(bytes: Array(try Data(contentsOf: Repository.url(path))), source: path)
      let page = "mock-responses/" + (name as NSString).deletingPathExtension + ".html"
      _ = try write(
        try ReportFormat.html.render(graded.report, answer: graded.text), (page as NSString).deletingPathExtension)
      rows.append(BatchIndex.Row(path: path, page: page, report: graded.report))
    }
    rows.append(
      BatchIndex.Row(
        path: "Corpora/mock-responses/broken.md", failure: "broken.md: error: [text.binary] not a text file"))
    let index = try write(BatchIndex(rows: rows, title: "Mock responses").html(), "index")
    let dom = try Chromium.dumpDOM(index)
    try Chromium.screenshot(index, to: Self.folder.appendingPathComponent("index.png"))
    // The script ran (the policy allowed it by its hash) and made every column header a button.
    #expect(dom.contains("<table id=\"score-table\" class=\"sortable\" data-sortable=\"ready\">"))
    let headers = dom.components(separatedBy: "<th scope=\"col\"").count - 1
    #expect(headers >= 7)
    // Every header of the score table, not the two of the histogram's table.
    #expect(dom.components(separatedBy: "<button type=\"button\">").count - 1 == headers - 2)
    for row in rows {
      if let page = row.page {
        #expect(dom.contains("<a href=\"\(page)\">\(row.path)</a>"), "\(row.path)")
        #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(page).path))
      }
    }
    #expect(dom.contains("<svg class=\"histogram\""))
  }

  @Test func sortScriptSortsAnyColumnBothWays() throws {
    let criteria = [BatchIndex.Criterion(id: "star.task", score: 1, detected: true, feedback: "")]
    let index = BatchIndex(rows: [
      BatchIndex.Row(path: "bravo.md", page: nil, score: Report.Score(total: 40, level: "weak"), criteria: criteria),
      BatchIndex.Row(path: "alpha.md", failure: "alpha.md: error: unreadable"),
      BatchIndex.Row(path: "charlie.md", page: nil, score: Report.Score(total: 90, level: "great"), criteria: criteria),
      BatchIndex.Row(path: "delta.md", page: nil, score: Report.Score(total: 40, level: "weak"), criteria: criteria),
    ])
    // The page without its policy, and a harness after its script that clicks headers and records the order.
    let harness = """
      <script>
      (function () {
        var buttons = document.querySelectorAll("#score-table thead button");
        function order() {
          return Array.prototype.map.call(document.querySelectorAll("#score-table tbody tr"), function (row) {
            return row.cells[0].textContent;
          }).join("|");
        }
        document.body.setAttribute("data-initial", order());
        buttons[0].click();
        document.body.setAttribute("data-answer", order());
        buttons[0].click();
        document.body.setAttribute("data-answer-again", order());
        buttons[1].click();
        document.body.setAttribute("data-total", order());
        buttons[1].click();
        document.body.setAttribute("data-total-again", order());
        document.body.setAttribute("data-status", document.getElementById("sort-status").textContent);
      }());
      </script>
      </body>
      """
    let html = index.html().replacing(#/<meta http-equiv="Content-Security-Policy"[^>]*>\n/#, with: "")
      .replacingOccurrences(of: "</body>", with: harness)
    let dom = try Chromium.dumpDOM(try write(html, "sort-harness"))
    #expect(dom.contains("data-initial=\"charlie.md|bravo.md|delta.md|alpha.md\""))
    #expect(dom.contains("data-answer=\"alpha.md|bravo.md|charlie.md|delta.md\""))
    #expect(dom.contains("data-answer-again=\"delta.md|charlie.md|bravo.md|alpha.md\""))
    #expect(dom.contains("data-total=\"charlie.md|bravo.md|delta.md|alpha.md\""))
    #expect(dom.contains("data-total-again=\"bravo.md|delta.md|charlie.md|alpha.md\""))
    #expect(dom.contains("data-status=\"Sorted by Total, lowest first.\""))
  }
}
