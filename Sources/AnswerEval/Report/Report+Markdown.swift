import AnswerEvalText
import Foundation

/// The readable form of a report as Markdown (GitHub-flavoured tables), to paste into a document or a
/// pull request: the content of the text report, with the answer listing in a code block.
///
/// ```markdown
/// ## `answer.md`
///
/// **Score 82.5/100 · strong** · rubric `default` 1
///
/// 70 words · 5 sentences · 2 paragraphs · 379 characters
///
/// ### Feedback
///
/// **Strengths**
///
/// - `star.result`: The result is measured. (6:9 “p95 latency fell from 800ms to 120ms”)
/// ```
///
/// Text from the answer is escaped (`\*`, `\|`, …) so it cannot turn into markup, and control characters
/// are shown as control pictures.
extension Report {
  func markdown(answer: AnalyzedText?, options: ReportFormat.Options) -> String {
    var blocks: [String] = ["## \(code(source.path))"]
    if let score {
      var line = "**Score \(number(score.total))/100 · \(inline(score.level))**"
      if let rubric { line += " · rubric \(code(rubric.id)) \(inline(rubric.version))" }
      blocks.append(line)
    } else if let rubric {
      blocks.append("Rubric \(code(rubric.id)) \(inline(rubric.version))")
    }
    blocks.append(
      [
        count(source.words, "word"), count(source.sentences, "sentence"), count(source.paragraphs, "paragraph"),
        count(source.characters, "character"),
      ].joined(separator: " · "))
    if !isGraded { blocks.append("_\(Self.notGradedMessage)_") }
    if !criteria.isEmpty { blocks += ["### Criteria", criteriaTable] }
    if !sections.isEmpty { blocks += ["### Sections", sectionsTable] }
    if let answer {
      let listing = AnswerListing(report: self, answer: answer).lines(width: max(options.width, 40))
      let longestRun = listing.map(longestBacktickRun).max() ?? 0
      let fence = String(repeating: "`", count: max(3, longestRun + 1))
      blocks += ["### Answer", ([fence + "text"] + listing + [fence]).joined(separator: "\n")]
    }
    if !feedback.isEmpty { blocks += ["### Feedback"] + feedbackBlocks }
    if !quantities.isEmpty { blocks += ["### Quantities", quantitiesTable] }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  private var criteriaTable: String {
    table(
      header: ["Detected", "Criterion", "Score", "Weight", "Feedback", "Evidence"],
      alignments: [":-:", "---", "---:", "---:", "---", "---"],
      rows: criteria.map {
        [
          $0.detected ? "●" : "○", code($0.id, inTable: true), fixed($0.score), number($0.weight), inline($0.feedback),
          $0.evidence.map(excerpt).joined(separator: "<br>"),
        ]
      })
  }

  private var sectionsTable: String {
    table(
      header: ["Section", "Where", "Confidence", "Text"], alignments: ["---", "---", "---:", "---"],
      rows: sections.map { [$0.label.rawValue, range($0.span), fixed($0.confidence), quote($0.span.text)] })
  }

  private var feedbackBlocks: [String] {
    let groups: [(Feedback.Severity, String)] = [
      (.strength, "Strengths"), (.suggestion, "Suggestions"), (.warning, "Warnings"),
    ]
    return groups.flatMap { severity, title -> [String] in
      let items = feedback.filter { $0.severity == severity }
      if items.isEmpty { return [] }
      return [
        "**\(title)**",
        items.map { item in
          "- \(code(item.criterion)): \(inline(item.message))" + (item.span.map { " (\(excerpt($0)))" } ?? "")
        }.joined(separator: "\n"),
      ]
    }
  }

  private var quantitiesTable: String {
    table(
      header: ["Where", "Text", "Kind", "Value", "Impact"], alignments: ["---", "---", "---", "---:", "---"],
      rows: quantities.map {
        [
          location($0.span), inline($0.text), inline($0.kind),
          inline($0.shownValue), inline($0.shownImpact),
        ]
      })
  }
}

/// A GitHub-flavoured table; cells are already escaped.
private func table(header: [String], alignments: [String], rows: [[String]]) -> String {
  let line = { (cells: [String]) in "| " + cells.joined(separator: " | ") + " |" }
  return ([line(header), line(alignments)] + rows.map(line)).joined(separator: "\n")
}

/// `6:9 “p95 latency fell…”`, the text escaped and cut to 60 columns.
private func excerpt(_ span: Span) -> String { "\(location(span)) \(quote(span.text))" }

/// `“text”`, escaped and cut to 60 columns.
private func quote(_ text: String) -> String {
  "“" + inline(TextLayout.truncated(TextLayout.visible(text), width: 60)) + "”"
}

/// Text from a report made safe inline (also in a table cell): control characters visible, and every
/// character Markdown could read as markup backslash-escaped.
func inline(_ text: String) -> String {
  var out = ""
  for character in TextLayout.visible(text) {
    if "\\`*_[]{}<>()#+!|~&".contains(character) { out.append("\\") }
    out.append(character)
  }
  return out
}

/// Text as an inline code span that survives backticks inside it; in a table cell `|` is escaped too.
func code(_ text: String, inTable: Bool = false) -> String {
  var visible = TextLayout.visible(text)
  if inTable { visible = visible.replacingOccurrences(of: "|", with: "\\|") }
  let fence = String(repeating: "`", count: longestBacktickRun(visible) + 1)
  let padding = visible.hasPrefix("`") || visible.hasSuffix("`") || visible.hasPrefix(" ") ? " " : ""
  return fence + padding + visible + padding + fence
}

private func longestBacktickRun(_ text: String) -> Int {
  var longest = 0, run = 0
  for character in text {
    run = character == "`" ? run + 1 : 0
    longest = max(longest, run)
  }
  return longest
}
