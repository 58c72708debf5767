import AnswerEvalText

extension AnswerContext {
  /// The `answer-eval explain` dump: for every sentence its `@line:col` range, grammar features, cue
  /// matches and the section it was given, then the findings.
  ///
  /// ```
  /// s1 @1:1 [situation] past=2 fp=1 "Last spring I was the data scientist…"
  ///    star/situation.time "Last spring" · grammar/first-singular "I" · grammar/past-irregular "was"
  /// ```
  public func explanation() -> String {
    var matchesBySentence = [[CueMatch]](repeating: [], count: text.sentences.count)
    for match in rubric.matcher.matches(in: text) { matchesBySentence[match.sentence].append(match) }
    var out =
      "\(text.source): \(text.sentences.count) sentences, story: \(star.isStory), explicit labels: \(star.explicit)\n"
    for (index, sentence) in text.sentences.enumerated() {
      let f = features[index]
      let label = star.sections.first { $0.sentences.contains(index) }?.label.rawValue ?? "-"
      let (line, column) = text.lineAndColumn(sentence.range.lowerBound)
      var flags: [String] = []
      if f.past > 0 { flags.append("past=\(f.past)") }
      if f.firstSingular > 0 { flags.append("i=\(f.firstSingular)") }
      if f.firstPlural > 0 { flags.append("we=\(f.firstPlural)") }
      if f.secondPerson > 0 { flags.append("you=\(f.secondPerson)") }
      for (flag, on) in [
        ("habitual", f.habitual), ("hypothetical", f.hypothetical), ("advice", f.advice), ("definition", f.definition),
      ] where on {
        flags.append(flag)
      }
      let excerpt = Scorer.excerpt(text.string(sentence.range))
      out += "s\(index + 1) @\(line):\(column) [\(label)] \(flags.joined(separator: " ")) \"\(excerpt)\"\n"
      let cues = matchesBySentence[index].map { match -> String in
        let cue = rubric.matcher.cues[match.cue]
        return
          "\(rubric.packDetector(ofCue: match.cue))/\(cue.cue.id) \"\(text.string(range(ofTokens: match.tokens)))\""
      }
      if !cues.isEmpty { out += "    " + cues.joined(separator: " · ") + "\n" }
    }
    return out
  }
}
