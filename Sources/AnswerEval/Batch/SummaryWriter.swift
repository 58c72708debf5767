import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a batch summary (`--summary FILE.csv|FILE.json`): one row per answer, in input order, then the
/// figures over all of them (``SummaryAggregates``).
///
/// Rows are spooled to an unlinked temporary file as they come (the criterion columns are known only at
/// the end), so memory does not grow with the batch; ``finish(_:interrupted:)`` writes the summary to a
/// temporary file beside it and renames it into place.
///
/// CSV (RFC 4180, CRLF): the header `path,rubric,score,<criterion ids…>,words,status,error,reason`, a row
/// per answer, then the figures as rows `#aggregate,<name>,<value>` padded to the same number of fields —
/// `interrupted`, the counts (`total`, `graded`, `failed`, `unchanged`, `skipped`, `not-processed`),
/// `score.count|mean|median|minimum|maximum`, `criterion.<id>.count|mean|<from>-<to>`, `missing.<id>`,
/// `mistake.<id>`. JSON: `{"answers": [rows…], "counts": …, "criteria": …, "interrupted": …,
/// "missingElements": …, "mistakes": …, "schema": "answer-eval/batch-summary/v1", "score": …}`.
public final class SummaryWriter {
  public enum Format: String, Sendable {
    case csv, json

    /// The format a summary path asks for by its extension; nil for any other.
    public init?(path: String) {
      let ext = (path as NSString).pathExtension.lowercased()
      self.init(rawValue: ext)
    }
  }

  public static let schemaID = "answer-eval/batch-summary/v1"

  public let path: String
  public let format: Format
  private let folder: String
  private var spool: FileSink
  private var rows = 0

  /// Prepares a summary at `path` (its folder must exist).
  /// - Throws: ``BatchError/summaryWrite(path:reason:)`` for another extension or an unwritable folder.
  public init(path: String) throws(BatchError) {
    guard let format = Format(path: path) else {
      throw BatchError.summaryWrite(path: path, reason: "the file name must end in .csv or .json")
    }
    self.path = path
    self.format = format
    let parent = (path as NSString).deletingLastPathComponent
    folder = parent.isEmpty ? "." : parent
    spool = try FileSink(temporaryIn: folder, for: path)
    unlink(spool.temporaryPath)
  }

  deinit { close(spool.fd) }

  /// Adds the next row.
  public func append(_ row: SummaryRow) throws(BatchError) {
    let line: Data
    do {
      line = try ReportFormat.encoder(pretty: false).encode(row)
    } catch {
      throw BatchError.summaryWrite(path: path, reason: "\(error)")
    }
    try spool.write(Array(line) + [0x0A])
    rows += 1
  }

  /// Writes the summary with every row added and `aggregates`.
  public func finish(_ aggregates: SummaryAggregates, interrupted: Bool) throws(BatchError) {
    try spool.flush()
    guard lseek(spool.fd, 0, SEEK_SET) == 0 else { throw failure(errno) }
    var out = try FileSink(temporaryIn: folder, for: path)
    do throws(BatchError) {
      switch format {
      case .csv: try writeCSV(aggregates, interrupted: interrupted, to: &out)
      case .json: try writeJSON(aggregates, interrupted: interrupted, to: &out)
      }
      try out.flush()
      guard close(out.fd) == 0 else { throw failure(errno) }
      out.fd = -1
      guard rename(out.temporaryPath, path) == 0 else { throw failure(errno) }
    } catch {
      if out.fd >= 0 { close(out.fd) }
      unlink(out.temporaryPath)
      throw error
    }
  }

  private func readRows(_ body: (SummaryRow) throws(BatchError) -> Void) throws(BatchError) {
    var reader = LineReader(fileDescriptor: spool.fd, name: path, limit: .max)
    let decoder = JSONDecoder()
    while true {
      let line: LineReader.Line?
      do {
        line = try reader.next()
      } catch {
        throw BatchError.summaryWrite(path: path, reason: error.localizedDescription)
      }
      guard case .text(let bytes) = line else { return }
      guard let row = try? decoder.decode(SummaryRow.self, from: Data(bytes)) else {
        throw BatchError.summaryWrite(path: path, reason: "its temporary rows could not be read back")
      }
      try body(row)
    }
  }

  private func writeCSV(_ aggregates: SummaryAggregates, interrupted: Bool, to out: inout FileSink) throws(BatchError) {
    let ids = aggregates.criteria.map(\.id)
    let header = ["path", "rubric", "score"] + ids + ["words", "status", "error", "reason"]
    try out.write(CSV.record(header))
    try readRows { (row) throws(BatchError) in
      let fields =
        [row.path, row.rubric ?? "", Self.number(row.score)] + ids.map { Self.number(row.criteria[$0]) }
        + [row.words.map(String.init) ?? "", row.status.rawValue, row.error ?? "", row.reason ?? ""]
      try out.write(CSV.record(fields))
    }
    func aggregate(_ name: String, _ value: String) throws(BatchError) {
      let fields = ["#aggregate", name, value]
      try out.write(CSV.record(fields + Array(repeating: "", count: max(0, header.count - fields.count))))
    }
    let c = aggregates.counts
    try aggregate("interrupted", String(interrupted))
    for (name, value) in [
      ("total", c.total), ("graded", c.graded), ("failed", c.failed), ("unchanged", c.unchanged),
      ("skipped", c.skipped), ("not-processed", c.notProcessed),
    ] {
      try aggregate(name, String(value))
    }
    let s = aggregates.score
    try aggregate("score.count", String(s.count))
    for (name, value) in [("mean", s.mean), ("median", s.median), ("minimum", s.minimum), ("maximum", s.maximum)] {
      try aggregate("score." + name, Self.number(value))
    }
    for criterion in aggregates.criteria {
      try aggregate("criterion.\(criterion.id).count", String(criterion.count))
      try aggregate("criterion.\(criterion.id).mean", Self.number(criterion.mean))
      for bin in criterion.distribution {
        try aggregate("criterion.\(criterion.id).\(Self.number(bin.from))-\(Self.number(bin.to))", String(bin.count))
      }
    }
    for tally in aggregates.missingElements { try aggregate("missing.\(tally.criterion)", String(tally.count)) }
    for tally in aggregates.mistakes { try aggregate("mistake.\(tally.criterion)", String(tally.count)) }
  }

  /// Everything but the rows, which are streamed in under `answers`.
  private struct Figures: Encodable {
    var counts: SummaryAggregates.Counts
    var criteria: [SummaryAggregates.CriterionStatistics]
    var interrupted: Bool
    var missingElements: [SummaryAggregates.Tally]
    var mistakes: [SummaryAggregates.Tally]
    var schema: String
    var score: SummaryAggregates.ScoreStatistics
  }

  private func writeJSON(_ aggregates: SummaryAggregates, interrupted: Bool, to out: inout FileSink)
    throws(BatchError)
  {
    let figures = Figures(
      counts: aggregates.counts, criteria: aggregates.criteria, interrupted: interrupted,
      missingElements: aggregates.missingElements, mistakes: aggregates.mistakes, schema: Self.schemaID,
      score: aggregates.score)
    let encoded: String
    do {
      encoded = String(decoding: try ReportFormat.encoder(pretty: true).encode(figures), as: UTF8.self)
    } catch {
      throw BatchError.summaryWrite(path: path, reason: "\(error)")
    }
    // `answers` sorts before every other key: open the object, stream the rows, then the rest of it.
    try out.write(rows == 0 ? "{\n  \"answers\" : [],\n" : "{\n  \"answers\" : [\n")
    var first = true
    let encoder = ReportFormat.encoder(pretty: false)
    try readRows { (row) throws(BatchError) in
      guard let line = try? encoder.encode(row) else {
        throw BatchError.summaryWrite(path: path, reason: "a row could not be encoded")
      }
      try out.write((first ? "    " : ",\n    ") + String(decoding: line, as: UTF8.self))
      first = false
    }
    if rows > 0 { try out.write("\n  ],\n") }
    try out.write(String(encoded.drop(while: { $0 != "\n" }).dropFirst()) + "\n")
  }

  /// A number as summaries show it: integers without a decimal point, nothing for nil.
  static func number(_ value: Double?) -> String {
    guard let value else { return "" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  private func failure(_ code: Int32) -> BatchError {
    .summaryWrite(path: path, reason: String(cString: strerror(code)))
  }
}

/// A file written through a 64 KiB buffer.
private struct FileSink {
  var fd: Int32
  let temporaryPath: String
  let target: String
  private var buffer: [UInt8] = []

  /// A new temporary file in `folder`, for the file `target` (named in errors).
  init(temporaryIn folder: String, for target: String) throws(BatchError) {
    var random = SystemRandomNumberGenerator()
    temporaryPath = folder + "/.answer-eval-\(getpid())-\(String(random.next() as UInt64, radix: 36)).tmp"
    self.target = target
    fd = open(temporaryPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    if fd < 0 { throw BatchError.summaryWrite(path: target, reason: String(cString: strerror(errno))) }
    buffer.reserveCapacity(1 << 16)
  }

  mutating func write(_ text: String) throws(BatchError) { try write(Array(text.utf8)) }

  mutating func write(_ bytes: [UInt8]) throws(BatchError) {
    buffer += bytes
    if buffer.count >= 1 << 16 { try flush() }
  }

  mutating func flush() throws(BatchError) {
    var written = 0
    while written < buffer.count {
      let n = buffer.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        throw BatchError.summaryWrite(path: target, reason: String(cString: strerror(errno)))
      }
      written += n
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
