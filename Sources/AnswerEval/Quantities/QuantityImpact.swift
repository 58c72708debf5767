/// Decides which quantities measure the story (`impact`) and why the others do not (`reason`).
///
/// A quantity is impact when no incidental pattern claims it and it belongs to a story: the answer
/// recounts a specific past story (``StarSegmentation/isStory``) and the sentence narrates (a past verb)
/// or is not hypothetical, advice or a definition; or — in an answer too short or odd to read as a story —
/// it is a change (a before/after value, a delta, or an outcome verb in its sentence) in a past-tense
/// sentence or in an answer where the speaker narrates something ("p95 went from 900ms to 90ms."). With no
/// story there is nothing for a number to measure: design answers, process descriptions, definitions and
/// advice have no impact quantities.
///
/// ```
/// "Last spring I cut checkout load time from 6 s to 1.8 s."   → 6 s, 1.8 s: impact
/// "I would cache it; say 100 requests per minute."           → 100: hypothetical
/// ```
enum QuantityImpact {
  static func classify(_ context: AnswerContext) -> [Quantity] {
    let lexicon = context.rubric.quantityLexicon
    guard lexicon.roles.contains(where: { $0 != nil }) else { return [] }
    let cues = QuantityCues(
      matches: context.matches(detector: QuantityLexicon.detector), lexicon: lexicon,
      tokenCount: context.text.tokens.count)
    var quantities = QuantityExtractor(text: context.text, cues: cues).extract()
    let story = context.star.isStory
    let features = context.features
    let narrated = features.contains(where: \.narrates)
    for k in quantities.indices where quantities[k].reason == nil {
      let sentence = features[quantities[k].sentence]
      // In a story, a sentence that also narrates ("The hall held 4,500, so we would have to…") keeps its
      // numbers; a counterfactual or a lesson with no past verb does not.
      if story && sentence.past > 0 {
        quantities[k].impact = true
      } else if sentence.hypothetical {
        quantities[k].reason = "hypothetical"
      } else if sentence.advice {
        quantities[k].reason = "advice"
      } else if sentence.definition {
        quantities[k].reason = "definition"
      } else if story
        || ((sentence.past > 0 || narrated) && !sentence.habitual
          && (quantities[k].role != nil || cues.impactSentences.contains(quantities[k].sentence)))
      {
        quantities[k].impact = true
      } else {
        quantities[k].reason = "no-story"
      }
    }
    return quantities
  }
}
