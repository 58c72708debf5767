import AnswerEvalText

/// Runs the examples embedded in cue packs (`match:` with the expected span marked `⟦…⟧`, `no_match:`) and
/// in detector descriptors, and reports each failure at the example's own `file:line:col`.
///
/// ```
/// Rubrics/packs/star.en.yaml:31:15: error: [rubric.star.en] cue `label.task`: expected a match on
/// “My job”, found none (it matched: “job”)
/// ```
public struct ExampleRunner {
  private let analyzer: TextAnalyzer

  public init() throws {
    analyzer = try TextAnalyzer()
  }

  /// A failed example.
  public struct Failure: Sendable, Equatable, CustomStringConvertible {
    public var location: FileLocation
    public var id: String
    public var message: String

    public var description: String {
      RubricError(file: location.file, line: location.line, column: location.column, id: id, message: message)
        .errorDescription ?? message
    }
  }

  /// The number of examples run and the failures, for every cue of `pack`.
  public func check(_ pack: CuePack) -> (examples: Int, failures: [Failure]) {
    var failures: [Failure] = []
    var count = 0
    for cue in pack.cues {
      var single = pack
      single.cues = [cue]
      let matcher = CueMatcher(packs: [single])
      for example in cue.matchExamples {
        count += 1
        if let problem = checkMatch(example.text, matcher: matcher) {
          failures.append(Failure(location: example.location, id: pack.id, message: "cue `\(cue.id)`: \(problem)"))
        }
      }
      for example in cue.noMatchExamples {
        count += 1
        guard let text = try? analyzer.analyze(example.text, source: "example") else { continue }
        let found = matcher.matches(in: text)
        if let first = found.first {
          let matched = text.string(
            text.tokens[first.tokens.lowerBound].range
              .lowerBound..<text.tokens[first.tokens.upperBound - 1].range.upperBound)
          failures.append(
            Failure(
              location: example.location, id: pack.id,
              message: "cue `\(cue.id)`: a no_match example matched “\(matched)”; narrow the phrase or add an exception"
            ))
        }
      }
    }
    return (count, failures)
  }

  /// nil when `marked` (with `⟦…⟧`) matches exactly the marked span; else what went wrong.
  func checkMatch(_ marked: String, matcher: CueMatcher) -> String? {
    let scalars = Array(marked.unicodeScalars)
    guard let open = scalars.firstIndex(of: "⟦"), let close = scalars.firstIndex(of: "⟧"), open < close else {
      return "a match example must mark the expected span with ⟦…⟧"
    }
    var plain = String.UnicodeScalarView()
    plain.append(contentsOf: scalars[..<open])
    plain.append(contentsOf: scalars[(open + 1)..<close])
    plain.append(contentsOf: scalars[(close + 1)...])
    guard let text = try? analyzer.analyze(String(plain), source: "example") else {
      return "the example cannot be analyzed"
    }
    let expected = text.utf16Offset(ofScalar: open)..<text.utf16Offset(ofScalar: close - 1)
    let found = matcher.matches(in: text).map {
      text.tokens[$0.tokens.lowerBound].range.lowerBound..<text.tokens[$0.tokens.upperBound - 1].range.upperBound
    }
    if found.contains(expected) { return nil }
    let wanted = text.string(expected)
    if found.isEmpty { return "expected a match on “\(wanted)”, found none" }
    let others = found.map { "“\(text.string($0))”" }.joined(separator: ", ")
    return "expected a match on “\(wanted)”, found \(others) instead"
  }

  /// Runs every detector example against the rubric it names (``DetectorDescriptor/Example/rubric``),
  /// compiled from `library`.
  public func checkDetectors(library: RubricLibrary) throws -> (examples: Int, failures: [Failure]) {
    var total = 0
    var failures: [Failure] = []
    let names = Set(DetectorRegistry.all.flatMap { $0.examples.map(\.rubric) })
    for name in names.sorted() {
      let result = try checkDetectors(with: try library.compiled(name))
      total += result.examples
      failures += result.failures
    }
    return (total, failures)
  }

  /// Runs the detector examples that name `rubric` (and whose criterion it has) against it.
  public func checkDetectors(with rubric: CompiledRubric) throws -> (examples: Int, failures: [Failure]) {
    let grader = try Grader(rubric: rubric)
    var failures: [Failure] = []
    var count = 0
    for descriptor in DetectorRegistry.all {
      for example in descriptor.examples {
        guard example.rubric == rubric.rubric.id, rubric.rubric.criteria.contains(where: { $0.id == example.criterion })
        else { continue }
        count += 1
        let text = try analyzer.analyze(example.text, source: "example")
        let report = grader.grade(text)
        let detected = report.criteria.first { $0.id == example.criterion }?.detected ?? false
        if detected != example.detected {
          failures.append(
            Failure(
              location: FileLocation(file: example.file, line: example.line, column: 1), id: descriptor.id,
              message: "detector `\(descriptor.id)`: example expected \(example.criterion) "
                + "\(example.detected ? "detected" : "not detected"), got the opposite: “\(Scorer.excerpt(example.text))”"
            ))
        }
      }
    }
    return (count, failures)
  }
}
