/// The JSON form of an evaluation (`answer-eval evaluate --format json`), rendered with sorted keys:
///
/// ```json
/// {
///   "answers" : 130,
///   "corpus" : "Corpora/labelled",
///   "criteria" : [
///     { "f1" : 0, "fn" : 60, "fp" : 0, "id" : "star.situation", "precision" : 0, "recall" : 0, "tn" : 70, "tp" : 0 }
///   ],
///   "disagreements" : [
///     { "criterion" : "star.situation", "evidence" : [], "expected" : true, "file" : "Corpora/labelled/001-….md",
///       "got" : false }
///   ],
///   "impact_quantities" : { "f1" : 0, "found" : 0, "gold" : 302, "matched" : 0, "precision" : 0,
///     "predicted" : 0, "recall" : 0 },
///   "rubric" : "behavioral",
///   "schema" : "answer-eval/evaluation/v1",
///   "sections" : {
///     "labelled" : { "agreeing" : 586, "agreement" : 0.0200898…, "answers" : 23, "characters" : 29169 },
///     "no_story" : { … }, "no_story_answers_with_sections" : 0, "unlabelled" : { … }
///   }
/// }
/// ```
extension CorpusEvaluation: Encodable {
  private enum Keys: String, CodingKey {
    case schema, corpus, rubric, answers, criteria
    case impactQuantities = "impact_quantities"
    case sections, disagreements
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(Self.schemaID, forKey: .schema)
    try container.encode(corpus, forKey: .corpus)
    try container.encode(rubric, forKey: .rubric)
    try container.encode(answers, forKey: .answers)
    try container.encode(criteria, forKey: .criteria)
    try container.encode(impactQuantities, forKey: .impactQuantities)
    try container.encode(sections, forKey: .sections)
    try container.encode(disagreements, forKey: .disagreements)
  }

  /// The JSON form, pretty-printed with sorted keys, ending with a newline.
  public func renderJSON() throws -> String {
    String(decoding: try ReportFormat.encoder(pretty: true).encode(self), as: UTF8.self) + "\n"
  }
}

extension CorpusEvaluation.CriterionResult: Encodable {
  private enum Keys: String, CodingKey { case id, tp, fp, fn, tn, precision, recall, f1 }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(id, forKey: .id)
    try container.encode(counts.tp, forKey: .tp)
    try container.encode(counts.fp, forKey: .fp)
    try container.encode(counts.fn, forKey: .fn)
    try container.encode(counts.tn, forKey: .tn)
    try container.encode(counts.precision, forKey: .precision)
    try container.encode(counts.recall, forKey: .recall)
    try container.encode(counts.f1, forKey: .f1)
  }
}

extension CorpusEvaluation.Sections: Encodable {
  private enum Keys: String, CodingKey {
    case labelled, unlabelled
    case noStory = "no_story"
    case noStoryAnswersWithSections = "no_story_answers_with_sections"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(labelled, forKey: .labelled)
    try container.encode(unlabelled, forKey: .unlabelled)
    try container.encode(noStory, forKey: .noStory)
    try container.encode(noStoryAnswersWithSections, forKey: .noStoryAnswersWithSections)
  }
}

extension CorpusEvaluation.Disagreement: Encodable {
  private enum Keys: String, CodingKey { case file, criterion, expected, got, evidence }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(file, forKey: .file)
    try container.encode(criterion, forKey: .criterion)
    try container.encode(expected, forKey: .expected)
    try container.encode(got, forKey: .got)
    try container.encode(evidence, forKey: .evidence)
  }
}

extension SectionAgreement: Encodable {
  private enum Keys: String, CodingKey { case answers, characters, agreeing, agreement }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(answers, forKey: .answers)
    try container.encode(characters, forKey: .characters)
    try container.encode(agreeing, forKey: .agreeing)
    try container.encode(agreement, forKey: .agreement)
  }
}

extension QuantityMatch: Encodable {
  private enum Keys: String, CodingKey { case gold, found, predicted, matched, precision, recall, f1 }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(gold, forKey: .gold)
    try container.encode(found, forKey: .found)
    try container.encode(predicted, forKey: .predicted)
    try container.encode(matched, forKey: .matched)
    try container.encode(precision, forKey: .precision)
    try container.encode(recall, forKey: .recall)
    try container.encode(f1, forKey: .f1)
  }
}
