import AnswerEvalText
import Foundation

/// The readable form of a report, for a terminal.
///
/// Score and level first (when a rubric graded the answer), then the criteria, the STAR sections, the
/// answer with each line's section marked, the feedback (strengths, suggestions, warnings) with `line:col`
/// excerpts, and the quantities found. A report that no rubric graded shows its text statistics and says so.
/// Lines are wrapped to the width asked for; colour (ANSI) only when asked for. Control characters from the
/// answer are shown as control pictures (`␛`), never written raw.
///
/// ```
/// Score 82.5/100 · strong · rubric default 1
/// answer.md: 70 words, 5 sentences, 2 paragraphs, 379 characters
///
/// Answer (STAR sections marked)
///   1 situation  │ Situation: Our checkout API at Café Nova timed out at peak load.
///   2 task       │ Task: I owned the fix and had two weeks.
///   …
/// Feedback
///   Strengths
///     ✓ star.result: The result is measured.
///       6:9 “p95 latency fell from 800ms to 120ms”
/// ```
extension Report {
  func text(answer: AnalyzedText?, options: ReportFormat.Options) -> String {
    let paint = Paint(enabled: options.color)
    let width = max(options.width, 40)
    var blocks: [[String]] = [headerLines(paint, width: width)]
    if !criteria.isEmpty { blocks.append(criteriaLines(paint, width: width)) }
    if !sections.isEmpty { blocks.append(sectionLines(paint)) }
    if let answer {
      blocks.append(
        [paint(sections.isEmpty ? "Answer" : "Answer (STAR sections marked)", .bold)]
          + AnswerListing(report: self, answer: answer).lines(width: width - 2, paint: paint).map { "  " + $0 })
    }
    if !feedback.isEmpty { blocks.append(feedbackLines(paint, width: width)) }
    if !quantities.isEmpty { blocks.append(quantityLines(paint, width: width)) }
    return blocks.map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\n")
  }

  /// Whether a rubric graded the answer (otherwise the report holds only text statistics).
  var isGraded: Bool { rubric != nil || score != nil || !criteria.isEmpty }

  /// `path: 70 words, 5 sentences, 2 paragraphs, 379 characters`.
  var statisticsLine: String { "\(TextLayout.visible(source.path)): \(statistics)" }

  /// `70 words, 5 sentences, 2 paragraphs, 379 characters`.
  var statistics: String {
    "\(count(source.words, "word")), \(count(source.sentences, "sentence")), "
      + "\(count(source.paragraphs, "paragraph")), \(count(source.characters, "character"))"
  }

  /// `Score 82.5/100 · strong · rubric default 1` (the parts that are present).
  var scoreLine: String? {
    var parts: [String] = []
    if let score { parts += ["Score \(number(score.total))/100", TextLayout.visible(score.level)] }
    if let rubric { parts.append("rubric \(TextLayout.visible(rubric.id)) \(TextLayout.visible(rubric.version))") }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  static let notGradedMessage = "Not graded: no rubric graded this answer, so it has no score or feedback yet."

  private func headerLines(_ paint: Paint, width: Int) -> [String] {
    var lines: [String] = []
    if let scoreLine { lines += TextLayout.wrap(scoreLine, width: width).map { paint($0, .bold) } }
    if TextLayout.width(statisticsLine) <= width {
      lines.append(statisticsLine)
    } else {  // the path on a line of its own, then the statistics
      lines += TextLayout.wrap(TextLayout.visible(source.path), width: width)
      lines += TextLayout.wrap(statistics, width: width)
    }
    if !isGraded { lines += TextLayout.wrap(Self.notGradedMessage, width: width) }
    return lines
  }

  private func criteriaLines(_ paint: Paint, width: Int) -> [String] {
    let idWidth = criteria.map { TextLayout.width(TextLayout.visible($0.id)) }.max() ?? 0
    var lines = [paint("Criteria", .bold)]
    for criterion in criteria {
      let mark = criterion.detected ? paint("●", .green) : paint("○", .dim)
      lines.append(
        "  \(mark) \(TextLayout.padded(TextLayout.visible(criterion.id), to: idWidth))  "
          + "\(fixed(criterion.score))  weight \(number(criterion.weight))")
      if !criterion.feedback.isEmpty { lines += wrapped(criterion.feedback, width: width, indent: 6) }
      lines += criterion.evidence.map { "      " + excerpt($0, paint, width: width - 6) }
    }
    return lines
  }

  private func sectionLines(_ paint: Paint) -> [String] {
    let labelWidth = sections.map { $0.label.rawValue.count }.max() ?? 0
    return [paint("Sections", .bold)]
      + sections.map {
        let padding = String(repeating: " ", count: labelWidth - $0.label.rawValue.count)
        return "  \(paint($0.label.rawValue, $0.label.style))\(padding)  \(range($0.span))  "
          + "confidence \(fixed($0.confidence))"
      }
  }

  private func feedbackLines(_ paint: Paint, width: Int) -> [String] {
    var lines = [paint("Feedback", .bold)]
    let groups: [(Feedback.Severity, String, String, Paint.Style)] = [
      (.strength, "Strengths", "✓", .green), (.suggestion, "Suggestions", "→", .yellow),
      (.warning, "Warnings", "!", .red),
    ]
    for (severity, title, mark, style) in groups {
      let items = feedback.filter { $0.severity == severity }
      if items.isEmpty { continue }
      lines.append("  " + paint(title, style))
      for item in items {
        let body = wrapped("\(TextLayout.visible(item.criterion)): \(item.message)", width: width, indent: 6)
        lines.append("    \(paint(mark, style)) " + body[0].dropFirst(6))
        lines += body.dropFirst()
        if let span = item.span { lines.append("      " + excerpt(span, paint, width: width - 6)) }
      }
    }
    return lines
  }

  private func quantityLines(_ paint: Paint, width: Int) -> [String] {
    let rows = quantities.map { quantity -> [String] in
      [
        location(quantity.span), "“" + TextLayout.truncated(TextLayout.visible(quantity.text), width: 30) + "”",
        TextLayout.visible(quantity.kind),
        TextLayout.visible(quantity.shownValue), TextLayout.visible(quantity.shownImpact),
      ]
    }
    let widths = (0..<5).map { column in rows.map { TextLayout.width($0[column]) }.max() ?? 0 }
    var lines = [paint("Quantities", .bold)]
    if 2 + widths.reduce(0, +) + 2 * 4 <= width {
      for row in rows {
        let cells = (0..<5).map { column -> String in
          let cell = column == 4 ? row[column] : TextLayout.padded(row[column], to: widths[column])
          return column == 0 ? paint(cell, .dim) : cell
        }
        lines.append("  " + cells.joined(separator: "  "))
      }
    } else {  // too narrow for a table: the quantity on one line, what it is on the next
      let indent = String(repeating: " ", count: 4 + widths[0])
      for row in rows {
        lines.append("  " + paint(TextLayout.padded(row[0], to: widths[0]), .dim) + "  " + row[1])
        lines += TextLayout.wrap(row[2...].joined(separator: " · "), width: width - indent.count).map { indent + $0 }
      }
    }
    return lines
  }

  /// `6:9 “p95 latency fell…”`, cut to `width` columns.
  private func excerpt(_ span: Span, _ paint: Paint, width: Int) -> String {
    let place = location(span)
    let text = TextLayout.truncated(TextLayout.visible(span.text), width: max(width - TextLayout.width(place) - 3, 8))
    return "\(paint(place, .dim)) “\(text)”"
  }

  /// `text` (made visible) wrapped to `width` with `indent` spaces in front of every line.
  private func wrapped(_ text: String, width: Int, indent: Int) -> [String] {
    TextLayout.wrap(TextLayout.visible(text), width: width - indent).map {
      String(repeating: " ", count: indent) + $0
    }
  }
}

/// `line:column` of a span's start.
func location(_ span: Span) -> String { "\(span.line):\(span.column)" }

/// `line:column-line:column` from a span's first character to just past its last (as `answer-eval tokens`).
func range(_ span: Span) -> String {
  var line = span.line, column = span.column
  var previous: Unicode.Scalar?
  for scalar in span.text.unicodeScalars {
    defer { previous = scalar }
    if scalar == "\n" && previous == "\r" { continue }
    if scalar == "\n" || scalar == "\r" {
      line += 1
      column = 1
    } else {
      column += 1
    }
  }
  return "\(span.line):\(span.column)-\(line):\(column)"
}

/// `n word` or `n words`.
func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

/// A number in its shortest form: `82.5`, `2`, `0.25`.
func number(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return "\(Int64(value))" }
  return "\(value)"
}

/// A score or confidence with two decimals: `0.75`.
func fixed(_ value: Double) -> String { FixedPoint.string(value, decimals: 2) }

/// ANSI styling that does nothing when disabled.
struct Paint {
  enum Style: String {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case blue = "34"
    case magenta = "35"
    case cyan = "36"
  }

  let enabled: Bool

  func callAsFunction(_ text: String, _ style: Style) -> String {
    enabled && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}

extension Report.Section.Label {
  /// The colour of the section in the text report.
  var style: Paint.Style {
    switch self {
    case .situation: return .blue
    case .task: return .cyan
    case .action: return .green
    case .result: return .magenta
    case .reflection: return .yellow
    }
  }
}

/// The answer, line by line, each line marked with the STAR section it belongs to.
///
/// A line where a section starts or ends in the middle is split there, so every display line belongs to
/// one section or none. Original line numbers stand in the gutter; continuation lines leave it blank.
struct AnswerListing {
  let report: Report
  let answer: AnalyzedText

  /// The listing without colour, each line at most `width` columns.
  func lines(width: Int, paint: Paint = Paint(enabled: false)) -> [String] {
    let scalars = Array(answer.text.unicodeScalars)
    let sections = clampedSections(count: scalars.count)
    let lineRanges = Self.lineRanges(scalars)
    let numberWidth = String(lineRanges.count).count
    let labelWidth = sections.map { $0.label.rawValue.count }.max() ?? 0
    let gutterWidth = numberWidth + 1 + (labelWidth > 0 ? labelWidth + 1 : 0) + 2
    let textWidth = max(width - gutterWidth, 20)
    var out: [String] = []
    for (index, lineRange) in lineRanges.enumerated() {
      var pieces = Self.pieces(of: lineRange, sections: sections)
      // A piece of spaces between two sections on one line shows nothing: drop it.
      if pieces.count > 1 {
        pieces.removeAll { piece in scalars[piece.range].allSatisfy { $0 == " " || $0 == "\t" } }
        if pieces.isEmpty { pieces = [(lineRange, nil)] }
      }
      for (pieceIndex, piece) in pieces.enumerated() {
        var text = String(String.UnicodeScalarView(scalars[piece.range]))
        if pieceIndex > 0 { text = String(text.drop(while: { $0 == " " || $0 == "\t" })) }
        for (wrapIndex, displayLine) in TextLayout.wrap(TextLayout.visible(text), width: textWidth).enumerated() {
          let number = pieceIndex == 0 && wrapIndex == 0 ? String(index + 1) : ""
          var gutter = String(repeating: " ", count: numberWidth - number.count) + paint(number, .dim)
          if labelWidth > 0 {
            let label = piece.label?.rawValue ?? ""
            gutter += " " + (piece.label.map { paint(label, $0.style) } ?? label)
            gutter += String(repeating: " ", count: labelWidth - label.count)
          }
          out.append(gutter + " │" + (displayLine.isEmpty ? "" : " " + displayLine))
        }
      }
    }
    return out
  }

  /// The report's sections in text order, clamped to the text and cut so they do not overlap.
  func clampedSections(count: Int) -> [(range: Range<Int>, label: Report.Section.Label)] {
    var result: [(range: Range<Int>, label: Report.Section.Label)] = []
    var end = 0
    for section in report.sections.sorted(by: { $0.span.start < $1.span.start }) {
      let lower = min(max(section.span.start, end), count)
      let upper = min(max(section.span.end, lower), count)
      if lower < upper {
        result.append((lower..<upper, section.label))
        end = upper
      }
    }
    return result
  }

  /// The lines of the text (without their line breaks), as scalar ranges. Breaks are LF, CRLF and CR.
  static func lineRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0, i = 0
    while i < scalars.count {
      if scalars[i] == "\n" || scalars[i] == "\r" {
        ranges.append(start..<i)
        i += scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
        start = i
      } else {
        i += 1
      }
    }
    if start < scalars.count || ranges.isEmpty { ranges.append(start..<scalars.count) }
    return ranges
  }

  /// `line` cut where sections start and end, each piece with its section's label (nil outside sections).
  private static func pieces(
    of line: Range<Int>, sections: [(range: Range<Int>, label: Report.Section.Label)]
  ) -> [(range: Range<Int>, label: Report.Section.Label?)] {
    var pieces: [(range: Range<Int>, label: Report.Section.Label?)] = []
    var position = line.lowerBound
    for section in sections
    where section.range.overlaps(line) || (line.isEmpty && section.range.contains(line.lowerBound)) {
      let lower = max(section.range.lowerBound, line.lowerBound)
      let upper = min(section.range.upperBound, line.upperBound)
      if position < lower { pieces.append((position..<lower, nil)) }
      pieces.append((lower..<upper, section.label))
      position = upper
    }
    if position < line.upperBound || pieces.isEmpty { pieces.append((position..<line.upperBound, nil)) }
    return pieces
  }
}
