/// How a grader's reports compare with a corpus's gold labels: per-criterion precision, recall and F1,
/// section agreement per character, impact-quantity matching, and every criterion disagreement.
///
/// It reads only ``Report`` values, so it measures whatever the detectors produce. A gold criterion
/// absent from a report counts as not detected.
///
/// ```swift
/// let corpus = LabelledCorpus.load("Corpora/labelled")
/// let grader = try Grader()
/// let graded = try corpus.answers.map { answer in
///   (answer, grader.grade(try grader.analyzer.analyze(answer.text, source: answer.path)))
/// }
/// let evaluation = CorpusEvaluation(corpus: "Corpora/labelled", rubric: "behavioral", graded: graded)
/// evaluation.criteria[0].id          // "star.situation"
/// evaluation.sections.labelled       // SectionAgreement(answers: 23, characters: …, agreeing: …)
/// ```
public struct CorpusEvaluation: Sendable, Equatable {
  /// The `schema` of the JSON form.
  public static let schemaID = "answer-eval/evaluation/v1"

  /// One gold criterion's counts.
  public struct CriterionResult: Sendable, Equatable {
    public var id: String
    public var counts: ConfusionCounts

    public init(id: String, counts: ConfusionCounts) {
      self.id = id
      self.counts = counts
    }
  }

  /// Section agreement, split by kind of answer.
  public struct Sections: Sendable, Equatable {
    /// Answers whose gold `explicit_labels` is true.
    public var labelled: SectionAgreement
    /// Answers whose gold `explicit_labels` is false.
    public var unlabelled: SectionAgreement
    /// Answers with no story (gold `sections` empty), labelled or not.
    public var noStory: SectionAgreement
    /// No-story answers whose report has at least one section.
    public var noStoryAnswersWithSections: Int

    public init(
      labelled: SectionAgreement = .init(), unlabelled: SectionAgreement = .init(),
      noStory: SectionAgreement = .init(), noStoryAnswersWithSections: Int = 0
    ) {
      self.labelled = labelled
      self.unlabelled = unlabelled
      self.noStory = noStory
      self.noStoryAnswersWithSections = noStoryAnswersWithSections
    }
  }

  /// A criterion on which a report and the gold labels differ.
  public struct Disagreement: Sendable, Equatable {
    /// The answer's path.
    public var file: String
    public var criterion: String
    /// The gold label.
    public var expected: Bool
    /// The report's `detected` (false when the report lacks the criterion).
    public var got: Bool
    /// The texts of the report criterion's evidence spans (empty when it has none).
    public var evidence: [String]

    public init(file: String, criterion: String, expected: Bool, got: Bool, evidence: [String]) {
      self.file = file
      self.criterion = criterion
      self.expected = expected
      self.got = got
      self.evidence = evidence
    }
  }

  /// The corpus folder, as given.
  public var corpus: String
  /// The rubric the reports were graded with.
  public var rubric: String
  /// Answers evaluated.
  public var answers: Int
  /// One entry per ``GoldLabels/criterionIDs``, in that order.
  public var criteria: [CriterionResult]
  public var impactQuantities: QuantityMatch
  public var sections: Sections
  /// In answer order, then criterion order.
  public var disagreements: [Disagreement]

  /// Compares each answer's report with its gold labels.
  /// - Complexity: O(total characters + sections + quantities²) over the corpus.
  public init(corpus: String, rubric: String, graded: [(answer: LabelledAnswer, report: Report)]) {
    self.corpus = corpus
    self.rubric = rubric
    answers = graded.count
    var counts = [ConfusionCounts](repeating: ConfusionCounts(), count: GoldLabels.criterionIDs.count)
    impactQuantities = QuantityMatch()
    sections = Sections()
    disagreements = []
    for (answer, report) in graded {
      for (index, id) in GoldLabels.criterionIDs.enumerated() {
        let expected = answer.gold.criteria[id] ?? false
        let criterion = report.criteria.first { $0.id == id }
        let got = criterion?.detected ?? false
        counts[index].add(gold: expected, predicted: got)
        if expected != got {
          disagreements.append(
            Disagreement(
              file: answer.path, criterion: id, expected: expected, got: got,
              evidence: criterion?.evidence.map(\.text) ?? []))
        }
      }
      impactQuantities += QuantityMatch.compare(gold: answer.gold.quantities, predicted: report.quantities)
      let agreement = SectionAgreement.compare(
        text: answer.text, gold: answer.gold.sections, predicted: report.sections)
      if answer.gold.explicitLabels { sections.labelled += agreement } else { sections.unlabelled += agreement }
      if !answer.gold.hasStory {
        sections.noStory += agreement
        if !report.sections.isEmpty { sections.noStoryAnswersWithSections += 1 }
      }
    }
    criteria = zip(GoldLabels.criterionIDs, counts).map { CriterionResult(id: $0, counts: $1) }
  }

  /// The counts of criterion `id`, or nil when it is not a gold criterion.
  public func counts(of id: String) -> ConfusionCounts? { criteria.first { $0.id == id }?.counts }
}
