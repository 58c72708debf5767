import Foundation

/// The overview page of a batch: every answer with its total, level and criterion scores in one table, the
/// distribution of the totals, and the elements most often missing — one self-contained HTML file.
///
/// The table is sorted on the page itself (highest total first, answers that could not be graded last), so
/// it is complete and readable without JavaScript; a tiny inline script, allowed by the page's
/// Content-Security-Policy through its SHA-256 and nothing else, turns the column headers into buttons that
/// sort by that column. The histogram is an inline SVG with a text description and the same figures as a
/// table. Paths, levels, criterion ids, messages and failure reasons are escaped like every text in
/// ``ReportFormat/html``; links are relative paths, percent-encoded.
///
/// ```swift
/// let grader = try Grader()
/// let graded = try grader.grade(bytes: Array(try Data(contentsOf: url)), source: "answers/a.md")
/// let index = BatchIndex(rows: [
///   BatchIndex.Row(path: "answers/a.md", page: "a.html", report: graded.report),
///   BatchIndex.Row(path: "answers/b.md", failure: "answers/b.md: error: [text.binary] not a text file"),
/// ])
/// try index.html().write(toFile: "reports/index.html", atomically: true, encoding: .utf8)
/// ```
public struct BatchIndex: Sendable, Equatable {
  /// One answer of the batch: graded (``score`` and ``criteria``) or failed (``failure``).
  public struct Row: Sendable, Equatable {
    /// The answer's path as the batch names it (shown, never used as a link).
    public var path: String
    /// The answer's own HTML page, as a path relative to the index page (`reports/a.html`); nil for none.
    /// It is percent-encoded on the page, so pass the plain file path.
    public var page: String?
    /// The total and level; nil when the answer was not graded.
    public var score: Report.Score?
    /// The score of every criterion, in the rubric's order.
    public var criteria: [Criterion]
    /// Why the answer could not be graded (the diagnostic as printed); nil when it was.
    public var failure: String?

    public init(path: String, page: String?, score: Report.Score?, criteria: [Criterion], failure: String? = nil) {
      self.path = path
      self.page = page
      self.score = score
      self.criteria = criteria
      self.failure = failure
    }

    /// The row of a graded answer, from its report.
    public init(path: String, page: String?, report: Report) {
      self.init(
        path: path, page: page, score: report.score,
        criteria: report.criteria.map {
          Criterion(id: $0.id, score: $0.score, detected: $0.detected, feedback: $0.feedback)
        })
    }

    /// The row of an answer that could not be graded.
    public init(path: String, page: String? = nil, failure: String) {
      self.init(path: path, page: page, score: nil, criteria: [], failure: failure)
    }
  }

  /// A criterion's outcome for one answer.
  public struct Criterion: Sendable, Equatable {
    public var id: String
    /// 0–1.
    public var score: Double
    public var detected: Bool
    public var feedback: String

    public init(id: String, score: Double, detected: Bool, feedback: String) {
      self.id = id
      self.score = score
      self.detected = detected
      self.feedback = feedback
    }

    /// Whether this is a missing element: a criterion not detected that is not a pitfall (`pitfall.*`; an
    /// undetected pitfall is good news).
    var isMissing: Bool { !detected && !id.hasPrefix("pitfall.") }
  }

  public var rows: [Row]
  /// The page's title and main heading.
  public var title: String

  public init(rows: [Row], title: String = "answer-eval batch overview") {
    self.rows = rows
    self.title = title
  }

  /// The rows in the page's order: graded answers by total, highest first, then the others; ties by path.
  public var sortedRows: [Row] {
    rows.enumerated().sorted { a, b in
      let x = a.element.score.map { -$0.total } ?? .infinity, y = b.element.score.map { -$0.total } ?? .infinity
      return (x, a.element.path, a.offset) < (y, b.element.path, b.offset)
    }.map(\.element)
  }

  /// The criterion ids across all rows, in the order they first appear.
  var criterionIDs: [String] {
    var seen: Set<String> = []
    return rows.flatMap { $0.criteria.map(\.id) }.filter { seen.insert($0).inserted }
  }

  /// Counts of graded totals in ten bands: 0–9.9, 10–19.9, …, 90–100.
  var histogram: [Int] {
    var bins = [Int](repeating: 0, count: 10)
    for row in rows { if let total = row.score?.total { bins[min(max(Int(total / 10), 0), 9)] += 1 } }
    return bins
  }

  /// A missing element across the batch: how many graded answers miss it, which, and what they were told.
  struct MissingElement: Equatable {
    var id: String
    var rows: [Row]
    /// The feedback messages, the most frequent first.
    var messages: [String]
  }

  /// The missing elements, the most frequent first (ties in the order of the criteria).
  var missingElements: [MissingElement] {
    let graded = sortedRows.filter { $0.score != nil }
    let order = criterionIDs
    var result: [MissingElement] = []
    for id in order {
      let missing = graded.compactMap { row in row.criteria.first { $0.id == id && $0.isMissing }.map { (row, $0) } }
      if missing.isEmpty { continue }
      var counts: [String: Int] = [:]
      for (_, criterion) in missing where !criterion.feedback.isEmpty { counts[criterion.feedback, default: 0] += 1 }
      let messages = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
      result.append(MissingElement(id: id, rows: missing.map(\.0), messages: messages))
    }
    return result.enumerated().sorted { ($1.element.rows.count, $0.offset) < ($0.element.rows.count, $1.offset) }
      .map(\.element)
  }

  /// The page.
  public func html() -> String {
    let rows = sortedRows
    let totals = rows.compactMap { $0.score?.total }
    let failed = rows.filter { $0.score == nil }
    var body = "<a class=\"skip\" href=\"#main\">Skip to the overview</a>\n<header>\n"
    body += "<p class=\"kicker\">answer-eval batch</p>\n<h1>\(HTML.line(title))</h1>\n<p>"
    body += "\(count(rows.count, "answer")): \(totals.count) graded, \(failed.count) could not be graded."
    if !totals.isEmpty {
      let sorted = totals.sorted()
      let median =
        sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
      body += " Mean total \(oneDecimal(totals.reduce(0, +) / Double(totals.count))), median \(oneDecimal(median)), "
      body += "lowest \(number(sorted.first!)), highest \(number(sorted.last!))."
    }
    body += "</p>\n<nav aria-label=\"Parts of the overview\">\n<ul>\n<li><a href=\"#scores\">Scores</a></li>\n"
    body += "<li><a href=\"#distribution\">Distribution of totals</a></li>\n"
    body += "<li><a href=\"#missing\">Most common missing elements</a></li>\n"
    if !failed.isEmpty { body += "<li><a href=\"#failed\">Not graded</a></li>\n" }
    body += "</ul>\n</nav>\n</header>\n<main id=\"main\">\n"
    body += scoresPart(rows) + distributionPart + missingPart
    if !failed.isEmpty { body += failedPart(failed) }
    body += "</main>\n<footer>\n<p>Made by answer-eval. This page loads nothing from the network; its only script "
    body += "makes the table's columns sortable, and everything on it works without it.</p>\n</footer>\n"
    return HTML.document(
      title: "\(title) — \(count(rows.count, "answer"))", style: HTML.baseStyle + Self.style, body: body,
      script: Self.script)
  }

  // MARK: Parts

  private func scoresPart(_ rows: [Row]) -> String {
    let ids = criterionIDs
    let anyFailed = rows.contains { $0.score == nil }
    var out = "<section id=\"scores\" aria-labelledby=\"scores-h\">\n<h2 id=\"scores-h\">Scores</h2>\n"
    out += "<p id=\"sort-status\" role=\"status\">Sorted by total, highest first.</p>\n"
    out += "<p id=\"sort-hint\" class=\"muted\" hidden=\"hidden\">Select a column header to sort by that column; "
    out += "select it again to reverse the order.</p>\n"
    out += "<div class=\"scroll\">\n<table id=\"score-table\" class=\"sortable\">\n<caption>Each answer's total (0 to "
    out += "100), level and criterion scores (0 to 1; ○ marks a missing element). Each answer links to its report."
    out += "</caption>\n<thead>\n<tr><th scope=\"col\" data-type=\"text\">Answer</th>"
    out += "<th scope=\"col\" class=\"number\" data-type=\"number\" aria-sort=\"descending\">Total</th>"
    out += "<th scope=\"col\" data-type=\"number\">Level</th>"
    for id in ids {
      out += "<th scope=\"col\" class=\"number\" data-type=\"number\"><code>\(HTML.identifier(id))</code></th>"
    }
    out += "<th scope=\"col\" class=\"number\" data-type=\"number\">Missing</th>"
    if anyFailed { out += "<th scope=\"col\" data-type=\"text\">Status</th>" }
    out += "</tr>\n</thead>\n<tbody>\n"
    for (index, row) in rows.enumerated() {
      out += "<tr data-order=\"\(index)\"><th scope=\"row\">\(link(row))</th>"
      if let score = row.score {
        let total = number(score.total)
        out += "<td class=\"number\" data-value=\"\(total)\">\(total)</td>"
        out += "<td data-value=\"\(total)\">\(HTML.line(score.level))</td>"
      } else {
        out += "<td class=\"number\" data-value=\"\">—</td><td data-value=\"\">—</td>"
      }
      for id in ids {
        guard let criterion = row.criteria.first(where: { $0.id == id }) else {
          out += "<td class=\"number\" data-value=\"\">—</td>"
          continue
        }
        let score = fixed(criterion.score)
        if criterion.isMissing {
          out += "<td class=\"number missing\" data-value=\"\(score)\"><span aria-hidden=\"true\">○ </span>\(score)"
          out += "<span class=\"visually-hidden\"> (missing)</span></td>"
        } else {
          out += "<td class=\"number\" data-value=\"\(score)\">\(score)</td>"
        }
      }
      let missing = row.criteria.filter(\.isMissing).count
      out += row.score == nil ? "<td class=\"number\" data-value=\"\">—</td>" : "<td class=\"number\">\(missing)</td>"
      if anyFailed {
        out += row.failure.map { "<td class=\"failure\">Not graded: \(HTML.escape($0))</td>" } ?? "<td>graded</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n</div>\n</section>\n"
  }

  /// The histogram of totals: an SVG chart with a title and description, and the same counts as a table.
  private var distributionPart: String {
    let bins = histogram
    let graded = bins.reduce(0, +)
    let labels = (0..<10).map { $0 == 9 ? "90–100" : "\($0 * 10)–\($0 * 10 + 9)" }
    var out = "<section id=\"distribution\" aria-labelledby=\"distribution-h\">\n"
    out += "<h2 id=\"distribution-h\">Distribution of totals</h2>\n"
    guard graded > 0 else { return out + "<p>No answer was graded.</p>\n</section>\n" }
    let description =
      "Graded answers per band of ten points: "
      + zip(labels, bins).map { "\($0): \($1)" }.joined(separator: ", ") + "."
    let tallest = max(bins.max() ?? 1, 1)
    let (left, bottom, barWidth, step, height) = (40, 190, 40, 52, 150)
    out += "<figure>\n<svg class=\"histogram\" width=\"600\" height=\"230\" viewBox=\"0 0 600 230\" role=\"img\" "
    out += "aria-labelledby=\"histogram-title histogram-desc\">\n"
    out += "<title id=\"histogram-title\">Distribution of the totals of \(count(graded, "graded answer"))</title>\n"
    out += "<desc id=\"histogram-desc\">\(description)</desc>\n"
    out += "<line x1=\"\(left - 6)\" y1=\"\(bottom)\" x2=\"\(left + 10 * step)\" y2=\"\(bottom)\" "
    out += "stroke=\"\(HTMLPalette.rule)\" stroke-width=\"1\"/>\n"
    for (index, value) in bins.enumerated() {
      let x = left + index * step
      let barHeight = value == 0 ? 0 : max(2, value * height / tallest)
      if barHeight > 0 {
        out += "<rect x=\"\(x)\" y=\"\(bottom - barHeight)\" width=\"\(barWidth)\" height=\"\(barHeight)\" "
        out += "fill=\"\(HTMLPalette.bar)\"/>\n"
      }
      out += "<text x=\"\(x + barWidth / 2)\" y=\"\(bottom - barHeight - 6)\" text-anchor=\"middle\" "
      out += "fill=\"\(HTMLPalette.text)\" font-size=\"13\">\(value)</text>\n"
      out += "<text x=\"\(x + barWidth / 2)\" y=\"\(bottom + 18)\" text-anchor=\"middle\" "
      out += "fill=\"\(HTMLPalette.mutedText)\" font-size=\"12\">\(labels[index])</text>\n"
    }
    out +=
      "<text x=\"\(left + 5 * step)\" y=\"\(bottom + 36)\" text-anchor=\"middle\" fill=\"\(HTMLPalette.mutedText)\" "
    out += "font-size=\"12\">total (0 to 100)</text>\n</svg>\n"
    out += "<figcaption class=\"muted\">Number of graded answers in each band of ten points.</figcaption>\n"
    out += "</figure>\n<details>\n<summary>The same figures as a table</summary>\n<table>\n<thead>\n"
    out += "<tr><th scope=\"col\">Total</th><th scope=\"col\" class=\"number\">Answers</th></tr>\n</thead>\n<tbody>\n"
    for (label, value) in zip(labels, bins) {
      out += "<tr><th scope=\"row\">\(label)</th><td class=\"number\">\(value)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</details>\n</section>\n"
  }

  private var missingPart: String {
    let graded = rows.filter { $0.score != nil }.count
    var out = "<section id=\"missing\" aria-labelledby=\"missing-h\">\n"
    out += "<h2 id=\"missing-h\">Most common missing elements</h2>\n"
    let elements = missingElements
    guard !elements.isEmpty else {
      return out + "<p>No graded answer misses an element the rubric looks for.</p>\n</section>\n"
    }
    out += "<p>Criteria not found in the graded answers (pitfalls aside), the most frequent first.</p>\n"
    out += "<ol class=\"missing-list\">\n"
    for element in elements {
      let share = Int((Double(element.rows.count) / Double(graded) * 100).rounded())
      out += "<li><code>\(HTML.line(element.id))</code>: missing in \(element.rows.count) of \(graded) graded "
      out += "answers (\(share)%)"
      if let message = element.messages.first {
        out += "<br/><span class=\"muted\">Feedback given: \(HTML.escape(message))</span>"
      }
      out += "\n<details>\n<summary>The \(count(element.rows.count, "answer")) missing it</summary>\n<ul>\n"
      out += element.rows.map { "<li>\(link($0))</li>\n" }.joined()
      out += "</ul>\n</details>\n</li>\n"
    }
    return out + "</ol>\n</section>\n"
  }

  private func failedPart(_ failed: [Row]) -> String {
    var out = "<section id=\"failed\" aria-labelledby=\"failed-h\">\n<h2 id=\"failed-h\">Not graded</h2>\n<ul>\n"
    for row in failed {
      out += "<li>\(link(row)): \(HTML.escape(row.failure ?? "not graded"))</li>\n"
    }
    return out + "</ul>\n</section>\n"
  }

  /// The answer's path, linked to its page when it has one.
  private func link(_ row: Row) -> String {
    guard let page = row.page, !page.isEmpty else { return HTML.line(row.path) }
    return "<a href=\"\(HTML.escape(HTML.href(page)))\">\(HTML.line(row.path))</a>"
  }

  private func oneDecimal(_ value: Double) -> String { FixedPoint.string(value, decimals: 1) }

  // MARK: Style and script

  static let style = """
    .scroll { overflow-x: auto; }
    #score-table th[scope=row] { overflow-wrap: anywhere; min-width: 12rem; }
    #score-table thead th { vertical-align: bottom; }
    #score-table td.number { white-space: nowrap; }
    #score-table td.missing { color: \(HTMLPalette.mutedText); }
    #score-table td.failure { color: \(HTMLPalette.colors(.warning).text); }
    th button { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0;
      cursor: pointer; text-align: inherit; text-decoration: underline dotted; text-underline-offset: 0.2em; }
    th[aria-sort=descending] button::after { content: " \\25BC"; }
    th[aria-sort=ascending] button::after { content: " \\25B2"; }
    th[aria-sort=descending]:not(:has(button))::after { content: " \\25BC"; }
    figure { margin: 0.5rem 0; }
    .histogram { max-width: 100%; height: auto; }
    .missing-list li { margin: 0.5rem 0; }
    details { margin: 0.25rem 0; }
    summary { cursor: pointer; color: \(HTMLPalette.link); }
    @media print {
      .scroll { overflow: visible; }
      th button { text-decoration: none; }
      details > summary { display: none; }
      details { display: block; }
      .histogram { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }

    """

  /// Makes the score table's column headers sort buttons. Written without `<` and `&`, so the page stays
  /// well-formed XML.
  static let script = """

    (function () {
      "use strict";
      var table = document.getElementById("score-table");
      if (!table) { return; }
      var headers = table.tHead.rows[0].cells;
      var status = document.getElementById("sort-status");
      function key(row, column) {
        var cell = row.cells[column];
        var value = cell.getAttribute("data-value");
        return value === null ? cell.textContent.trim() : value;
      }
      function order(row) { return Number(row.getAttribute("data-order")); }
      function sort(column, numeric, descending) {
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          var x = key(a, column), y = key(b, column);
          if (x === "" || y === "") {
            if (x === y) { return order(a) - order(b); }
            return x === "" ? 1 : -1;
          }
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          if (descending) { c = -c; }
          return c === 0 ? order(a) - order(b) : c;
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      }
      Array.prototype.forEach.call(headers, function (header, column) {
        var button = document.createElement("button");
        button.type = "button";
        while (header.firstChild) { button.appendChild(header.firstChild); }
        header.appendChild(button);
        button.addEventListener("click", function () {
          var numeric = header.getAttribute("data-type") === "number";
          var current = header.getAttribute("aria-sort");
          var descending = current ? current === "ascending" : numeric;
          sort(column, numeric, descending);
          Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
          header.setAttribute("aria-sort", descending ? "descending" : "ascending");
          var direction = numeric ? (descending ? "highest first" : "lowest first") : (descending ? "Z to A" : "A to Z");
          status.textContent = "Sorted by " + button.textContent + ", " + direction + ".";
        });
      });
      document.getElementById("sort-hint").hidden = false;
      table.setAttribute("data-sortable", "ready");
    }());

    """
}
