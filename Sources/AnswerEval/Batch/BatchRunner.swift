import Foundation

/// Grades a folder of answers: lists them (``FileWalker``), grades them on a pool of threads, each with its
/// own ``Grader`` (``OrderedParallelMap``), writes each report atomically under `--out`
/// (``OutputDirectory``) or hands it back for standard output, and writes the summary (``SummaryWriter``).
///
/// Everything the caller sees comes in input order on the calling thread, through `run`'s `consume`.
/// An answer that cannot be read, decoded, graded or written is a failed ``BatchOutcome``; the others go on.
/// Memory stays bounded however many answers there are: the file list, a window of 8 × jobs outcomes, and
/// one total score per answer (for the median).
///
/// ```swift
/// var options = BatchRunner.Options(roots: ["answers"])
/// options.outputDirectory = "reports"
/// let runner = try BatchRunner(options)
/// let result = try runner.run { outcome, progress in print(outcome.row.path) }
/// result.exitCode   // 0, 1 (below --min-score), 2 (a failure) or 130 (interrupted)
/// ```
public final class BatchRunner {
  public struct Options: Sendable {
    public var roots: [String]
    /// `--include` patterns; empty: `*.md` and `*.txt`.
    public var include: [GlobPattern] = []
    public var exclude: [GlobPattern] = []
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var format: ReportFormat = .json
    /// `--out`: reports go to files there; nil: to ``BatchOutcome/rendered`` for standard output.
    public var outputDirectory: String?
    public var summaryPath: String?
    /// `--rubric`, used for answers whose front matter names none.
    public var rubric: String?
    public var minScore: Double?
    /// `--resume`: skip answers whose report is newer than the answer.
    public var resume = false
    /// `--lossy`: replace invalid UTF-8 with U+FFFD (and warn) instead of failing.
    public var lossy = false
    /// `--max-bytes`: the most bytes one answer may have.
    public var maxBytes = InputReader.defaultLimit
    /// `--html-index`: give every outcome its ``BatchOutcome/indexRow``.
    public var htmlIndex = false

    public init(roots: [String]) { self.roots = roots }
  }

  /// The progress so far, as the consumer sees it.
  public struct Progress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var failed: Int

    public init(done: Int, total: Int, failed: Int) {
      self.done = done
      self.total = total
      self.failed = failed
    }
  }

  /// What a batch did.
  public struct Result: Sendable, Equatable {
    public var counts: SummaryAggregates.Counts
    public var interrupted: Bool
    /// Answers with a score below `--min-score`.
    public var belowMinScore: Int

    public init(counts: SummaryAggregates.Counts, interrupted: Bool, belowMinScore: Int) {
      self.counts = counts
      self.interrupted = interrupted
      self.belowMinScore = belowMinScore
    }

    /// 130 when interrupted, else 2 when an answer failed, else 1 when one fell below `--min-score`, else 0.
    public var exitCode: Int32 {
      interrupted ? 130 : counts.failed > 0 ? 2 : belowMinScore > 0 ? 1 : 0
    }
  }

  public let options: Options
  /// The answers, in order.
  public let listing: FileWalker.Listing
  private let output: OutputDirectory?
  private let summary: SummaryWriter?
  private let map: OrderedParallelMap<BatchOutcome>

  /// Opens (creating) the output folder and the summary, and lists the answers.
  /// - Throws: ``BatchError`` when the output folder or the summary cannot be written.
  public init(_ options: Options) throws(BatchError) {
    precondition(options.jobs >= 1, "jobs must be at least 1")
    self.options = options
    output = try options.outputDirectory.map { (path) throws(BatchError) in try OutputDirectory(creating: path) }
    summary = try options.summaryPath.map { (path) throws(BatchError) in try SummaryWriter(path: path) }
    var walker = FileWalker(include: options.include, exclude: options.exclude)
    if let out = options.outputDirectory, let id = FileWalker.FileID(path: out) { walker.excludedFolders.insert(id) }
    listing = walker.list(options.roots)
    map = OrderedParallelMap(count: listing.entries.count, jobs: options.jobs, window: 8 * options.jobs)
  }

  /// Stops the batch from any thread: answers in flight finish, the others are not started.
  public var cancel: @Sendable () -> Void { { [map] in map.cancel() } }

  /// Grades every answer, calling `consume` on this thread with each outcome in input order, then writes
  /// the summary.
  /// - Throws: ``BatchError/summaryWrite(path:reason:)``; an error thrown by `consume` (after stopping).
  public func run(_ consume: (BatchOutcome, Progress) throws -> Void) throws -> Result {
    let entries = listing.entries
    let options = options
    let output = output
    var accumulator = SummaryAggregates.Accumulator()
    var progress = Progress(done: 0, total: entries.count, failed: 0)
    var below = 0
    let consumed = try map.run(
      makeState: { try Grader() },
      work: { grader, index in BatchOutcome.process(entries[index], options: options, output: output, grader: grader) },
      consume: { _, outcome in
        accumulator.add(outcome.row, findings: outcome.findings)
        try summary?.append(outcome.row)
        progress.done += 1
        if outcome.row.status == .failed { progress.failed += 1 }
        if let min = options.minScore, let score = outcome.row.score, score < min { below += 1 }
        try consume(outcome, progress)
      })
    var aggregates = accumulator.aggregates
    aggregates.counts.total = entries.count
    aggregates.counts.skipped = listing.skipped
    aggregates.counts.notProcessed = entries.count - consumed
    let interrupted = map.isCancelled
    try summary?.finish(aggregates, interrupted: interrupted)
    return Result(counts: aggregates.counts, interrupted: interrupted, belowMinScore: below)
  }
}
