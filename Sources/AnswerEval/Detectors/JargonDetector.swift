import AnswerEvalText
import Foundation

/// Finds jargon overload: buzzwords and management-speak ("synergy", "leverage", "best-in-class", "move
/// the needle", "circle back") and stacks of acronyms ("KPIs, OKRs and SLAs").
///
/// Density, not a word list: the `buzzword` cues' weights plus one per acronym stack are summed and divided
/// by the answer's words. At least `min_count` (2) and `partial_per_100` (2.5) per 100 words is a warning
/// (score 0.5); `present_per_100` (5) or more is the full mistake (score 0). An acronym is a word written
/// in capitals (two or more, an optional plural "s": "SLO", "KPIs"); a stack is `acronym_stack` (3) or more
/// of them joined by at most two short tokens (punctuation, "and", "or", "&"). Evidence is every buzzword and
/// stack.
public struct JargonDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "jargon",
    kind: .pitfall,
    summary: "Jargon overload: buzzwords, management-speak and stacked acronyms, by density.",
    rationale: """
      Buzzwords stand in for content: "we leveraged synergies to move the needle" says nothing an \
      interviewer can check, and a wall of acronyms makes them work to follow. A technical word where it \
      is the precise word is fine; the pattern to fix is many of them in little text.
      """,
    packs: ["jargon"],
    parameters: [
      .init("min_count", "the least weighted number of buzzwords that can fire (default 2)", kind: .number),
      .init("partial_per_100", "weighted buzzwords per 100 words for a warning (default 2.5)", kind: .number),
      .init("present_per_100", "weighted buzzwords per 100 words for the full penalty (default 5)", kind: .number),
      .init("acronym_stack", "acronyms close together that count as one stack (default 3)", kind: .number),
    ],
    examples: [
      .init(
        "We leveraged cross-functional synergies to move the needle on our north-star metric, and I circled "
          + "back with stakeholders to drive alignment.",
        detected: true, criterion: "pitfall.jargon"),
      .init(
        "I drove OKRs, KPIs, SLAs and QBRs across the org with a best-in-class, results-driven mindset.",
        detected: true, criterion: "pitfall.jargon"),
      .init(
        "Last spring I moved the nightly import to a queue, so a slow supplier feed no longer blocked the "
          + "others. Imports that used to take six hours finished in forty minutes.",
        detected: false, criterion: "pitfall.jargon"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let buzzwords = context.matches(detector: Self.descriptor.id)
    let stacks = Self.acronymStacks(in: context.text, minimum: Int(criterion.number("acronym_stack", default: 3)))
    var density = CueDensity(buzzwords, words: context.text.statistics.words)
    density.weight += Double(stacks.count)
    let outcome = density.outcome(criterion, minCount: 2, partialPer100: 2.5, presentPer100: 5)
    guard outcome != .missing else { return Finding(detected: false, score: 1, outcome: .missing) }
    let evidence = (density.matches.map { context.range(ofTokens: $0.tokens) } + stacks)
      .sorted { $0.lowerBound < $1.lowerBound }
    return Finding(
      detected: true, score: outcome.pitfallScore, outcome: outcome, evidence: evidence,
      values: [
        "count": "\(evidence.count)",
        "found": context.rubric.punctuation.quotedExcerpts(evidence.map(context.text.string)),
        "value": FixedPoint.string(density.per100Words, decimals: 1),
      ])
  }

  /// The UTF-16 ranges of runs of at least `minimum` acronyms with at most two tokens between neighbours,
  /// within a sentence.
  static func acronymStacks(in text: AnalyzedText, minimum: Int) -> [Range<Int>] {
    var stacks: [Range<Int>] = []
    for sentence in text.sentences {
      var run: [Int] = []
      func close() {
        if run.count >= minimum {
          stacks.append(text.tokens[run.first!].range.lowerBound..<text.tokens[run.last!].range.upperBound)
        }
        run = []
      }
      for index in sentence.tokens where isAcronym(at: index, in: text) {
        if let last = run.last, !joins((last + 1)..<index, in: text) { close() }
        run.append(index)
      }
      close()
    }
    return stacks
  }

  /// Whether the tokens between two acronyms keep them in one stack: at most two, each punctuation, a
  /// symbol or a word of at most three letters ("KPIs, OKRs", "SLOs & SLAs", "CI/CD", "QA and UX").
  static func joins(_ between: Range<Int>, in text: AnalyzedText) -> Bool {
    between.count <= 2
      && between.allSatisfy {
        !text.tokens[$0].isWordLike || (text.tokens[$0].kind == .word && text.normalizedCount($0) <= 3)
      }
  }

  /// ``isAcronym(_:in:)`` for the token at `index`, read in place. Most words start with a lowercase ASCII
  /// letter, and such a word is never an acronym whatever follows: it is told by its first unit.
  static func isAcronym(at index: Int, in text: AnalyzedText) -> Bool {
    guard text.tokens[index].kind == .word else { return false }
    if text.utf16[text.tokens[index].range.lowerBound] &- 0x61 < 26 { return false }
    return isAcronym(text.tokens[index], in: text)
  }

  /// A word written in two or more capital letters, optionally followed by a plural "s": "SLO", "KPIs".
  static func isAcronym(_ token: Token, in text: AnalyzedText) -> Bool {
    guard token.kind == .word else { return false }
    if let ascii = isASCIIAcronym(token.range, in: text.utf16) { return ascii }
    var letters = Array(text.string(token.range).unicodeScalars)
    if letters.count > 2, letters.last == "s" { letters.removeLast() }
    return letters.count >= 2
      && letters.allSatisfy { $0.properties.isUppercase && $0.properties.isAlphabetic }
  }

  /// ``isAcronym(_:in:)`` for a word that is ASCII in the text (nil otherwise), without building a string:
  /// in ASCII, the uppercase letters are A–Z.
  static func isASCIIAcronym(_ range: Range<Int>, in utf16: [UInt16]) -> Bool? {
    var end = range.upperBound
    for i in range where utf16[i] >= 0x80 { return nil }
    if range.count > 2, utf16[end - 1] == 0x73 { end -= 1 }
    guard end - range.lowerBound >= 2 else { return false }
    for i in range.lowerBound..<end where !(utf16[i] >= 0x41 && utf16[i] <= 0x5A) { return false }
    return true
  }
}
