extension GoldLabels {
  /// The problems of these labels against the answer `text` they label, for the sidecar at `path`.
  ///
  /// - Every span lies inside the answer (`0 <= start < end <= characters`, in Unicode scalars) and its
  ///   `text` is exactly the answer's substring there.
  /// - Sections, and quantities, are in text order and do not overlap.
  /// - The consistency rules of `Corpora/README.md` hold: each `star.*` criterion is true exactly when a
  ///   section with its label exists; `quantification` is true exactly when there are quantities; a
  ///   `reflection` section implies `reflection`; sections exist only where a `star.*` criterion is true.
  ///
  /// ```swift
  /// gold.validate(against: "We shipped it.", path: "a.json")
  /// // [] — or e.g. [.spanTextMismatch(path: "a.json", key: "sections[0]", start: 1, end: 15, …)]
  /// ```
  /// - Returns: every problem found, in sidecar order; empty when the labels fit the answer.
  public func validate(against text: String, path: String) -> [EvaluationError] {
    let scalars = Array(text.unicodeScalars)
    var problems: [EvaluationError] = []
    let lists: [(name: String, spans: [GoldSpan])] = [
      ("sections", sections.map(\.span)), ("quantities", quantities),
    ]
    for (name, spans) in lists {
      var previous: (key: String, end: Int)?
      for (index, span) in spans.enumerated() {
        let key = "\(name)[\(index)]"
        guard span.start < span.end, span.end <= scalars.count else {
          problems.append(
            .spanOutOfRange(path: path, key: key, start: span.start, end: span.end, characters: scalars.count))
          continue
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        let actual = String(view)
        if !actual.unicodeScalars.elementsEqual(span.text.unicodeScalars) {
          problems.append(
            .spanTextMismatch(
              path: path, key: key, start: span.start, end: span.end, expected: span.text, actual: actual))
        }
        if let previous, span.start < previous.end {
          problems.append(
            .spansOutOfOrder(
              path: path, key: key, start: span.start, previousKey: previous.key, previousEnd: previous.end))
        }
        previous = (key, span.end)
      }
    }
    problems += ruleViolations(path: path)
    return problems
  }

  /// The consistency rules of `Corpora/README.md` that these labels break.
  private func ruleViolations(path: String) -> [EvaluationError] {
    var problems: [EvaluationError] = []
    let labels = Set(sections.map(\.label))
    for label in [Report.Section.Label.situation, .task, .action, .result] {
      let id = "star.\(label.rawValue)"
      let value = criteria[id] ?? false
      if value != labels.contains(label) {
        problems.append(
          .inconsistent(
            path: path,
            rule: value
              ? "\"criteria.\(id)\" is true but there is no \(label.rawValue) section"
              : "\"criteria.\(id)\" is false but there is \(label == .action ? "an" : "a") \(label.rawValue) section"))
      }
    }
    if labels == [.reflection] {
      problems.append(
        .inconsistent(path: path, rule: "\"sections\" has only a reflection; sections exist only in a story"))
    }
    if labels.contains(.reflection), criteria["reflection"] != true {
      problems.append(
        .inconsistent(path: path, rule: "\"criteria.reflection\" is false but there is a reflection section"))
    }
    if (criteria["quantification"] ?? false) == quantities.isEmpty {
      problems.append(
        .inconsistent(
          path: path,
          rule: quantities.isEmpty
            ? "\"criteria.quantification\" is true but \"quantities\" is empty"
            : "\"criteria.quantification\" is false but \"quantities\" is not empty"))
    }
    return problems
  }
}
