import Foundation

/// What became of one answer of a batch: its summary row, what it adds to the summary's figures, and what
/// the command prints for it. Small on purpose: the report itself is written (or rendered) by the worker
/// and not kept.
public struct BatchOutcome: Sendable {
  public var row: SummaryRow
  public var findings: SummaryAggregates.Findings
  /// Why it failed (printed on standard error whatever `--quiet` says).
  public var error: Diagnostic?
  /// Warnings for standard error (`--lossy` replacements).
  public var warnings: [String]
  /// The report in the batch's format (UTF-8), for standard output, when there is no output folder.
  public var rendered: [UInt8]?
  /// Its row of the `--html-index` page (only when asked for): lean — feedback is kept only for the
  /// missing elements the index lists.
  public var indexRow: BatchIndex.Row?
  /// Where its report was written under `--out`, as messages show it.
  public var reportFile: String?

  public init(
    row: SummaryRow, findings: SummaryAggregates.Findings = .init(), error: Diagnostic? = nil,
    warnings: [String] = [], rendered: [UInt8]? = nil
  ) {
    self.row = row
    self.findings = findings
    self.error = error
    self.warnings = warnings
    self.rendered = rendered
  }

  /// The report's path under the output folder: the mirrored path plus the format's extension
  /// (`a/b.md` → `a/b.md.json`).
  public static func reportPath(_ entry: FileWalker.Entry, format: ReportFormat) -> String {
    entry.mirroredPath + "." + format.fileExtension
  }

  /// Reads, grades and writes one answer (on a worker thread).
  static func process(
    _ entry: FileWalker.Entry, options: BatchRunner.Options, output: OutputDirectory?, grader: Grader
  ) -> BatchOutcome {
    if let problem = entry.problem { return failed(entry.path, problem) }
    let reportPath = reportPath(entry, format: options.format)
    if options.resume, let output, let answerTime = OutputDirectory.FileTime(path: entry.path),
      let reportTime = output.modificationTime(of: reportPath), reportTime > answerTime
    {
      var outcome = unchanged(entry.path, report: output.displayPath(reportPath), format: options.format)
      outcome.reportFile = output.displayPath(reportPath)
      return outcome
    }
    var rubric: String? = nil
    do {
      let bytes = try InputReader.read(entry.path, limit: options.maxBytes)
      let (text, decoded) = try grader.analyze(bytes: bytes, source: entry.path, lossy: options.lossy)
      let selection = RubricSelection(frontMatter: text.structure.frontMatter, requested: options.rubric)
      rubric = selection.name
      let report = grader.grade(text, rubric: try RubricLibrary.shared.compiled(selection.name))
      let rendered = try options.format.renderBytes(report)
      var outcome = BatchOutcome(
        row: SummaryRow(graded: report, path: entry.path, rubric: rubric), findings: .init(report))
      if options.htmlIndex {
        var row = BatchIndex.Row(path: entry.path, page: nil, report: report)
        for i in row.criteria.indices where !row.criteria[i].isMissing { row.criteria[i].feedback = "" }
        outcome.indexRow = row
      }
      if let output {
        try output.write(rendered, to: reportPath)
        outcome.reportFile = output.displayPath(reportPath)
      } else {
        outcome.rendered = rendered
      }
      if decoded.replacements > 0 {
        outcome.warnings.append(
          "\(entry.path): warning: [text.lossy] replaced \(decoded.replacements) invalid byte(s) with U+FFFD")
      }
      return outcome
    } catch {
      return failed(entry.path, error, rubric: rubric)
    }
  }

  private static func failed(_ path: String, _ error: Error, rubric: String? = nil) -> BatchOutcome {
    let diagnostic = Diagnostic(error)
    return BatchOutcome(row: SummaryRow(failed: path, rubric: rubric, diagnostic: diagnostic), error: diagnostic)
  }

  /// An answer `--resume` skips; its row comes from the report already written, when it is JSON.
  private static func unchanged(_ path: String, report: String, format: ReportFormat) -> BatchOutcome {
    if format == .json || format == .jsonl, let bytes = try? InputReader.read(report),
      let old = try? JSONDecoder().decode(Report.self, from: Data(bytes))
    {
      var outcome = BatchOutcome(
        row: SummaryRow(graded: old, path: path, rubric: old.rubric?.id, status: .unchanged), findings: .init(old))
      outcome.indexRow = BatchIndex.Row(path: path, page: nil, report: old)
      return outcome
    }
    return BatchOutcome(row: SummaryRow(path: path, status: .unchanged))
  }
}
