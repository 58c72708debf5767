import AnswerEvalText
import Foundation

/// The report as one self-contained HTML page, for people: the score and level, the criteria, the missing
/// elements as a checklist, the answer with its STAR sections shaded, bordered and labelled and its evidence
/// highlighted (`<mark>`) with the feedback beside it, all the feedback, and the quantities found.
///
/// The page has no script and loads nothing: its CSS is inline and its Content-Security-Policy allows only
/// that style. It works without JavaScript (evidence and notes link to each other with plain anchors),
/// prints readably (`@media print`: one column, no navigation, borders and labels kept), uses colours that
/// reach WCAG AA contrast (``HTMLPalette``), and has `lang`, headings and landmarks (`header`, `nav`, `main`,
/// `aside`, `footer`). Sections are never told apart by colour alone: each has a visible label and its own
/// border style (situation solid, task double, action dashed, result dotted, reflection bracketed).
///
/// The answer is rendered from the original text at the report's Unicode-scalar offsets exactly: a mark
/// holds precisely the text of its span, and the answer's text in the page, labels and note numbers aside,
/// is the original text (line breaks as line feeds; the line break that a section's box already ends is
/// kept but hidden). Every piece of text from the answer or the report is escaped (``HTML/escape(_:)``), so
/// an answer containing `<script>alert(1)</script>` shows those characters and runs nothing.
///
/// ```html
/// <div class="star star-result" role="group" aria-labelledby="sec-4">
/// <p class="star-label" id="sec-4"><span class="star-name">Result</span> …</p>
/// <div class="star-text"><mark class="evidence" id="e4">Result: p95 latency fell …</mark><a class="ref" …>4</a></div>
/// </div>
/// ```
extension Report {
  /// One page for several reports (one `<article>` each), or for one report (`reports.count == 1`).
  /// - Parameter answers: the analyzed answer of each report (same order), or nil for a report without one.
  static func htmlDocument(_ reports: [Report], answers: [AnalyzedText?]) -> String {
    precondition(answers.count == reports.count, "one answer (or nil) per report")
    let single = reports.count == 1
    let pages = reports.indices.map {
      ReportHTML(report: reports[$0], answer: answers[$0], idPrefix: single ? "" : "r\($0 + 1)-", level: single ? 2 : 3)
    }
    var body = "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<header>\n"
    body += "<p class=\"kicker\">answer-eval report</p>\n"
    let title: String
    if let page = pages.first, single {
      title = page.report.htmlTitle
      body += "<h1>\(HTML.line(page.report.source.path))</h1>\n" + page.summary
      body += page.navigation(label: "Parts of the report")
    } else {
      title = "\(count(reports.count, "answer report")) — answer-eval"
      body += "<h1>\(count(reports.count, "answer report"))</h1>\n"
      if !pages.isEmpty {
        body += "<nav aria-label=\"Reports\">\n<ul>\n"
        body += pages.map { "<li><a href=\"#\($0.idPrefix)report\">\(HTML.line($0.report.source.path))</a></li>\n" }
          .joined()
        body += "</ul>\n</nav>\n"
      }
    }
    body += "</header>\n<main id=\"main\">\n"
    for page in pages {
      if single {
        body += page.parts
      } else {
        body += "<article id=\"\(page.idPrefix)report\" aria-labelledby=\"\(page.idPrefix)title\">\n<header>\n"
        body += "<h2 id=\"\(page.idPrefix)title\">\(HTML.line(page.report.source.path))</h2>\n" + page.summary
        body += "</header>\n" + page.parts + "</article>\n"
      }
    }
    body += "</main>\n<footer>\n<p>Made by answer-eval from \(reports.count == 1 ? "a report" : "reports") of schema "
    body += "<code>\(Report.schemaID)</code>. This page runs no scripts and loads nothing from the network.</p>\n"
    body += "</footer>\n"
    return HTML.document(title: title, style: HTML.baseStyle + reportStyle, body: body)
  }

  /// `path — 82.5/100, strong — answer-eval`.
  fileprivate var htmlTitle: String {
    let path = TextLayout.visible(source.path)
    guard let score else { return "\(path) — answer-eval" }
    return "\(path) — \(number(score.total))/100, \(TextLayout.visible(score.level)) — answer-eval"
  }

  /// The CSS of report pages (after ``HTML/baseStyle``).
  static let reportStyle: String = {
    var css = """
      .score { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 1rem; margin: 0.5rem 0; }
      .score p { margin: 0; }
      .total { font-size: 2rem; font-weight: 700; }
      .total .outof { font-size: 1rem; font-weight: 400; color: \(HTMLPalette.mutedText); }
      .level { font-size: 1.15rem; }
      .meter { display: block; }
      .checklist { list-style: none; padding: 0; }
      .checklist li { display: flex; gap: 0.6rem; align-items: baseline; margin: 0.4rem 0; }
      .box { flex: none; display: inline-block; width: 1rem; height: 1rem; border: 2px solid \(HTMLPalette.text);
        border-radius: 0.15rem; position: relative; top: 0.15rem; }
      .legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0; }
      .legend li { padding: 0 0.5rem; }
      .answer-layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); gap: 1.5rem;
        align-items: start; }
      .answer-layout.single { grid-template-columns: minmax(0, 1fr); }
      .answer-text { line-height: 1.65; }
      .star-text, .plain { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
      .plain { padding: 0 0.85rem; }
      .star { margin: 0.6rem 0; padding: 0.35rem 0.75rem 0.6rem; border-left-width: 6px; }
      .star-label { margin: 0 0 0.3rem; font-size: 0.875rem; }
      .star-name { display: inline-block; padding: 0 0.45rem; border-radius: 0.2rem; font-weight: 700;
        color: \(HTMLPalette.background); }
      .star-where { color: \(HTMLPalette.mutedText); }
      mark.evidence { background: \(HTMLPalette.markBackground); color: \(HTMLPalette.text);
        text-decoration: underline 2px \(HTMLPalette.markUnderline); text-underline-offset: 0.2em;
        padding: 0.05em 0; }
      mark.evidence mark.evidence { background: \(HTMLPalette.markNestedBackground);
        text-decoration-style: double; }
      mark.evidence:target, .notes li:target { outline: 3px solid \(HTMLPalette.link); outline-offset: 1px; }
      .ref { font-size: 0.75em; vertical-align: super; line-height: 0; margin: 0 0.1em; font-weight: 700;
        text-decoration: none; }
      .ref::before { content: "["; }
      .ref::after { content: "]"; }
      .notes { border-left: 1px solid \(HTMLPalette.rule); padding-left: 1rem; }
      .notes h3 { margin-top: 0.5rem; }
      .notes ol { padding-left: 1.5rem; margin: 0; }
      .notes > ol > li { margin: 0 0 0.9rem; padding: 0.1rem 0.25rem; }
      .notes ul, .feedback-list { list-style: none; padding: 0; margin: 0.25rem 0 0; }
      .notes ul li, .feedback-list li { margin: 0.3rem 0; }
      .note-where { margin: 0; }
      @media (max-width: 50rem) { .answer-layout { grid-template-columns: minmax(0, 1fr); } }
      @media print {
        .answer-layout { display: block; }
        .notes { border-left: 0; padding-left: 0; }
        .star, .star-name, mark.evidence { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .star { break-inside: avoid-page; }
      }

      """
    for label in Report.Section.Label.allCases {
      let colors = HTMLPalette.colors(label)
      let style = HTMLPalette.borderStyle(label)
      var border = "border-left: 6px \(style) \(colors.strong);"
      if label == .reflection { border += " border-right: 6px \(style) \(colors.strong);" }
      css += ".star-\(label) { background: \(colors.tint); \(border) }\n"
      css += ".star-\(label) .star-name { background: \(colors.strong); }\n"
      css += ".legend .star-\(label) { border-left-width: 6px; }\n"
    }
    return css
  }()
}

/// The parts of one report's page. Ids start with `idPrefix`, so several reports can share a page; the
/// report's parts use headings of `level` (and `level + 1` inside them).
private struct ReportHTML {
  let report: Report
  let answer: AnalyzedText?
  let idPrefix: String
  let level: Int
  /// The evidence marked in the answer, numbered from 1 in text order (empty without the answer).
  let evidence: [Evidence]

  /// One distinct evidence span: its scalar range in the text, its span, and the notes shown beside it.
  struct Evidence {
    var range: Range<Int>
    var span: Span
    var notes: [Note]
  }

  /// Feedback about one evidence span: a feedback item (with its severity) or a criterion it is evidence of.
  struct Note {
    var criterion: String
    var message: String
    var severity: Report.Feedback.Severity?
  }

  init(report: Report, answer: AnalyzedText?, idPrefix: String, level: Int) {
    self.report = report
    self.answer = answer
    self.idPrefix = idPrefix
    self.level = level
    self.evidence = answer.map { Self.evidence(of: report, count: $0.text.unicodeScalars.count) } ?? []
  }

  /// The distinct spans of the criteria's evidence and the feedback, clamped to the text, in text order
  /// (longer first when they start together), each with its notes.
  private static func evidence(of report: Report, count: Int) -> [Evidence] {
    var byRange: [Range<Int>: Evidence] = [:]
    func add(_ span: Span, _ note: Note) {
      let lower = min(max(span.start, 0), count)
      let range = lower..<min(max(span.end, lower), count)
      guard !range.isEmpty else { return }
      var entry = byRange[range] ?? Evidence(range: range, span: span, notes: [])
      // A criterion's feedback is usually also a feedback item on its first evidence: show it once.
      if !entry.notes.contains(where: { $0.criterion == note.criterion && $0.message == note.message }) {
        entry.notes.append(note)
      }
      byRange[range] = entry
    }
    for item in report.feedback {
      if let span = item.span {
        add(span, Note(criterion: item.criterion, message: item.message, severity: item.severity))
      }
    }
    for criterion in report.criteria {
      for span in criterion.evidence {
        add(span, Note(criterion: criterion.id, message: criterion.feedback, severity: nil))
      }
    }
    return byRange.values.sorted {
      ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound)
    }
  }

  /// The number of the evidence for exactly this span, if it is marked.
  private func evidenceNumber(_ span: Span) -> Int? {
    evidence.firstIndex { $0.range == span.start..<span.end }.map { $0 + 1 }
  }

  private func heading(_ id: String, _ text: String, level: Int? = nil) -> String {
    let level = level ?? self.level
    return "<h\(level) id=\"\(idPrefix)\(id)\">\(text)</h\(level)>\n"
  }

  // MARK: Summary and navigation

  /// The score, its level and a meter, then the rubric and the text statistics.
  var summary: String {
    var out = "<div class=\"score\">\n"
    if let score = report.score {
      let total = min(max(score.total, 0), 100)
      out += "<p class=\"total\">\(number(score.total))<span class=\"outof\">/100</span></p>\n"
      out += "<p class=\"level\">Level: <strong>\(HTML.line(score.level))</strong></p>\n"
      out += "<svg class=\"meter\" width=\"200\" height=\"12\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" "
      out += "aria-hidden=\"true\" focusable=\"false\">"
      out += "<rect x=\"0\" y=\"0\" width=\"100\" height=\"6\" fill=\"\(HTMLPalette.surface)\" "
      out += "stroke=\"\(HTMLPalette.rule)\" stroke-width=\"0.5\"/>"
      out += "<rect x=\"0\" y=\"0\" width=\"\(number(total))\" height=\"6\" fill=\"\(HTMLPalette.bar)\"/></svg>\n"
    }
    out += "</div>\n<p class=\"muted\">"
    if let rubric = report.rubric {
      out += "Rubric <code>\(HTML.line(rubric.id))</code> \(HTML.line(rubric.version)) · "
    }
    out += "\(report.statistics.replacingOccurrences(of: ", ", with: " · "))</p>\n"
    if !report.isGraded { out += "<p><strong>\(Report.notGradedMessage)</strong></p>\n" }
    return out
  }

  /// The parts a report's page can have, in page order; the raw value is the part's id.
  enum Part: String {
    case criteria, missing, answer, sections, feedback, quantities

    var title: String {
      switch self {
      case .criteria: return "Criteria"
      case .missing: return "Missing elements"
      case .answer: return "Answer"
      case .sections: return "Sections"
      case .feedback: return "Feedback"
      case .quantities: return "Quantities"
      }
    }
  }

  /// Links to the parts of the page that are present.
  func navigation(label: String) -> String {
    let links = presentParts.map { "<li><a href=\"#\(idPrefix)\($0.rawValue)\">\($0.title)</a></li>\n" }.joined()
    return links.isEmpty ? "" : "<nav aria-label=\"\(label)\">\n<ul>\n\(links)</ul>\n</nav>\n"
  }

  /// The parts this report has: the answer when it is given, else a table of its sections.
  private var presentParts: [Part] {
    var parts: [Part] = []
    if !report.criteria.isEmpty { parts.append(.criteria) }
    if report.isGraded { parts.append(.missing) }
    if answer != nil {
      parts.append(.answer)
    } else if !report.sections.isEmpty {
      parts.append(.sections)
    }
    if !report.feedback.isEmpty { parts.append(.feedback) }
    if !report.quantities.isEmpty { parts.append(.quantities) }
    return parts
  }

  /// Every part of the report, each a `<section>` with a heading.
  var parts: String {
    presentParts.map { part in
      let content: String
      switch part {
      case .criteria: content = criteriaTable
      case .missing: content = missingChecklist
      case .answer: content = answerPart
      case .sections: content = sectionsTable
      case .feedback: content = feedbackPart
      case .quantities: content = quantitiesTable
      }
      return "<section id=\"\(idPrefix)\(part.rawValue)\" aria-labelledby=\"\(idPrefix)\(part.rawValue)-h\">\n"
        + heading("\(part.rawValue)-h", part.title) + content + "</section>\n"
    }.joined()
  }

  // MARK: Criteria, missing elements, sections

  private var criteriaTable: String {
    var out = "<table>\n<caption>Each criterion of the rubric: whether it was detected, its score (0 to 1), "
    out += "its weight in the total, its feedback and its evidence.</caption>\n<thead>\n<tr>"
    out +=
      "<th scope=\"col\">Criterion</th><th scope=\"col\">Detected</th><th scope=\"col\" class=\"number\">Score</th>"
    out +=
      "<th scope=\"col\" class=\"number\">Weight</th><th scope=\"col\">Feedback</th><th scope=\"col\">Evidence</th>"
    out += "</tr>\n</thead>\n<tbody>\n"
    for criterion in report.criteria {
      out += "<tr><th scope=\"row\"><code>\(HTML.identifier(criterion.id))</code></th>"
      out += "<td>\(criterion.detected ? "● yes" : "○ no")</td><td class=\"number\">\(fixed(criterion.score))</td>"
      out += "<td class=\"number\">\(number(criterion.weight))</td><td>\(HTML.escape(criterion.feedback))</td><td>"
      out += criterion.evidence.map(excerptLink).joined(separator: "<br/>")
      out += "</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// The criteria that were not detected (pitfalls aside: an undetected pitfall is good news), each an
  /// unticked box with its feedback.
  private var missingChecklist: String {
    let missing = report.criteria.filter { !$0.detected && !$0.id.hasPrefix("pitfall.") }
    guard !missing.isEmpty else {
      return "<p>Nothing is missing: every element the rubric looks for was found.</p>\n"
    }
    var out = "<p>What the rubric looks for and did not find, to add to the answer:</p>\n<ul class=\"checklist\">\n"
    for criterion in missing {
      out += "<li><span class=\"box\" aria-hidden=\"true\"></span><span><span class=\"visually-hidden\">Missing: "
      out += "</span><code>\(HTML.line(criterion.id))</code> — \(HTML.escape(criterion.feedback))</span></li>\n"
    }
    return out + "</ul>\n"
  }

  /// The sections as a table, for a page without the answer.
  private var sectionsTable: String {
    var out = "<table>\n<caption>The STAR sections found in the answer.</caption>\n<thead>\n<tr>"
    out +=
      "<th scope=\"col\">Section</th><th scope=\"col\">Where</th><th scope=\"col\" class=\"number\">Confidence</th>"
    out += "<th scope=\"col\">Text</th></tr>\n</thead>\n<tbody>\n"
    for section in report.sections {
      out += "<tr><th scope=\"row\">\(section.label.title)</th><td>\(range(section.span))</td>"
      out += "<td class=\"number\">\(fixed(section.confidence))</td><td>\(quote(section.span.text))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  // MARK: The answer

  private var answerPart: String {
    guard let answer else { return "" }
    let scalars = Array(answer.text.unicodeScalars)
    let sections = AnswerListing(report: report, answer: answer).clampedSections(count: scalars.count)
    var out = "<p class=\"muted\">"
    if !sections.isEmpty {
      out += "Each STAR section is shaded, labelled and drawn with its own border. "
    }
    out +=
      evidence.isEmpty
      ? "No evidence is marked in this answer."
      : "Highlighted text is evidence; the number after it links to its note in “Evidence and feedback”."
    out += "</p>\n"
    let labels = Report.Section.Label.allCases.filter { label in sections.contains { $0.label == label } }
    if !labels.isEmpty {
      out += "<ul class=\"legend\" aria-label=\"Section styles\">\n"
      for label in labels {
        out += "<li class=\"star-\(label)\">\(label.title): \(HTMLPalette.borderStyle(label)) border"
        out += "\(label == .reflection ? "s on both sides" : "")</li>\n"
      }
      out += "</ul>\n"
    }
    out += "<div class=\"answer-layout\(evidence.isEmpty ? " single" : "")\">\n"
    out += "<div class=\"answer-text\" id=\"\(idPrefix)answer-text\">\n"
    // The text cut into blocks: each section, and the text between sections.
    var blocks: [(range: Range<Int>, label: Report.Section.Label?)] = []
    var position = 0
    for section in sections {
      if position < section.range.lowerBound { blocks.append((position..<section.range.lowerBound, nil)) }
      blocks.append((section.range, section.label))
      position = section.range.upperBound
    }
    if position < scalars.count || blocks.isEmpty { blocks.append((position..<scalars.count, nil)) }
    var afterSection = false
    var sectionNumber = 0
    for block in blocks {
      let hiddenEnd =
        afterSection && block.label == nil ? Self.impliedBreakEnd(scalars, block.range) : block.range.lowerBound
      if let label = block.label {
        sectionNumber += 1
        let labelID = "\(idPrefix)sec-\(sectionNumber)"
        let section = report.sections.first {
          $0.label == label && $0.span.start < block.range.upperBound && $0.span.end > block.range.lowerBound
        }
        out += "<div class=\"star star-\(label)\" role=\"group\" aria-labelledby=\"\(labelID)\">\n"
        out += "<p class=\"star-label\" id=\"\(labelID)\"><span class=\"star-name\">\(label.title)</span>"
        if let section {
          out += " <span class=\"star-where\">\(range(section.span)) · confidence \(fixed(section.confidence))</span>"
        }
        out += "</p>\n<div class=\"star-text\">"
        out += inline(scalars, block.range, hiddenEnd: hiddenEnd) + "</div>\n</div>\n"
      } else {
        out += "<div class=\"plain\">" + inline(scalars, block.range, hiddenEnd: hiddenEnd) + "</div>\n"
      }
      afterSection = block.label != nil
    }
    out += "</div>\n"
    if !evidence.isEmpty { out += notes }
    return out + "</div>\n"
  }

  /// Where the line break a section's box already ends stops: spaces and tabs, then one line break (LF,
  /// CRLF or CR), at the start of the text after a section. When nothing but spaces and tabs would be left,
  /// the whole range.
  private static func impliedBreakEnd(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
    var i = range.lowerBound
    while i < range.upperBound && (scalars[i] == " " || scalars[i] == "\t") { i += 1 }
    if i < range.upperBound && scalars[i] == "\r" {
      i += 1
      if i < range.upperBound && scalars[i] == "\n" { i += 1 }
    } else if i < range.upperBound && scalars[i] == "\n" {
      i += 1
    }
    let rest = scalars[i..<range.upperBound]
    return rest.allSatisfy { $0 == " " || $0 == "\t" } ? range.upperBound : i
  }

  /// The text of `range` with its evidence marked: `<mark>` elements nested by containment, cut and reopened
  /// where marks cross (only the first piece of a mark carries its id), each followed where it ends by a
  /// numbered link to its notes. Text before `hiddenEnd` is kept but hidden.
  private func inline(_ scalars: [Unicode.Scalar], _ range: Range<Int>, hiddenEnd: Int) -> String {
    let marks = evidence.indices.filter { evidence[$0].range.overlaps(range) }
    var cuts = Set([range.lowerBound, range.upperBound, hiddenEnd])
    for index in marks {
      cuts.insert(max(evidence[index].range.lowerBound, range.lowerBound))
      cuts.insert(min(evidence[index].range.upperBound, range.upperBound))
    }
    let points = cuts.sorted()
    var out = ""
    var open: [Int] = []  // evidence indices, outermost first
    /// Closes the open marks from the first that ends at `position` (or all), links each mark that ends
    /// there to its notes, and returns the closed marks that go on.
    func close(at position: Int, all: Bool) -> [Int] {
      guard let from = open.firstIndex(where: { all || evidence[$0].range.upperBound == position }) else { return [] }
      let closing = open[from...]
      open.removeSubrange(from...)
      out += String(repeating: "</mark>", count: closing.count)
      for index in closing.sorted() where evidence[index].range.upperBound == position {
        out += "<a class=\"ref\" href=\"#\(idPrefix)n\(index + 1)\" aria-label=\"note \(index + 1)\">\(index + 1)</a>"
      }
      return closing.filter { evidence[$0].range.upperBound != position }
    }
    for (a, b) in zip(points, points.dropFirst()) {
      _ = close(at: a, all: false)
      // Open (or reopen) every mark that covers `a`, the one that ends last outermost.
      let opening = marks.filter { !open.contains($0) && evidence[$0].range.contains(a) }
      for index in opening.sorted(by: { (-evidence[$0].range.upperBound, $0) < (-evidence[$1].range.upperBound, $1) }) {
        let first = evidence[index].range.lowerBound == a
        out += first ? "<mark class=\"evidence\" id=\"\(idPrefix)e\(index + 1)\">" : "<mark class=\"evidence\">"
        open.append(index)
      }
      let text = HTML.escape(String(String.UnicodeScalarView(scalars[a..<b])))
      out += b <= hiddenEnd ? "<span class=\"joint\" hidden=\"hidden\">\(text)</span>" : text
    }
    _ = close(at: range.upperBound, all: true)
    return out
  }

  /// The notes beside the answer: one per evidence span, with its place, its text and its feedback.
  private var notes: String {
    var out = "<aside class=\"notes\" aria-labelledby=\"\(idPrefix)notes-h\">\n"
    out += heading("notes-h", "Evidence and feedback", level: level + 1) + "<ol>\n"
    for (index, item) in evidence.enumerated() {
      out += "<li id=\"\(idPrefix)n\(index + 1)\"><p class=\"note-where\">"
      out += "<a href=\"#\(idPrefix)e\(index + 1)\">\(excerpt(item.span))</a></p>\n<ul>\n"
      for note in item.notes {
        out += "<li>\(badge(note.severity)) <code>\(HTML.line(note.criterion))</code>"
        out += note.message.isEmpty ? "" : ": \(HTML.escape(note.message))"
        out += "</li>\n"
      }
      out += "</ul>\n</li>\n"
    }
    return out + "</ol>\n</aside>\n"
  }

  // MARK: Feedback and quantities

  private var feedbackPart: String {
    var out = ""
    let groups: [(Report.Feedback.Severity, String)] = [
      (.warning, "Warnings"), (.suggestion, "Suggestions"), (.strength, "Strengths"),
    ]
    for (severity, title) in groups {
      let items = report.feedback.filter { $0.severity == severity }
      if items.isEmpty { continue }
      out += heading("feedback-\(severity)", title, level: level + 1) + "<ul class=\"feedback-list\">\n"
      for item in items {
        out += "<li>\(badge(severity)) <code>\(HTML.line(item.criterion))</code>: \(HTML.escape(item.message))"
        if let span = item.span { out += " <span class=\"muted\">(\(excerptLink(span)))</span>" }
        out += "</li>\n"
      }
      out += "</ul>\n"
    }
    return out
  }

  private var quantitiesTable: String {
    var out = "<table>\n<caption>Quantities found in the answer; impact ones measure an outcome or the scale of "
    out += "the work.</caption>\n<thead>\n<tr><th scope=\"col\">Where</th><th scope=\"col\">Text</th>"
    out += "<th scope=\"col\">Kind</th><th scope=\"col\" class=\"number\">Value</th><th scope=\"col\">Impact</th>"
    out += "</tr>\n</thead>\n<tbody>\n"
    for quantity in report.quantities {
      out += "<tr><td>\(location(quantity.span))</td><th scope=\"row\">\(HTML.line(quantity.text))</th>"
      out += "<td>\(HTML.line(quantity.kind))</td><td class=\"number\">\(HTML.line(quantity.shownValue))</td>"
      out += "<td>\(HTML.line(quantity.shownImpact))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  // MARK: Pieces

  /// `✓ Strength`, `→ Suggestion`, `! Warning`, or `Evidence` for a criterion's own evidence.
  private func badge(_ severity: Report.Feedback.Severity?) -> String {
    switch severity {
    case .strength: return "<span class=\"badge strength\"><span aria-hidden=\"true\">✓ </span>Strength</span>"
    case .suggestion: return "<span class=\"badge suggestion\"><span aria-hidden=\"true\">→ </span>Suggestion</span>"
    case .warning: return "<span class=\"badge warning\"><span aria-hidden=\"true\">! </span>Warning</span>"
    case nil: return "<span class=\"badge evidence\">Evidence</span>"
    }
  }

  /// `6:9 “p95 latency fell…”`, escaped.
  private func excerpt(_ span: Span) -> String { "\(location(span)) \(quote(span.text))" }

  /// The excerpt of a span, linked to its mark in the answer when it is marked.
  private func excerptLink(_ span: Span) -> String {
    guard let number = evidenceNumber(span) else { return excerpt(span) }
    return "<a href=\"#\(idPrefix)e\(number)\">\(excerpt(span))</a>"
  }

  /// `“text”`, on one line, cut to 60 columns and escaped.
  private func quote(_ text: String) -> String {
    "“" + HTML.escape(TextLayout.truncated(TextLayout.visible(text), width: 60)) + "”"
  }
}

extension Report.Section.Label {
  /// `Situation`, `Task`, …
  var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
