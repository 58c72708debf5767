import Foundation

extension CorpusEvaluation {
  /// The readable form of an evaluation (`answer-eval evaluate --format text`): the criterion table with an
  /// informative impact-quantity row, section agreement, then every disagreement.
  ///
  /// ```
  /// Evaluation of c: 3 answers, rubric behavioral
  ///
  /// criterion          precision  recall     F1   TP   FP   FN   TN
  /// star.situation         1.000   1.000  1.000    0    0    0    3
  /// …
  /// star.result            1.000   0.500  0.667    1    0    1    1
  /// tradeoff               0.000   0.000  0.000    0    1    0    2
  /// …
  /// impact quantities      0.500   1.000  0.667    1    1    0    —
  /// Impact quantities match by span overlap: TP gold found, FP predicted unmatched, FN gold not found.
  ///
  /// Section agreement per non-whitespace character:
  ///   labelled    0.000  (0 of 21 characters, 1 answer)
  ///   unlabelled  0.226  (7 of 31 characters, 2 answers)
  ///   no-story    0.000  (0 of 14 characters, 1 answer); 1 got a predicted section
  ///
  /// Disagreements (3):
  ///   c/a.md  star.result     expected true   got false  evidence —
  ///   c/a.md  tradeoff        expected false  got true   evidence "We shipped."
  ///   c/c.md  quantification  expected true   got false  evidence —
  /// ```
  public func renderText() -> String {
    var lines = ["Evaluation of \(corpus): \(Self.plural(answers, "answer")), rubric \(rubric)", ""]
    lines += criterionTable()
    lines += ["", "Section agreement per non-whitespace character:"]
    let groups = [("labelled", sections.labelled), ("unlabelled", sections.unlabelled), ("no-story", sections.noStory)]
    for (name, agreement) in groups {
      var line =
        "  " + Self.left(name, 12) + Self.decimal(agreement.agreement) + "  (\(agreement.agreeing) of "
        + "\(Self.plural(agreement.characters, "character")), \(Self.plural(agreement.answers, "answer")))"
      if name == "no-story" { line += "; \(sections.noStoryAnswersWithSections) got a predicted section" }
      lines.append(line)
    }
    lines.append("")
    lines += disagreementList()
    return lines.joined(separator: "\n") + "\n"
  }

  private func criterionTable() -> [String] {
    let q = impactQuantities
    let rows: [(name: String, precision: Double, recall: Double, f1: Double, counts: [String])] =
      criteria.map { criterion in
        let c = criterion.counts
        return (criterion.id, c.precision, c.recall, c.f1, [c.tp, c.fp, c.fn, c.tn].map(String.init))
      } + [
        (
          "impact quantities", q.precision, q.recall, q.f1,
          ["\(q.found)", "\(q.predicted - q.matched)", "\(q.gold - q.found)", "—"]
        )
      ]
    let nameWidth = rows.map(\.name.count).max()! + 2
    let countWidth = max(5, rows.flatMap(\.counts).map(\.count).max()! + 2)
    var lines = [
      Self.left("criterion", nameWidth) + Self.right("precision", 9) + Self.right("recall", 8) + Self.right("F1", 7)
        + ["TP", "FP", "FN", "TN"].map { Self.right($0, countWidth) }.joined()
    ]
    for row in rows {
      lines.append(
        Self.left(row.name, nameWidth) + Self.right(Self.decimal(row.precision), 9)
          + Self.right(Self.decimal(row.recall), 8) + Self.right(Self.decimal(row.f1), 7)
          + row.counts.map { Self.right($0, countWidth) }.joined())
    }
    lines.append("Impact quantities match by span overlap: TP gold found, FP predicted unmatched, FN gold not found.")
    return lines
  }

  private func disagreementList() -> [String] {
    if disagreements.isEmpty { return ["Disagreements: none"] }
    let fileWidth = disagreements.map(\.file.count).max()! + 2
    let criterionWidth = disagreements.map(\.criterion.count).max()! + 2
    return ["Disagreements (\(disagreements.count)):"]
      + disagreements.map { d in
        let evidence = d.evidence.isEmpty ? "—" : d.evidence.map(Self.quote).joined(separator: ", ")
        return "  " + Self.left(d.file, fileWidth) + Self.left(d.criterion, criterionWidth)
          + Self.left("expected \(d.expected)", 16) + Self.left("got \(d.got)", 11) + "evidence " + evidence
      }
  }

  private static func left(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  private static func right(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  private static func decimal(_ value: Double) -> String { FixedPoint.string(value, decimals: 3) }

  private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

  /// Evidence in quotes on one line, cut to 60 Unicode scalars.
  private static func quote(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars.prefix(60))
    let flat = String(view).split(whereSeparator: \.isNewline).joined(separator: " ")
    return "\"" + flat + (scalars.count > 60 ? "…" : "") + "\""
  }
}
