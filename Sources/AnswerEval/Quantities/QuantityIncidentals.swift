import AnswerEvalText

/// Gives a `reason` to the quantities that name or date something rather than measure it.
///
/// The `incidental.*` cues of the `quantities` pack mark the patterns (versions, labels, times of day,
/// option counts, idioms, formulas): a match claims the quantities that lie wholly inside it (only bare
/// ones when its value is `bare`). The rules below are the ones a phrase cannot say:
/// - **year**: a bare four-digit integer from 1900 to 2099 written without a separator, next to a year word
///   of the pack ("in 2019", "2020 was") or with no word after it ("… in Q3, 2019."), or joined to a year
///   before it ("from 2019 to 2021", "the 2003-04 season"); "2000 users" stays a count;
/// - **list**: a bare number opening a sentence before "." or ")" ("2. Task: …");
/// - **name**: a number glued after a word and a hyphen or "@" ("GPT-4", "SEV-1", "under-14"), after "#"
///   ("#1"), after a capitalized word inside a sentence ("Python 3.11", "Java 17", "a Year 5 class"), or
///   glued to a word that is no unit ("2PR", "3D");
/// - **version**: a bare decimal that repeats the major number and precision of a version or name
///   elsewhere in the answer ("Kubernetes 1.19 … skipping 1.20").
///
/// ```
/// "In 2019 we moved to Python 3.11 and cut p95 by 40%."  →  2019: year · 3.11: version · 40%: (none)
/// ```
struct QuantityIncidentals {
  let text: AnalyzedText
  let cues: QuantityCues

  private var tokens: [Token] { text.tokens }

  /// Gives each quantity without a `reason` the one the rules above find for it, if any.
  ///
  /// - Complexity: O(q log m + m) for q quantities and m `incidental.*` matches, since a match is a phrase
  ///   of a few tokens. (Comparing every quantity with every match was quadratic: a 5 MiB answer took 2.5 s,
  ///   a 50 MiB one 62 s.)
  func mark(_ quantities: inout [Quantity]) {
    var longest = 0
    for (k, match) in cues.incidentals.enumerated() {
      precondition(
        k == 0 || cues.incidentals[k - 1].tokens.lowerBound <= match.tokens.lowerBound,
        "cue matches must be ordered by start token")
      longest = max(longest, match.tokens.count)
    }
    for k in quantities.indices where quantities[k].reason == nil {
      let quantity = quantities[k]
      if k > 0, quantities[k - 1].reason == "year", quantities[k - 1].sentence == quantity.sentence,
        isYearShaped(quantity) || isSeasonEnd(quantity), joins(quantities[k - 1], quantity)
      {
        quantities[k].reason = "year"
      } else if let reason = incidental(holding: quantity, longest: longest) {
        quantities[k].reason = reason
      } else {
        quantities[k].reason = rule(quantity)
      }
    }
    let versions = Set(quantities.filter { $0.reason == "version" || $0.reason == "name" }.map { shape(of: $0) })
    for k in quantities.indices where quantities[k].reason == nil && quantities[k].bare && quantities[k].kind == .number
    {
      if versions.contains(shape(of: quantities[k])) { quantities[k].reason = "version" }
    }
  }

  /// The reason of the first `incidental.*` match, in match order (by start token, then cue), that holds
  /// the quantity whole; a `bareOnly` match holds only a bare quantity.
  ///
  /// Only the matches that start at most `longest` − 1 tokens before the quantity can hold its first token,
  /// and they sit just before the first match that starts after it.
  private func incidental(holding quantity: Quantity, longest: Int) -> String? {
    let incidentals = cues.incidentals
    let first = quantity.tokens.lowerBound
    var low = 0, high = incidentals.count
    while low < high {
      let middle = (low + high) / 2
      if incidentals[middle].tokens.lowerBound <= first { low = middle + 1 } else { high = middle }
    }
    var found: String?
    var k = low - 1
    while k >= 0, incidentals[k].tokens.lowerBound + longest > first {
      let match = incidentals[k]
      if match.tokens.contains(first) && match.tokens.upperBound >= quantity.tokens.upperBound
        && (!match.bareOnly || quantity.bare)
      {
        found = match.reason
      }
      k -= 1
    }
    return found
  }

  /// The major number and the number of decimals of a quantity's text ("1.19" → "1.2").
  private func shape(of quantity: Quantity) -> String {
    let written = text.string(quantity.range)
    let parts = written.split(separator: ".", maxSplits: 1)
    return parts.count == 2 ? "\(parts[0]).\(parts[1].count)" : written
  }

  private func rule(_ quantity: Quantity) -> String? {
    let first = quantity.tokens.lowerBound
    let after = quantity.tokens.upperBound
    let sentence = text.sentences[quantity.sentence].tokens
    if quantity.bare, first == sentence.lowerBound, after < sentence.upperBound, tokens[after].glued,
      text.normalized(after, is: ".") || text.normalized(after, is: ")")
    {
      return "list"
    }
    if isYearShaped(quantity),
      cues.end(at: first, { $0 == .year }) != nil || after >= sentence.upperBound || tokens[after].kind != .word
        || cues.has(after, { $0 == .yearAfter })
    {
      return "year"
    }
    if first - 1 >= sentence.lowerBound, tokens[first].glued {
      if text.normalized(first - 1, is: "#") { return "name" }
      if text.normalized(first - 1, is: "-") || text.normalized(first - 1, is: "@"), first - 2 >= sentence.lowerBound,
        tokens[first - 1].glued,
        tokens[first - 2].kind == .word, cues.end(at: first, { $0 == .approximate }) == nil
      {
        return "name"
      }
    }
    if quantity.bare, first - 2 >= sentence.lowerBound, tokens[first - 1].kind == .word, !tokens[first].glued,
      tokens[first - 2].kind == .word, isTitlecase(text.string(tokens[first - 1].range)),
      cues.end(at: first, { _ in true }) == nil
    {
      return "name"
    }
    if quantity.bare, after < sentence.upperBound, tokens[after].glued, tokens[after].kind == .word {
      return "name"
    }
    return nil
  }

  /// A bare, exact four-digit number from 1900 to 2099 (a range's upper end too).
  private func isYearShaped(_ quantity: Quantity) -> Bool {
    let written = text.normalized(quantity.tokens.lowerBound)
    return quantity.bare && !quantity.approximate && (quantity.kind == .count || quantity.kind == .rate)
      && (1900...2099).contains(quantity.value) && written.count == 4 && written.allSatisfy(\.isNumber)
      && quantity.high.map({ (1900...2099).contains($0) }) ?? true
  }

  /// The "04" of "2003-04": two digits glued to a dash.
  private func isSeasonEnd(_ quantity: Quantity) -> Bool {
    let first = quantity.tokens.lowerBound
    let written = text.normalized(first)
    return quantity.bare && written.count == 2 && written.allSatisfy(\.isNumber) && tokens[first].glued
      && first > 0 && text.normalized(first - 1, is: "-") && tokens[first - 1].glued
  }

  /// Only a range or "to" word stands between two quantities ("2019 to 2021", "2019–2021").
  private func joins(_ a: Quantity, _ b: Quantity) -> Bool {
    a.tokens.upperBound < b.tokens.lowerBound
      && cues.firstStarting(at: a.tokens.upperBound) {
        $0.tokens.upperBound == b.tokens.lowerBound && [.range, .to, .joiner].contains($0.role)
      } != nil
  }

  /// "Python", "Kubernetes": an upper-case letter, then at least one lower-case one.
  private func isTitlecase(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.unicodeScalars.count >= 2 else {
      return false
    }
    return word.unicodeScalars.dropFirst().contains { $0.properties.isLowercase }
  }
}
