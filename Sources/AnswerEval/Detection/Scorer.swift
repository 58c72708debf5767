import AnswerEvalText

/// Turns findings into the report: per-criterion scores and feedback, the weighted total (0–100) and its
/// level band, sections.
///
/// Total = Σ weight × score / Σ weight × 100 over criteria with a positive weight, rounded to one decimal;
/// a pitfall with a `cap` that is fully present (gibberish, keyword stuffing) limits the total to its cap.
/// Feedback comes from the criterion's templates: a quality criterion that is present is a strength,
/// partial or missing a suggestion; a pitfall that is detected is a warning (an absent pitfall says
/// nothing).
public enum Scorer {
  /// The report of the answer of `context`, whose rubric's criterion `i` concluded `findings[i]`.
  public static func report(for context: AnswerContext, findings: [Finding]) -> Report {
    precondition(findings.count == context.rubric.rubric.criteria.count, "one finding per criterion of the rubric")
    // The criteria are read in place, through a buffer: a `Criterion` (strings, parameters, feedback) copied
    // out of the array for each answer cost a retain and a release for each of its parts.
    return context.rubric.rubric.criteria.withUnsafeBufferPointer { criteria in
      report(for: context, criteria: criteria, findings: findings)
    }
  }

  private static func report(
    for context: AnswerContext, criteria: UnsafeBufferPointer<Criterion>, findings: [Finding]
  ) -> Report {
    let text = context.text
    var report = Report(statisticsOf: text)
    report.rubric = Report.RubricRef(id: context.rubric.rubric.id, version: context.rubric.rubric.version)
    var weighted = 0.0, weights = 0.0
    var cap = 100.0
    for (index, finding) in findings.enumerated() {
      let kind = type(of: context.rubric.detectors[index]).descriptor.kind
      let evidence = finding.evidence.map { text.span($0) }
      var values = finding.values
      if values["evidence"] == nil, let first = evidence.first {
        values["evidence"] = context.rubric.punctuation.quoted(excerpt(first.text))
      }
      let template: String
      let severity: Report.Feedback.Severity?
      switch (kind, finding.outcome) {
      case (.quality, .present): (template, severity) = (criteria[index].feedback.present, .strength)
      case (.quality, .partial): (template, severity) = (criteria[index].feedback.partial, .suggestion)
      case (.quality, .missing): (template, severity) = (criteria[index].feedback.missing, .suggestion)
      case (.pitfall, .present): (template, severity) = (criteria[index].feedback.present, .warning)
      case (.pitfall, .partial): (template, severity) = (criteria[index].feedback.partial, .warning)
      case (.pitfall, .missing): (template, severity) = (criteria[index].feedback.missing, nil)
      }
      let message = FeedbackTemplate.fill(template, values: values)
      let score = (finding.score * 1000).rounded() / 1000
      report.criteria.append(
        Report.Criterion(
          id: criteria[index].id, detected: finding.detected, score: score, weight: criteria[index].weight,
          evidence: evidence,
          feedback: message))
      if let severity, !message.isEmpty {
        report.feedback.append(
          Report.Feedback(criterion: criteria[index].id, severity: severity, message: message, span: evidence.first))
      }
      if kind == .pitfall, finding.outcome == .present, let limit = criteria[index].cap { cap = min(cap, limit) }
      if criteria[index].weight > 0 {
        weighted += criteria[index].weight * finding.score
        weights += criteria[index].weight
      }
    }
    let total = min(weights > 0 ? (weighted / weights * 1000).rounded() / 10 : 0, cap)
    report.score = Report.Score(total: total, level: context.rubric.rubric.level(for: total))
    report.sections = context.star.sections.map {
      Report.Section(label: $0.label, span: text.span($0.range), confidence: $0.confidence)
    }
    report.quantities = context.quantities.map { Report.Quantity($0, in: text) }
    // Warnings first, then suggestions, then strengths, each in the rubric's order.
    let feedback = report.feedback
    report.feedback = [.warning, .suggestion, .strength].flatMap { severity in
      feedback.filter { $0.severity == severity }
    }
    return report
  }

  /// At most 80 characters of `text` on one line, with an ellipsis when cut.
  static func excerpt(_ text: String) -> String {
    if let short = excerptOfSimpleText(text) { return short }
    let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    return flat.count <= 80 ? flat : String(flat.prefix(79)) + "…"
  }

  /// ``excerpt(_:)`` without splitting the whole text into characters, when the text up to where the
  /// excerpt ends is made of characters that are always one grapheme each (below U+0300 but a carriage
  /// return, or common punctuation such as quotes and dashes); nil otherwise.
  static func excerptOfSimpleText(_ text: String) -> String? {
    // Most evidence is ASCII: its bytes are its characters, read without decoding scalars (nil at the first
    // byte that is not, and the scalars are read instead).
    var text = text
    let ascii = text.withUTF8 { bytes in
      excerpt(of: bytes.lazy.map { Unicode.Scalar($0) }, simple: { $0.value < 0x80 && $0 != "\r" })
    }
    return ascii
      ?? excerpt(of: text.unicodeScalars) { scalar in
        let v = scalar.value
        return (v < 0x300 && v != 0x0D) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
      }
  }

  /// The excerpt of `scalars`, each one character; nil at the first that is not `simple`.
  @inline(__always)
  private static func excerpt(
    of scalars: some Sequence<Unicode.Scalar>, simple: (Unicode.Scalar) -> Bool
  ) -> String? {
    // At most 82 characters of up to three bytes each are kept before the loop stops, then an ellipsis.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * 82 + 3) { utf8 -> String? in
      // `count` bytes written for `kept` characters; `cut`: where the 79th character ends.
      var count = 0, kept = 0, cut = 0
      var pendingSpace = false
      @inline(__always) func keep(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { byte in
          utf8[count] = byte
          count += 1
        }
        kept += 1
        if kept == 79 { cut = count }
      }
      for scalar in scalars {
        guard simple(scalar) else { return nil }
        if scalar == "\n" {
          pendingSpace = kept > 0
          continue
        }
        if pendingSpace {
          keep(" ")
          pendingSpace = false
        }
        keep(scalar)
        if kept > 80 { break }
      }
      if kept > 80 {
        count = cut
        keep("…")
      }
      return String(decoding: UnsafeBufferPointer(rebasing: utf8[..<count]), as: UTF8.self)
    }
  }
}
