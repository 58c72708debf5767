import AnswerEval
import AnswerEvalText
import Foundation
import TestSupport
import Testing

/// The repository's rubrics, found through `#filePath` (never the working directory), and helpers that
/// run one criterion of a rubric over a text. Shared by the detector tests.
enum TestRubrics {
  static let catalog = RubricCatalog(folders: [Repository.path("Rubrics")])

  /// The bundled `behavioral` rubric, compiled once.
  static let behavioral: CompiledRubric = {
    do {
      return CompiledRubric(try RubricLoader(catalog: catalog).load("behavioral"))
    } catch {
      fatalError("Rubrics/behavioral.yaml does not load: \(error)")
    }
  }()

  /// The analysis of `text` with `rubric`.
  static func context(_ text: String, rubric: CompiledRubric = behavioral) throws -> AnswerContext {
    AnswerContext(text: try TextAnalyzer().analyze(text, source: "t"), rubric: rubric)
  }

  /// The finding of `criterion` on `text`, and the reported spans of its evidence.
  static func finding(_ criterion: String, _ text: String, rubric: CompiledRubric = behavioral) throws -> (
    finding: Finding, evidence: [Span]
  ) {
    let context = try context(text, rubric: rubric)
    let finding = try #require(context.finding(of: criterion), "no criterion \(criterion)")
    return (finding, finding.evidence.map { context.text.span($0) })
  }

  /// The evidence texts of `criterion` on `text`; also checks that behind a multibyte first paragraph the
  /// finding is the same and every span moves by exactly that paragraph's length (so it suits evidence
  /// that does not cover the whole answer).
  static func evidence(
    _ criterion: String, _ text: String, rubric: CompiledRubric = behavioral,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> [String] {
    let (finding, evidence) = try finding(criterion, text, rubric: rubric)
    let prefix = multibytePrefix + "\n\n"
    let (shiftedFinding, shifted) = try self.finding(criterion, prefix + text, rubric: rubric)
    let shift = prefix.unicodeScalars.count
    #expect(shiftedFinding.outcome == finding.outcome, "behind a multibyte prefix", sourceLocation: sourceLocation)
    #expect(
      shifted.map { [$0.start - shift, $0.end - shift] } == evidence.map { [$0.start, $0.end] },
      "behind a multibyte prefix", sourceLocation: sourceLocation)
    #expect(shifted.map(\.text) == evidence.map(\.text), sourceLocation: sourceLocation)
    return evidence.map(\.text)
  }

  /// Checks a detector's descriptor examples with the bundled rubric. Examples whose criterion the rubric
  /// does not have yet are returned (the caller decides whether that is expected).
  @discardableResult
  static func checkExamples(
    of detector: any Detector.Type, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> [DetectorDescriptor.Example] {
    var pending: [DetectorDescriptor.Example] = []
    for example in detector.descriptor.examples {
      guard behavioral.rubric.criteria.contains(where: { $0.id == example.criterion }) else {
        pending.append(example)
        continue
      }
      let (finding, _) = try finding(example.criterion, example.text)
      #expect(
        finding.detected == example.detected, "\(example.criterion): \(example.text)", sourceLocation: sourceLocation)
    }
    return pending
  }

  /// Writes `yaml` as the rubric file `NAME.yaml` in a new temporary folder, runs `body` with the file's path,
  /// and removes the folder again.
  static func withFile<T>(_ yaml: String, name: String = "test", _ body: (String) throws -> T) throws -> T {
    let folder = try TemporaryDirectory()
    return try withExtendedLifetime(folder) { try body(folder.write("\(name).yaml", yaml)) }
  }

  /// Loads a rubric file, finding packs and `extends` in the repository's `Rubrics/`.
  static func load(file: String) throws -> Rubric {
    try RubricLoader(catalog: catalog).load(file: file)
  }
}
