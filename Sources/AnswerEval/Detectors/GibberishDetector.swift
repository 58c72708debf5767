import AnswerEvalText

/// Finds text that is not an answer at all: keyboard mash, lorem ipsum, token soup, repeated characters.
///
/// Measured, not guessed — per word-like token:
/// - **junk**: a word with an implausible letter pattern (three or more letters and no vowel — "fjdk",
///   "hhh"; a run of `max_consonants` (6) consonants, counting th/ch/sh/ph/gh/ck/wh as one — "fjdksla"; one
///   letter three times in a row — "aaaa"), a lorem-ipsum or keyboard-run word from the `gibberish` pack,
///   or a token that repeats the one before it ("ok ok ok", "0.5 0.5"). Words written in capitals
///   (acronyms), words with digits, and words outside the Latin script are never junk by their letters.
/// - **function words**: the pack's common English function words ("the", "of", "we"); real prose is
///   35–55% function words.
///
/// The answer is gibberish (score 0) when junk is at least `junk_share` (0.3) of its word-like tokens,
/// when it has tokens but none word-like ("??? 🙂🙂🙂"), or when it has at least `min_words` (8) words and
/// fewer than `min_function_share` (6%) are English function words (pseudo-Latin, word lists) — unless as
/// many are function words of another language (an answer in French is not filler). A real answer with a
/// sentence of mash in it (at least three word-like tokens, at least `sentence_junk_share` (0.5) junk) is
/// a warning (score 0.5) pointing at that sentence. Evidence: the whole answer, or the junk sentences.
///
/// Grammatical word salad ("the latency gardener folds Tuesday into umbrellas") has normal letters and
/// function words, so these signals do not catch it.
public struct GibberishDetector: Detector {
  public static let descriptor = DetectorDescriptor(
    id: "gibberish",
    kind: .pitfall,
    summary: "Keyboard mash, lorem ipsum, token soup or repeated characters instead of an answer.",
    rationale: """
      A grader must not reward text that is not an answer: mash and filler get no credit, and this \
      criterion says so plainly instead of leaving the author to guess from low section scores.
      """,
    packs: ["gibberish"],
    parameters: [
      .init("junk_share", "share of word-like tokens that are junk for the whole answer (default 0.3)", kind: .number),
      .init("sentence_junk_share", "share of junk for one sentence of a real answer (default 0.5)", kind: .number),
      .init(
        "min_function_share", "least share of English function words in English prose (default 0.06)", kind: .number),
      .init("min_words", "the least number of words the function-word share is judged on (default 8)", kind: .number),
      .init("max_consonants", "a run of this many consonants is not an English word (default 6)", kind: .number),
    ],
    examples: [
      .init(
        "jfkdla;s fjdksla fjdkslajf;dlsa jfkd lsafjdk;lsa jfkdlsa;jfdk", detected: true, criterion: "pitfall.gibberish"),
      .init(
        "Lorem ipsum dolor sit amet, vernatis cobulum estrare nonti, pellaris arvendo sit quamnis dorelet.",
        detected: true, criterion: "pitfall.gibberish"),
      .init("aaaaaaaaaaaaaaaaaaaaaaaaaaaa", detected: true, criterion: "pitfall.gibberish"),
      .init("??? !!! 🙂🙂🙂 hmm hmm hmm ok ok ok ok", detected: true, criterion: "pitfall.gibberish"),
      .init(
        "I moved our nightly ETL from cron to Airflow in 2023 and cut failed runs from 12 a month to 1.",
        detected: false, criterion: "pitfall.gibberish"),
      .init(
        "L'année dernière, j'ai migré la base de données vers PostgreSQL et nous avons réduit la latence.",
        detected: false, criterion: "pitfall.gibberish"),
    ])

  public init() {}

  public func evaluate(_ criterion: Criterion, in context: AnswerContext) -> Finding {
    let text = context.text
    let maxConsonants = Int(criterion.number("max_consonants", default: 6))
    // Per token: inside a function-word, foreign-word or junk match.
    let count = text.tokens.count
    var function = [Bool](repeating: false, count: count), foreign = function, junk = function
    for match in context.matches(detector: Self.descriptor.id) {
      switch match.signal {
      case "function": for i in match.tokens { function[i] = true }
      case "foreign": for i in match.tokens { foreign[i] = true }
      case "lorem", "keyboard": for i in match.tokens { junk[i] = true }
      default: break
      }
    }
    // Per token: whether it is word-like (judged at all), read again for the sentences and the feedback.
    var wordLike = [Bool](repeating: false, count: count)
    var wordLikeCount = 0, junkCount = 0, words = 0
    var previous: Int?
    // (Optional chaining on the cache: binding it with `if let` per word retained and released it.)
    let letterVerdicts = context.letterVerdicts, hasCache = letterVerdicts != nil
    text.utf16.withUnsafeBufferPointer { utf16 in
      for index in text.tokens.indices {
        if text.tokens[index].kind == .word { words += 1 }
        guard text.tokens[index].kind.isWordLike else { continue }
        wordLike[index] = true
        wordLikeCount += 1
        if let previous, text.sameNormalized(index, previous) {
          junk[index] = true
        } else if text.tokens[index].kind == .word {
          // An ASCII word's verdict from its units (kept, or judged now and kept, when there is a cache); nil
          // when a unit is not ASCII, and only then are the word's Unicode properties read.
          let range = text.tokens[index].range
          let ascii =
            hasCache
            ? letterVerdicts?.verdict(utf16, range, maxConsonants: maxConsonants)
            : Self.implausibleASCII(UnsafeBufferPointer(rebasing: utf16[range]), maxConsonants: maxConsonants)
          if ascii ?? Self.implausibleUnicode(at: index, in: text, maxConsonants: maxConsonants) { junk[index] = true }
        }
        if junk[index] { junkCount += 1 }
        previous = index
      }
    }
    guard let first = text.sentences.first, let last = text.sentences.last else {
      return Finding(detected: false, score: 1, outcome: .missing)
    }
    let junkShare = wordLikeCount == 0 ? 1 : Double(junkCount) / Double(wordLikeCount)
    // The feedback's values, built only for an answer that gets feedback.
    func values() -> [String: String] {
      let junkTokens = text.tokens.indices.filter { wordLike[$0] && junk[$0] }
      let found = context.rubric.punctuation.quotedExcerpts(
        junkTokens.isEmpty ? [text.string(first.range)] : junkTokens.map { text.string(text.tokens[$0].range) })
      return ["count": "\(junkCount)", "found": found, "value": "\(Int((junkShare * 100).rounded()))%"]
    }
    let minFunction = criterion.number("min_function_share", default: 0.06)
    let fewFunctionWords =
      Double(words) >= criterion.number("min_words", default: 8)
      && Double(function.count(where: { $0 })) < minFunction * Double(words)
      && Double(foreign.count(where: { $0 })) < minFunction * Double(words)
    if junkShare >= criterion.number("junk_share", default: 0.3) || fewFunctionWords {
      let whole = first.range.lowerBound..<last.range.upperBound
      return Finding(detected: true, score: 0, outcome: .present, evidence: [whole], values: values())
    }
    let sentenceShare = criterion.number("sentence_junk_share", default: 0.5)
    let junkSentences = text.sentences.filter { sentence in
      var wordLikeHere = 0, junkHere = 0
      for index in sentence.tokens where wordLike[index] {
        wordLikeHere += 1
        if junk[index] { junkHere += 1 }
      }
      return wordLikeHere >= 3 && Double(junkHere) >= sentenceShare * Double(wordLikeHere)
    }
    guard !junkSentences.isEmpty else { return Finding(detected: false, score: 1, outcome: .missing) }
    return Finding(
      detected: true, score: 0.5, outcome: .partial, evidence: junkSentences.map(\.range), values: values())
  }

  /// A word whose letters no English word has: three or more letters and no vowel, a run of
  /// `maxConsonants` consonants (th, ch, sh, ph, gh, ck and wh count as one), or one letter three times in
  /// a row. Acronyms (written in capitals), words with digits and non-Latin words are never implausible.
  static func implausible(at index: Int, in text: AnalyzedText, maxConsonants: Int) -> Bool {
    guard text.tokens[index].kind == .word else { return false }
    if let ascii = implausibleASCII(at: index, in: text, maxConsonants: maxConsonants) { return ascii }
    return implausibleUnicode(at: index, in: text, maxConsonants: maxConsonants)
  }

  /// ``implausible(at:in:maxConsonants:)`` for any word, by the scalars' Unicode properties.
  static func implausibleUnicode(at index: Int, in text: AnalyzedText, maxConsonants: Int) -> Bool {
    let token = text.tokens[index]
    let original = text.string(token.range).unicodeScalars
    if original.count >= 2, original.allSatisfy({ $0.properties.isUppercase || !$0.properties.isAlphabetic }) {
      return false
    }
    let normalized = text.normalized(index)
    let letters = Array(normalized.unicodeScalars.filter { $0.properties.isAlphabetic })
    guard letters.count >= 3, !normalized.unicodeScalars.contains(where: { $0.properties.numericType != nil }),
      letters.allSatisfy({ $0.value < 0x250 })
    else { return false }
    let vowels = "aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿāăąēĕėęěīĭįıōŏőūŭůűų".unicodeScalars
    return letters.map(\.value).withUnsafeBufferPointer {
      implausible(letters: $0, isVowel: { vowels.contains(Unicode.Scalar($0)!) }, maxConsonants: maxConsonants)
    }
  }

  /// ``implausible(at:in:maxConsonants:)`` for the common case of a word that is ASCII in the text (nil
  /// otherwise), in one pass over its units, without its normalized string or Unicode properties: in ASCII,
  /// capitals are A–Z, letters A–Z and a–z, digits the only numeric characters, and a word's normalized form
  /// is its lowercase, so its letters are read from the text itself.
  static func implausibleASCII(at index: Int, in text: AnalyzedText, maxConsonants: Int) -> Bool? {
    let range = text.tokens[index].range
    return text.utf16.withUnsafeBufferPointer { utf16 in
      implausibleASCII(UnsafeBufferPointer(rebasing: utf16[range]), maxConsonants: maxConsonants)
    }
  }

  /// ``implausibleASCII(at:in:maxConsonants:)`` for a word's units in the text.
  static func implausibleASCII(_ word: UnsafeBufferPointer<UInt16>, maxConsonants: Int) -> Bool? {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { letters -> Bool? in
      var count = 0
      var hasLowercase = false, hasDigit = false
      for u in word {
        if u >= 0x80 { return nil }
        if u &- 0x61 < 26 { hasLowercase = true }
        if u &- 0x30 < 10 { hasDigit = true }
        if (u | 0x20) &- 0x61 < 26 {
          letters[count] = UInt8(truncatingIfNeeded: u | 0x20)
          count += 1
        }
      }
      if word.count >= 2 && !hasLowercase { return false }  // an acronym
      guard !hasDigit, count >= 3 else { return false }
      return implausible(
        letters: UnsafeBufferPointer(rebasing: letters[..<count]), isVowel: isASCIIVowel, maxConsonants: maxConsonants
      )
    }
  }

  @inline(__always)
  static func isASCIIVowel<C: FixedWidthInteger & UnsignedInteger>(_ c: C) -> Bool {
    // Bit k of the mask: whether the letter "a" + k is a vowel (a e i o u y).
    let k = UInt32(truncatingIfNeeded: c) &- 0x61
    return k < 26 && (0x110_4111 as UInt32) >> k & 1 != 0
  }

  /// t, c, s, p, g, w: the first letter of th, ch, sh, ph, gh, wh, ck.
  @inline(__always)
  static func isDigraphStart<C: FixedWidthInteger & UnsignedInteger>(_ c: C) -> Bool {
    switch c {
    case 0x74, 0x63, 0x73, 0x70, 0x67, 0x77: true
    default: false
    }
  }

  /// The letter rules over a word's letters (Unicode scalar values, or ASCII bytes). Inlined into its
  /// callers, so that `isVowel` is not called through a closure for every letter.
  @inline(__always)
  static func implausible<C: FixedWidthInteger & UnsignedInteger>(
    letters: UnsafeBufferPointer<C>, isVowel: (C) -> Bool, maxConsonants: Int
  ) -> Bool {
    if !letters.contains(where: isVowel) { return true }
    var run = 0, repeats = 1
    var i = 0
    while i < letters.count {
      if i > 0, letters[i] == letters[i - 1] {
        repeats += 1
        if repeats >= 3 { return true }
      } else {
        repeats = 1
      }
      if isVowel(letters[i]) {
        run = 0
      } else {
        run += 1
        if run >= maxConsonants { return true }
        // h, k after t, c, s, p, g, w
        let next = i + 1 < letters.count ? letters[i + 1] : 0
        if next == 0x68 || next == 0x6B, isDigraphStart(letters[i]), !(next == 0x6B && letters[i] != 0x63) {
          i += 1  // th, ch, sh, ph, gh, wh, ck: one sound
        }
      }
      i += 1
    }
    return false
  }
}
