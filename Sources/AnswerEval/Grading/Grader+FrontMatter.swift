import AnswerEvalText
import Foundation

extension Grader {
  /// The rubric an answer names in its front matter (`rubric: deployment-tradeoff`), if any.
  ///
  /// ```swift
  /// // ---\nquestion: Explain a tradeoff you made in deployment.\nrubric: deployment-tradeoff\n---\n…
  /// Grader.frontMatterRubric(of: text)   // "deployment-tradeoff"
  /// ```
  public static func frontMatterRubric(of text: AnalyzedText) -> String? {
    guard let value = text.structure.frontMatter.first(where: { $0.key == "rubric" })?.value, !value.isEmpty else {
      return nil
    }
    return value
  }

  /// Decodes and grades one answer with the rubric its front matter names (`rubric: NAME|PATH`), loaded
  /// from `library`, or with the grader's rubric when it names none. A relative path is taken from the
  /// answer's folder.
  /// - Throws: ``TextError`` for undecodable input; ``RubricError`` when the named rubric cannot be found
  ///   (pointing at the answer's `rubric:` line) or is invalid.
  public func grade(bytes: [UInt8], source: String, lossy: Bool = false, frontMatterRubrics library: RubricLibrary)
    throws -> Graded
  {
    let (text, decoded) = try analyzer.analyze(bytes: bytes, source: source, lossy: lossy)
    guard var name = Self.frontMatterRubric(of: text) else {
      return Graded(report: grade(text), text: text, replacements: decoded.replacements, rubric: self.rubric)
    }
    if RubricCatalog.isPath(name), !name.hasPrefix("/") {
      name = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent(name).path
    }
    let rubric: CompiledRubric
    do {
      rubric = try library.compiled(name)
    } catch let error as RubricError where error.line == 0 {
      let line =
        text.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(200)
        .firstIndex { $0.hasPrefix("rubric:") }.map { $0 + 1 } ?? 1
      throw RubricError(
        file: source, line: line, column: 1, id: error.id,
        message: "front matter `rubric: \(name)`: \(error.message); fix the `rubric:` line or pass --rubric")
    }
    return Graded(
      report: grade(text, rubric: rubric), text: text, replacements: decoded.replacements, rubric: rubric)
  }
}
