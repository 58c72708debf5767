import AnswerEvalText
import AnswerEvalXML
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

@Suite struct ReportHTMLTests {
  private func render(_ report: Report, answer: AnalyzedText? = nil) throws -> String {
    try ReportFormat.html.render(report, answer: answer)
  }

  private func synthetic() throws -> String {
    try render(try SyntheticReport.report(), answer: try SyntheticReport.answer())
  }

  private func graded(_ text: String, source: String = "a.md") throws -> Grader.Graded {
    try Grader().grade(bytes: Array(text.utf8), source: source)
  }

  /// A report on `text` whose only content is evidence spans (`criterion` → scalar ranges).
  private func evidenceReport(_ text: String, _ evidence: [(String, [Range<Int>])]) throws -> (Report, AnalyzedText) {
    let answer = try graded(text).text
    var report = Report(statisticsOf: answer)
    let scalars = Array(text.unicodeScalars)
    report.criteria = evidence.map { id, ranges in
      Report.Criterion(
        id: id, detected: true, score: 1, weight: 1,
        evidence: ranges.map {
          Span(
            start: $0.lowerBound, end: $0.upperBound, line: 1, column: $0.lowerBound + 1,
            text: String(String.UnicodeScalarView(scalars[$0])))
        }, feedback: "About \(id).")
    }
    return (report, answer)
  }

  // MARK: The page

  @Test func pageIsWellFormedSelfContainedAndHasLandmarks() throws {
    let html = try synthetic()
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"))
    for landmark in [
      "<header>", "<nav aria-label=\"Parts of the report\">", "<main id=\"main\">", "<aside ", "<footer>",
    ] {
      #expect(html.contains(landmark), "\(landmark)")
    }
    #expect(html.contains("<h1>Fixtures/reports/synthetic.md</h1>"))
    for external in ["http:", "https:", "src=", "<link", "url(", "@import", "<script"] {
      #expect(!html.contains(external), "\(external)")
    }
    #expect(html.contains("@media print"))
  }

  @Test func policyAllowsOnlyTheInlineStyle() throws {
    let html = try synthetic()
    let style = try #require(html.firstMatch(of: #/<style>(.*?)</style>/#.dotMatchesNewlines())?.output.1)
    #expect(
      html.contains(
        "content=\"default-src 'none'; style-src 'sha256-\(SHA256.base64(String(style)))'; script-src 'none'; "
          + "img-src 'none'; base-uri 'none'; form-action 'none'\""))
  }

  @Test func idsAreUnique() throws {
    let ids = HTMLText.ids(try synthetic())
    #expect(ids.count == Set(ids).count)
    #expect(ids.contains("e1") && ids.contains("n1") && ids.contains("criteria"))
  }

  @Test func scoreLevelAndStatistics() throws {
    let html = try synthetic()
    #expect(html.contains("<p class=\"total\">82.5<span class=\"outof\">/100</span></p>"))
    #expect(html.contains("<p class=\"level\">Level: <strong>strong</strong></p>"))
    #expect(
      html.contains(
        "<p class=\"muted\">Rubric <code>default</code> 1 · 70 words · 5 sentences · 2 paragraphs · 379 characters</p>")
    )
    #expect(html.contains("<title>Fixtures/reports/synthetic.md — 82.5/100, strong — answer-eval</title>"))
  }

  @Test func criteriaTable() throws {
    let html = try synthetic()
    #expect(
      html.contains(
        "<tr><th scope=\"row\"><code>star.<wbr/>action</code></th><td>● yes</td><td class=\"number\">0.75</td>"
          + "<td class=\"number\">1.5</td><td>Your own actions are clear; say how you rolled the cache out.</td>"
          + "<td><a href=\"#e2\">4:9 “I weighed caching against a read replica”</a><br/>"
          + "<a href=\"#e3\">4:51 “I chose the cache”</a></td></tr>"))
  }

  // MARK: Sections and evidence

  @Test func sectionsAreLabelledAndBordered() throws {
    let html = try synthetic()
    for label in Report.Section.Label.allCases {
      #expect(html.contains("<div class=\"star star-\(label)\" role=\"group\""), "\(label)")
      #expect(html.contains("<span class=\"star-name\">\(label.title)</span>"), "\(label)")
    }
    #expect(
      html.contains("<span class=\"star-name\">Action</span> <span class=\"star-where\">4:1-5:50 · confidence 0.90"))
    // Each section has its own border (style, or a second side), so colour is never the only difference.
    let borders = Report.Section.Label.allCases.map { label in
      html.firstMatch(of: try! Regex(".star-\(label.rawValue) \\{ background: #[0-9a-f]+; ([^}]*)\\}"))
        .map { String($0.output[1].substring ?? "").replacing(#/#[0-9a-f]{6}/#, with: "") }
    }
    #expect(borders.allSatisfy { $0 != nil })
    #expect(Set(borders).count == Report.Section.Label.allCases.count)
  }

  @Test func evidenceMarksHoldExactlyTheirSpans() throws {
    let report = try SyntheticReport.report()
    let html = try synthetic()
    let spans = Set(report.criteria.flatMap(\.evidence) + report.feedback.compactMap(\.span))
      .sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
    #expect(spans.count == 6)
    for (index, span) in spans.enumerated() {
      #expect(HTMLText.markText(html, number: index + 1) == span.text, "mark \(index + 1)")
    }
  }

  @Test func answerTextIsTheOriginalText() throws {
    let answer = try SyntheticReport.answer()
    #expect(HTMLText.answerText(try synthetic()) == answer.text)
  }

  @Test(arguments: GoldenTests.answers) func fixtureAnswerTextIsTheOriginalText(_ file: String) throws {
    let relative = "Fixtures/answers/\(file)"
    let graded = try Grader().grade(bytes: Array(try Data(contentsOf: Repository.url(relative))), source: relative)
    let html = try render(graded.report, answer: graded.text)
    // As an HTML parser reads it: line breaks as LF, characters HTML cannot carry made visible.
    #expect(HTMLText.answerText(html) == HTMLText.unescape(HTML.escape(graded.text.text)))
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
    // Marks are numbered in text order, the longer first when two start together.
    for (index, span) in Set(graded.report.criteria.flatMap(\.evidence))
      .sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }).enumerated()
    {
      let marked = try #require(HTMLText.markText(html, number: index + 1))
      let expected = HTMLText.unescape(HTML.escape(span.text))
      let inside = { (position: Int) in position > span.start && position < span.end }
      if graded.report.sections.contains(where: { inside($0.span.start) || inside($0.span.end) }) {
        // A mark that crosses sections is cut at each section's box; the page's line breaks between the
        // boxes are not the text's, so compare every other character, in order.
        #expect(marked.filter { !$0.isWhitespace } == expected.filter { !$0.isWhitespace })
      } else {
        #expect(marked == expected)
      }
    }
  }

  @Test func spansStayExactBehindAMultibytePrefix() throws {
    let text = multibytePrefix + "We cut costs by 20% in Q3."
    let offset = multibytePrefix.unicodeScalars.count
    let (report, answer) = try evidenceReport(text, [("quantification", [(offset + 16)..<(offset + 19)])])
    let html = try render(report, answer: answer)
    #expect(HTMLText.markText(html, number: 1) == "20%")
    #expect(html.contains("Ünïcödé 👩🏽‍💻 — We cut costs by <mark class=\"evidence\" id=\"e1\">20%</mark>"))
  }

  @Test func overlappingEvidenceIsCutAndReopened() throws {
    let (report, answer) = try evidenceReport("abcdefghijklmnopqrst", [("one", [0..<10]), ("two", [5..<15])])
    let html = try render(report, answer: answer)
    #expect(
      html.contains(
        "<div class=\"plain\"><mark class=\"evidence\" id=\"e1\">abcde<mark class=\"evidence\" id=\"e2\">fghij</mark>"
          + "</mark><a class=\"ref\" href=\"#n1\" aria-label=\"note 1\">1</a><mark class=\"evidence\">klmno</mark>"
          + "<a class=\"ref\" href=\"#n2\" aria-label=\"note 2\">2</a>pqrst</div>"))
    #expect(HTMLText.markText(html, number: 2) == "fghijklmno")
  }

  @Test func nestedEvidenceStaysNested() throws {
    let (report, answer) = try evidenceReport("abcdefghij", [("outer", [0..<10]), ("inner", [2..<4, 2..<4])])
    let html = try render(report, answer: answer)
    #expect(
      html.contains(
        "<mark class=\"evidence\" id=\"e1\">ab<mark class=\"evidence\" id=\"e2\">cd</mark><a class=\"ref\" "
          + "href=\"#n2\" aria-label=\"note 2\">2</a>efghij</mark><a class=\"ref\" href=\"#n1\""))
  }

  @Test func notesBesideTheAnswerLinkBothWays() throws {
    let html = try synthetic()
    #expect(
      html.contains(
        "<li id=\"n4\"><p class=\"note-where\"><a href=\"#e4\">5:1 “at the cost of stale prices for up to 30 seconds”"
          + "</a></p>\n<ul>\n<li><span class=\"badge suggestion\"><span aria-hidden=\"true\">→ </span>Suggestion</span> "
          + "<code>tradeoff</code>: Say why stale prices for 30 seconds were acceptable to the business.</li>\n"
          + "<li><span class=\"badge evidence\">Evidence</span> <code>tradeoff</code>: Names both options and the cost "
          + "accepted.</li>\n</ul>\n</li>"))
    #expect(html.contains("<a class=\"ref\" href=\"#n4\" aria-label=\"note 4\">4</a>"))
  }

  @Test func feedbackIsGroupedAndLinked() throws {
    let html = try synthetic()
    let warnings = try #require(html.range(of: "<h3 id=\"feedback-warning\">Warnings</h3>"))
    let suggestions = try #require(html.range(of: "<h3 id=\"feedback-suggestion\">Suggestions</h3>"))
    let strengths = try #require(html.range(of: "<h3 id=\"feedback-strength\">Strengths</h3>"))
    #expect(warnings.lowerBound < suggestions.lowerBound && suggestions.lowerBound < strengths.lowerBound)
    #expect(
      html.contains(
        "<code>pitfall.too-short</code>: At 70 words the answer is short; interviewers expect about 200 to 400.</li>"))
    #expect(
      html.contains(
        "<code>star.result</code>: The result is measured: latency before and after, and the "
          + "change in abandoned carts. <span class=\"muted\">(<a href=\"#e5\">6:9 “p95 latency fell from 800ms to 120ms”</a>)"
      ))
  }

  @Test func quantitiesTable() throws {
    let html = try synthetic()
    #expect(
      html.contains(
        "<tr><td>6:31</td><th scope=\"row\">800ms</th><td>duration</td>"
          + "<td class=\"number\">800 ms, before</td><td>impact</td></tr>"))
    #expect(
      html.contains(
        "<tr><td>5:39</td><th scope=\"row\">30 seconds</th><td>duration</td>"
          + "<td class=\"number\">~0–30 s</td><td>impact</td></tr>"))
    #expect(
      html.contains(
        "<tr><td>6:10</td><th scope=\"row\">95</th><td>count</td><td class=\"number\">95</td>"
          + "<td>incidental: metric</td></tr>"))
  }

  // MARK: Missing elements

  @Test func missingElementsAreAChecklistWithoutPitfalls() throws {
    let plain = try Grader().grade(
      bytes: Array(try Data(contentsOf: Repository.url("Fixtures/answers/plain-prose.txt"))), source: "p.txt")
    let html = try render(plain.report, answer: plain.text)
    #expect(
      html.contains(
        "<ul class=\"checklist\">\n<li><span class=\"box\" aria-hidden=\"true\"></span><span><span "
          + "class=\"visually-hidden\">Missing: </span><code>star.task</code> — Say what your task was: the goal or "
          + "responsibility that was yours.</span></li>\n</ul>"))
    // The synthetic report's only undetected criterion is a pitfall: nothing is missing.
    #expect(try synthetic().contains("<p>Nothing is missing: every element the rubric looks for was found.</p>"))
  }

  // MARK: Escaping

  @Test func scriptInTheAnswerAndThePathIsText() throws {
    let text = "Situation: <script>alert(1)</script> & \"q\" 'a' <img src=x onerror=alert(2)>."
    let graded = try graded(text, source: "<b>x</b>&\"'.md")
    let html = try render(graded.report, answer: graded.text)
    #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39; &lt;img src=x"))
    #expect(html.contains("<h1>&lt;b&gt;x&lt;/b&gt;&amp;&quot;&#39;.md</h1>"))
    #expect(HTMLText.answerText(html) == text)
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
  }

  @Test func reportTextIsEscapedToo() throws {
    var report = try SyntheticReport.report()
    report.criteria[0].id = "<i>id</i>"
    report.feedback[0].message = "Use <b>bold</b> & \"more\""
    report.score?.level = "<u>great</u>"
    report.quantities[0].kind = "<kind>"
    let html = try render(report, answer: try SyntheticReport.answer())
    for tag in ["<i>", "<b>", "<u>", "<kind>"] { #expect(!html.contains(tag), "\(tag)") }
    #expect(html.contains("Use &lt;b&gt;bold&lt;/b&gt; &amp; &quot;more&quot;"))
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
  }

  @Test func controlCharactersBecomePictures() throws {
    let nonCharacter = String(Unicode.Scalar(0xFFFE as UInt32)!)
    let graded = try graded(
      "Cut costs by 20%\u{1}\u{2} in Q3. \u{1B}[31mred\u{7F} \(nonCharacter) \u{85}.", source: "c\u{7}.md")
    let html = try render(graded.report, answer: graded.text)
    #expect(html.contains("Cut costs by 20%␁␂ in Q3. ␛[31mred␡ \u{FFFD} \u{FFFD}."))
    #expect(html.contains("<h1>c␇.md</h1>"))
    let controls = html.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) || $0.value == 0xFFFE
    }
    #expect(controls.isEmpty)
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
  }

  @Test func lineBreaksBecomeLineFeeds() throws {
    let graded = try graded("One.\r\nTwo.\rThree.")
    let html = try render(graded.report, answer: graded.text)
    #expect(!html.contains("\r"))
    #expect(HTMLText.answerText(html) == "One.\nTwo.\nThree.")
  }

  // MARK: Other shapes

  @Test func withoutTheAnswerSectionsAreATable() throws {
    let html = try render(try SyntheticReport.report())
    #expect(!html.contains("<div class=\"answer-text\""))
    #expect(!html.contains("<mark"))
    #expect(
      html.contains(
        "<tr><th scope=\"row\">Task</th><td>2:1-2:41</td><td class=\"number\">1.00</td>"
          + "<td>“Task: I owned the fix and had two weeks.”</td></tr>"))
    #expect(html.contains("<td>4:9 “I weighed caching against a read replica”<br/>"))
  }

  @Test func notGradedShowsTheAnswerAndSaysSo() throws {
    let graded = try graded("We cut costs by 20%.")
    let html = try render(Report(statisticsOf: graded.text), answer: graded.text)
    #expect(html.contains("<p><strong>\(Report.notGradedMessage)</strong></p>"))
    #expect(!html.contains("id=\"missing\"") && !html.contains("id=\"criteria\""))
    #expect(
      html.contains(
        "<div class=\"answer-layout single\">\n<div class=\"answer-text\" id=\"answer-text\">\n"
          + "<div class=\"plain\">We cut costs by 20%.</div>"))
    #expect(html.contains("<title>a.md — answer-eval</title>"))
  }

  @Test func severalReportsShareOnePage() throws {
    let report = try SyntheticReport.report(), answer = try SyntheticReport.answer()
    let html = try ReportFormat.html.render([report, report], answers: [answer, answer])
    #expect(html.contains("<h1>2 answer reports</h1>"))
    #expect(html.components(separatedBy: "<article ").count == 3)
    #expect(html.contains("<article id=\"r2-report\" aria-labelledby=\"r2-title\">"))
    #expect(html.contains("<h3 id=\"r2-answer-h\">Answer</h3>"))
    let ids = HTMLText.ids(html)
    #expect(ids.count == Set(ids).count)
    #expect(HTMLText.answerText(html, id: "r2-answer-text") == answer.text)
    #expect(HTMLText.markText(html, number: 2, prefix: "r2-") == "I weighed caching against a read replica")
    #expect(XMLWellFormedness.issues(in: Array(html.utf8)) == [])
    #expect(XMLWellFormedness.issues(in: Array(try ReportFormat.html.render([Report]()).utf8)) == [])
  }
}
