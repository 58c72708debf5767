import AnswerEvalText
import Foundation

/// The formats a report can be written in.
///
/// ```swift
/// let graded = try Grader().grade(bytes: Array("We cut costs by 20%.".utf8), source: "a.md")
/// try ReportFormat.json.render(graded.report)                                    // {"criteria" : [], …}
/// try ReportFormat.text.render(graded.report, answer: graded.text, options: .init(color: true, width: 100))
/// ```
public enum ReportFormat: String, Sendable, CaseIterable {
  /// One pretty-printed JSON object with sorted keys (`Schemas/report-v1.schema.json`).
  case json
  /// One compact JSON object per line (for pipelines).
  case jsonl
  /// An XML document in the namespace `urn:answer-eval:report:v1` (`Schemas/report-v1.xsd`).
  case xml
  /// A readable report for a terminal: score, criteria, the answer with its STAR sections marked, feedback
  /// and quantities.
  case text
  /// The readable report as Markdown, to paste into a document or a pull request.
  case markdown
  /// One self-contained HTML page for people: STAR sections shaded and labelled, evidence highlighted with
  /// its feedback beside it, the missing elements as a checklist. No script, nothing loaded from elsewhere.
  case html

  /// How the readable formats (`text`, `markdown`) are laid out.
  public struct Options: Sendable, Equatable {
    /// ANSI colour (`text` only). Decide it with the terminal and `NO_COLOR` in mind; the library never looks.
    public var color: Bool
    /// The width to wrap to, in terminal columns (at least 40 is used).
    public var width: Int

    public init(color: Bool = false, width: Int = 80) {
      self.color = color
      self.width = width
    }
  }

  /// The report rendered in this format, ending with a newline.
  ///
  /// - Parameters:
  ///   - answer: the analyzed answer the report is about. `text`, `markdown` and `html` show it with its STAR
  ///     sections marked (`html` also highlights the evidence); without it they show only excerpts. The other
  ///     formats do not use it.
  ///   - options: layout of `text` and `markdown`.
  /// - Throws: `EncodingError` from JSON encoding, ``XMLError`` from the XML writer.
  public func render(_ report: Report, answer: AnalyzedText? = nil, options: Options = Options()) throws -> String {
    switch self {
    case .json, .jsonl, .xml: return String(decoding: try renderBytes(report), as: UTF8.self)
    case .text: return report.text(answer: answer, options: options)
    case .markdown: return report.markdown(answer: answer, options: options)
    case .html: return Report.htmlDocument([report], answers: [answer])
    }
  }

  /// ``render(_:answer:options:)`` as UTF-8 bytes, for writing to a file or a stream: JSON and XML are
  /// written straight to bytes, without a `String` in between.
  public func renderBytes(_ report: Report, answer: AnalyzedText? = nil, options: Options = Options()) throws
    -> [UInt8]
  {
    switch self {
    case .json, .jsonl:
      var bytes = report.json(pretty: self == .json)
      bytes.append(0x0A)
      return bytes
    case .xml: return try Report.xmlDocument([report], single: true)
    case .text, .markdown, .html: return Array(try render(report, answer: answer, options: options).utf8)
    }
  }

  /// Several reports as one output: a JSON array for `json`, one line each for `jsonl`, a `<reports>` document
  /// for `xml`, one page with an article per report for `html`, and the readable reports one after the other,
  /// separated by a blank line.
  ///
  /// - Parameter answers: empty, or the analyzed answer of each report, in the same order.
  public func render(_ reports: [Report], answers: [AnalyzedText] = [], options: Options = Options()) throws -> String {
    precondition(answers.isEmpty || answers.count == reports.count, "one answer per report, or none")
    let answer = { (i: Int) in answers.isEmpty ? nil : answers[i] }
    switch self {
    case .json, .jsonl, .xml: return String(decoding: try renderBytes(reports), as: UTF8.self)
    case .html: return Report.htmlDocument(reports, answers: reports.indices.map(answer))
    case .text, .markdown:
      return try reports.indices.map { try render(reports[$0], answer: answer($0), options: options) }
        .joined(separator: "\n")
    }
  }

  /// ``render(_:answers:options:)`` as UTF-8 bytes: JSON, JSON Lines and XML without a `String` in between.
  public func renderBytes(_ reports: [Report], answers: [AnalyzedText] = [], options: Options = Options()) throws
    -> [UInt8]
  {
    switch self {
    case .json:
      var bytes = Report.json(reports, pretty: true)
      bytes.append(0x0A)
      return bytes
    case .jsonl:
      var bytes: [UInt8] = []
      for report in reports { bytes += try renderBytes(report) }
      return bytes
    case .xml: return try Report.xmlDocument(reports, single: false)
    case .html, .text, .markdown: return Array(try render(reports, answers: answers, options: options).utf8)
    }
  }

  /// The file name extension for a report in this format.
  public var fileExtension: String {
    switch self {
    case .json: return "json"
    case .jsonl: return "jsonl"
    case .xml: return "xml"
    case .text: return "txt"
    case .markdown: return "md"
    case .html: return "html"
    }
  }

  /// A JSON encoder with the report conventions: sorted keys, no escaped slashes.
  public static func encoder(pretty: Bool) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
