import AnswerEvalText
import TestSupport
import Testing

/// Analyzes `text` as source "t".
func analyze(_ text: String) throws -> AnalyzedText { try TextAnalyzer().analyze(text, source: "t") }

/// (original text, kind initial, normalized) of every token.
func tokenTriples(_ text: AnalyzedText) -> [String] {
  text.tokens.indices.map { index in
    let original = text.string(text.tokens[index].range)
    let kind = text.tokens[index].kind.rawValue.prefix(1)
    let normalized = text.normalized(index)
    return original.unicodeScalars.elementsEqual(normalized.unicodeScalars)
      ? "\(original)/\(kind)" : "\(original)/\(kind)/\(normalized)"
  }
}

/// Every token, sentence and block span is the original substring at its scalar offsets, and the
/// analysis behind `multibytePrefix` (as its own paragraph) finds the same spans, shifted.
func expectHonestSpans(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let text = try analyze(input)
  let scalars = Array(input.unicodeScalars)
  func substring(_ span: Span) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[span.start..<span.end])
    return String(view)
  }
  let spans =
    text.tokens.map { text.span($0.range) } + text.sentences.map { text.span($0.range) }
    + text.structure.blocks.map { text.span($0.range) }
  for span in spans {
    #expect(substring(span) == span.text, "span \(span)", sourceLocation: sourceLocation)
  }
  let prefix = multibytePrefix + "\n\n"
  let shifted = try analyze(prefix + input)
  let shift = prefix.unicodeScalars.count
  let tail = shifted.tokens.suffix(text.tokens.count).map { shifted.span($0.range) }
  let expected = text.tokens.map { token -> Span in
    var span = text.span(token.range)
    span.start += shift
    span.end += shift
    span.line += 2
    return span
  }
  #expect(tail == expected, sourceLocation: sourceLocation)
}

@Suite struct TokenizerTests {
  /// ASCII text copies a range's bytes from the string, other text transcodes its UTF-16 units: both give
  /// the text of every token, sentence and line, and of ranges that start or end mid-word.
  @Test func rangeTextsAreTheOriginalUnits() throws {
    for input in [
      "We cut p95 from 900ms to 90ms.\r\nThen **costs** fell 12%! Done",
      "Café latency fell 40 % — naïve caching 👩🏽‍💻 was enough.\nZürich next.",
    ] {
      let text = try analyze(input)
      let ranges =
        text.tokens.map(\.range) + text.sentences.map(\.range) + [0..<text.utf16.count, 1..<5, 3..<3]
      for range in ranges {
        #expect(text.string(range) == String(decoding: text.utf16[range], as: UTF16.self), "\(range) of \(input)")
      }
    }
  }

  @Test func englishContractionsAndHyphens() throws {
    let text = try analyze("I don't think we'd re-run the state-of-the-art model—it’s fine.")
    #expect(
      tokenTriples(text) == [
        "I/w/i", "don't/w", "think/w", "we'd/w", "re/w", "-/p", "run/w", "the/w", "state/w", "-/p", "of/w", "-/p",
        "the/w", "-/p", "art/w", "model/w", "—/p/-", "it’s/w/it's", "fine/w", "./p",
      ])
    try expectHonestSpans(text.text)
  }

  @Test func numbersGluedToUnitsStayRecoverable() throws {
    let text = try analyze("Cut 500ms, $2.5M, 15%, 3x, p95, sub-100ms, 10k, 1,500,000, 2.5, 10×, GPT-4.")
    #expect(
      tokenTriples(text) == [
        "Cut/w/cut", "500/n", "ms/w", ",/p", "$/s", "2.5/n", "M/w/m", ",/p", "15/n", "%/p", ",/p", "3/n", "x/w",
        ",/p", "p95/w", ",/p", "sub/w", "-/p", "100/n", "ms/w", ",/p", "10/n", "k/w", ",/p", "1,500,000/n", ",/p",
        "2.5/n", ",/p", "10/n", "×/s", ",/p", "GPT/w/gpt", "-/p", "4/n", "./p",
      ])
    #expect(
      text.tokens.filter(\.glued).map { text.string($0.range) } == [
        "ms", ",", "2.5", "M", ",", "%", ",", "x", ",", ",", "-", "100", "ms", ",", "k", ",", ",", ",", "×", ",", "-",
        "4",
        ".",
      ])
    let ms = text.tokens[2]
    #expect(ms.glued && text.span(ms.range) == Span(start: 7, end: 9, line: 1, column: 8, text: "ms"))
    try expectHonestSpans(text.text)
  }

  @Test func germanSharpSAndUmlauts() throws {
    let text = try analyze("Die Straße in München ist schön; Maße groß.")
    #expect(
      tokenTriples(text) == [
        "Die/w/die", "Straße/w/strasse", "in/w", "München/w/münchen", "ist/w", "schön/w", ";/p", "Maße/w/masse",
        "groß/w/gross", "./p",
      ])
    try expectHonestSpans(text.text)
  }

  @Test func frenchAccentsAndElision() throws {
    let text = try analyze("Le café coûte 3,50 € à l’hôtel, déjà vu.")
    #expect(
      tokenTriples(text) == [
        "Le/w/le", "café/w", "coûte/w", "3,50/n", "€/s", "à/w", "l’hôtel/w/l'hôtel", ",/p", "déjà/w", "vu/w", "./p",
      ])
    try expectHonestSpans(text.text)
  }

  @Test func chineseIsSegmentedIntoWords() throws {
    let text = try analyze("我们把模型的延迟降低了百分之三十。")
    #expect(
      tokenTriples(text) == [
        "我们/i", "把/i", "模型/i", "的/i", "延迟/i", "降低/i", "了/i", "百分/i", "之/i", "三十/i", "。/p",
      ])
    try expectHonestSpans(text.text)
  }

  @Test func japaneseKanjiAndKana() throws {
    let text = try analyze("東京都に住んでいます。カタカナもあります。")
    #expect(
      tokenTriples(text) == [
        "東京/i", "都/i", "に/k", "住/i", "んで/k", "い/k", "ます/k", "。/p", "カタカナ/k", "も/k", "あり/k", "ます/k", "。/p",
      ])
    #expect(text.sentences.count == 2)
    try expectHonestSpans(text.text)
  }

  @Test func thaiIsSegmentedWithoutSpaces() throws {
    let text = try analyze("ภาษาไทยง่ายนิดเดียว")
    #expect(tokenTriples(text) == ["ภาษา/w", "ไทย/w", "ง่าย/w", "นิด/w", "เดียว/w"])
    try expectHonestSpans(text.text)
  }

  @Test func emojiSequencesStayWhole() throws {
    let text = try analyze("Team 👩🏽‍💻 shipped 🚀🎉 today 👍🏿.")
    #expect(
      tokenTriples(text) == [
        "Team/w/team", "👩🏽‍💻/s/👩🏽💻", "shipped/w", "🚀/s", "🎉/s", "today/w", "👍🏿/s", "./p",
      ])
    #expect(text.span(text.tokens[1].range) == Span(start: 5, end: 9, line: 1, column: 6, text: "👩🏽‍💻"))
    try expectHonestSpans(text.text)
  }

  @Test func combiningMarksLigaturesAndFullwidthDigits() throws {
    let text = try analyze("Cafe\u{301} nai\u{308}ve ﬁnance; Ｐ９５ was １２０ms.")
    #expect(
      tokenTriples(text) == [
        "Cafe\u{301}/w/café", "nai\u{308}ve/w/naïve", "ﬁnance/w/finance", ";/p", "Ｐ９５/w/p95", "was/w", "１２０/n/120",
        "ms/w", "./p",
      ])
    #expect(text.span(text.tokens[1].range) == Span(start: 6, end: 12, line: 1, column: 7, text: "nai\u{308}ve"))
    try expectHonestSpans(text.text)
  }

  @Test func crlfLineEndingsAndTabs() throws {
    let text = try analyze("First line.\r\n\r\n\tSecond\tline here.\r\nThird.")
    #expect(text.sentences.map { text.string($0.range) } == ["First line.", "Second\tline here.", "Third."])
    let third = text.tokens[text.tokens.indices.first { text.normalized($0) == "third" }!]
    #expect(text.span(third.range) == Span(start: 35, end: 40, line: 4, column: 1, text: "Third"))
    let second = text.tokens[text.tokens.indices.first { text.normalized($0) == "second" }!]
    #expect(text.span(second.range) == Span(start: 16, end: 22, line: 3, column: 2, text: "Second"))
    try expectHonestSpans(text.text)
  }

  @Test func statisticsCountWordsSentencesParagraphs() throws {
    let text = try analyze("# Title\n\nOne two three. Four five.\n\n- six\n- seven\n")
    #expect(text.statistics == TextStatistics(characters: 50, words: 8, sentences: 5, paragraphs: 3))
  }
}

@Suite struct SentenceTests {
  func sentences(_ input: String) throws -> [String] {
    let text = try analyze(input)
    return text.sentences.map { text.string($0.range) }
  }

  @Test func abbreviationsDoNotEndSentences() throws {
    #expect(
      try sentences("We chose Kafka vs. RabbitMQ, e.g. Kafka was faster. Dr. Smith approved approx. 5 servers. Done.")
        == ["We chose Kafka vs. RabbitMQ, e.g. Kafka was faster.", "Dr. Smith approved approx. 5 servers.", "Done."])
    #expect(
      try sentences("It was slow, i.e. Users left. Then we fixed it.") == [
        "It was slow, i.e. Users left.", "Then we fixed it.",
      ])
  }

  @Test func decimalsDoNotEndSentences() throws {
    #expect(
      try sentences("Latency fell to 2.5 s. AUC rose from 0.71 to 0.78.") == [
        "Latency fell to 2.5 s.", "AUC rose from 0.71 to 0.78.",
      ])
  }

  @Test func listItemsAndHeadingsAreBoundaries() throws {
    #expect(
      try sentences("## Result\n- cut costs\n- shipped early\n1. first step\n2) second step")
        == ["Result", "cut costs", "shipped early", "first step", "second step"])
  }

  @Test func hardWrappedProseIsOneSentence() throws {
    #expect(
      try sentences("We migrated the billing service to\nKubernetes over two weeks.") == [
        "We migrated the billing service to\nKubernetes over two weeks."
      ])
  }

  @Test func labelLinesAreBoundaries() throws {
    #expect(
      try sentences(
        "Situation: we were migrating the billing system\nTask: keep it online\nAction: I ran both in parallel")
        == [
          "Situation: we were migrating the billing system", "Task: keep it online", "Action: I ran both in parallel",
        ])
  }

  /// The tokens' normalized forms lie one after another in the text's one UTF-8 buffer, and are read from it
  /// (compared, counted) without a string; a token holds no string, so copying one retains nothing.
  @Test func normalizedFormsLieInOneBuffer() throws {
    let text = try analyze("Ｐ９５ fell: ﬁne, fine. Naïve Straße 500ms")
    #expect(
      text.tokens.indices.map(text.normalized) == [
        "p95", "fell", ":", "fine", ",", "fine", ".", "naïve", "strasse", "500", "ms",
      ])
    #expect(String(decoding: text.normalizedUTF8, as: UTF8.self) == "p95fell:fine,fine.naïvestrasse500ms")
    #expect(text.tokens.map(\.normalizedBytes.count) == [3, 4, 1, 4, 1, 4, 1, 6, 7, 3, 2])
    #expect(
      text.tokens.indices.dropFirst().allSatisfy {
        text.tokens[$0].normalizedBytes.lowerBound == text.tokens[$0 - 1].normalizedBytes.upperBound
      })
    #expect(text.normalized(2, is: ":") && !text.normalized(2, is: ";") && !text.normalized(1, is: "fel"))
    #expect(text.normalized(8, is: "strasse") && !text.normalized(8, is: "straße"))
    #expect(text.sameNormalized(3, 5) && !text.sameNormalized(3, 1) && !text.sameNormalized(2, 4))
    #expect(text.tokens.indices.map(text.normalizedCount) == [3, 4, 1, 4, 1, 4, 1, 5, 7, 3, 2])
    #expect(_isPOD(Token.self))
  }

  /// A large answer has about one token per 5 bytes, so a token's size is most of what an answer costs to
  /// hold: its one-byte fields are declared last, and it takes 48 bytes, not 56.
  @Test func aTokenTakes48Bytes() {
    #expect(MemoryLayout<Token>.stride == 48)
  }
}
