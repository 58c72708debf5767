import AnswerEval
import AnswerEvalText
import ArgumentParser
import Foundation

struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Measure the grader against a gold-labelled corpus, and check the figures against their floors.",
    discussion: """
      CORPUS holds answers (NNN-slug.md) with gold labels beside them (NNN-slug.json, format in \
      Corpora/README.md). Every answer is graded and compared with its labels:

        - precision, recall and F1 with TP/FP/FN/TN for star.situation, star.task, star.action, \
      star.result, tradeoff, quantification and reflection (a criterion missing from a report counts as \
      not detected; 0/0 is 1.0 when neither side has a positive, else 0.0);
        - section agreement per non-whitespace character, for answers with explicit labels, for the \
      others, and for no-story answers, with how many no-story answers got a predicted section;
        - impact quantities matched by span overlap (informative, no floor);
        - every criterion where the report and the labels disagree, with the report's evidence.

      The floors file (CORPUS/floors.json unless --floors is given) holds the minimum of each figure. \
      A missing or malformed sidecar, or a span whose text is not the answer's text at its offsets, is \
      reported for every file before anything is graded.

      Exit codes: 0 every figure meets its floor; 1 a figure is below its floor (listed on stderr); \
      2 the corpus or the floors file cannot be used; 64 usage error.

      Examples:
        answer-eval evaluate Corpora/labelled
        answer-eval evaluate Corpora/labelled --format json > evaluation.json
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Argument(help: ArgumentHelp("A folder of answers with gold-label sidecars.", valueName: "corpus"))
  var corpus: String

  @Option(name: .long, help: ArgumentHelp("Rubric to grade with", valueName: "id"))
  var rubric: String = "behavioral"

  @Option(name: .long, help: "Output format: text (a readable table) or json.")
  var format: Format = .text

  @Option(
    name: .long,
    help: ArgumentHelp("The floors file (default: CORPUS/floors.json, when it exists).", valueName: "file"))
  var floors: String?

  func run() throws {
    let labelled = LabelledCorpus.load(corpus)
    var problems = labelled.problems
    var floorsFile: (path: String, floors: EvaluationFloors)?
    if problems != [.corpusNotFound(path: corpus)] {
      do {
        floorsFile = try loadFloors()
      } catch {
        problems.append(error)
      }
    }
    if !problems.isEmpty {
      for problem in problems { Diagnostics.error(describe(problem)) }
      throw ExitStatus.failed
    }

    let grader: Grader
    var graded: [(answer: LabelledAnswer, report: Report)] = []
    do {
      grader = try Grader(rubric: try RubricLibrary.shared.compiled(rubric))
      for answer in labelled.answers {
        graded.append((answer, grader.grade(try grader.analyzer.analyze(answer.text, source: answer.path))))
      }
    } catch {
      Diagnostics.error(describe(error))
      throw ExitStatus.failed
    }
    let evaluation = CorpusEvaluation(corpus: corpus, rubric: rubric, graded: graded)
    switch format {
    case .text: Output.write(evaluation.renderText())
    case .json: Output.write(try evaluation.renderJSON())
    }

    guard let floorsFile else { return }
    let misses = floorsFile.floors.misses(evaluation, path: floorsFile.path)
    for miss in misses { Diagnostics.error(describe(miss)) }
    if !misses.isEmpty { throw ExitStatus.belowFloors }
  }

  /// The floors to check: `--floors`, else the corpus's floors file when there is one.
  private func loadFloors() throws(EvaluationError) -> (path: String, floors: EvaluationFloors)? {
    if let floors { return (floors, try EvaluationFloors.load(floors)) }
    let path = LabelledCorpus.path(LabelledCorpus.floorsFileName, in: corpus)
    guard FileManager.default.fileExists(atPath: path) else {
      Diagnostics.warning(
        "\(corpus): warning: [evaluate.no-floors] no \(LabelledCorpus.floorsFileName); no floors checked")
      return nil
    }
    return (path, try EvaluationFloors.load(path))
  }
}

extension ExitStatus {
  /// `evaluate`: a figure is below its floor.
  static let belowFloors = ExitCode(1)
}
