/// The stages of grading one answer, in the order they run.
///
/// ```
/// decode → structure → normalize → tokenize → match → detect → score → write
/// ```
public enum PipelineStage: Int, Sendable, CaseIterable {
  /// Bytes to text: reading the file, the byte-order mark, UTF-8/UTF-16 validation.
  case decode
  /// The Markdown-aware block structure and the masked copy (``MarkdownStructure``).
  case structure
  /// NFKC_Casefold with the map back to the source (``NormalizedText``).
  case normalize
  /// ICU sentence and word breaks, tokens.
  case tokenize
  /// Cue matching over the tokens.
  case match
  /// The detectors: sentence features, STAR sections, every criterion's finding.
  case detect
  /// Scores, feedback and the report.
  case score
  /// The report rendered and written.
  case write

  public var name: String { String(describing: self) }
}

/// Told when each stage of an answer ends, so a benchmark can split the time by stage.
///
/// The normal path passes ``NoStageClock``, whose empty `lap` is specialized away: only the benchmark pays
/// for reading a clock.
public protocol StageClock {
  /// Called when `stage` has just finished.
  mutating func lap(_ stage: PipelineStage)
}

/// The clock of the normal path: does nothing.
///
/// It holds one unused byte so that it is not an empty type. A `-sanitize=thread` build instruments every
/// `inout` access of a generic `StageClock` parameter, and for a value of an empty type Swift passes an
/// address that every thread shares (here, the witness table's), so analyzing or grading on two threads at
/// once was reported as a "Swift access race" on nothing; the compiler skips only the accesses it knows to
/// be empty (swiftlang/swift#35579). With a byte each caller's clock has an address of its own.
public struct NoStageClock: StageClock {
  private var unused: UInt8 = 0

  public init() {}
  @inlinable @inline(__always)
  public func lap(_ stage: PipelineStage) {}
}
