import Foundation
import Testing

@testable import AnswerEvalText

@Suite struct MarkdownStructureTests {
  /// (kind, level, original text) of every block.
  func blocks(_ input: String) throws -> [String] {
    let text = try analyze(input)
    return text.structure.blocks.map { "\($0.kind.rawValue)/\($0.level): \(text.string($0.range))" }
  }

  /// The text the analysis sees (masked markup as spaces).
  func masked(_ input: String) -> String {
    String(decoding: MarkdownStructure(parsing: Array(input.utf16)).masked, as: UTF16.self)
  }

  @Test func headingsParagraphsListsQuotes() throws {
    let input =
      "# Situation\n\nWe had **one** week.\nIt was tight.\n\n- first\n  continued\n2. second\n\n> quoted text\n> more\n\nSetext\n======\n"
    #expect(
      try blocks(input) == [
        "heading/1: # Situation", "paragraph/0: We had **one** week.\nIt was tight.",
        "list-item/0: - first\n  continued",
        "list-item/0: 2. second", "block-quote/0: > quoted text\n> more", "heading/1: Setext",
      ])
  }

  @Test func linesBreakAtEveryOffset() throws {
    // Lines are found four units at a time: a line break at every offset around those fours.
    for lineBreak in ["\n", "\r", "\r\n"] {
      for position in 1..<14 {
        let first = String("Plain-words-here".prefix(position))
        #expect(
          try blocks(first + lineBreak + lineBreak + "# Next") == ["paragraph/0: \(first)", "heading/1: # Next"],
          "\(lineBreak.debugDescription) after \(position)")
      }
    }
  }

  @Test func aBacktickOrABracketIsFoundAtEveryOffsetOfABlock() {
    // Blocks are searched four units at a time, from wherever they start.
    let plain = Array("plain text (with parens) and ] closers".utf16)
    for start in 0..<5 {
      let range = start..<plain.count - start
      #expect(!InlineSpans.holdsBacktickOrBracket(plain, range))
      for offset in range {
        for mark: UInt16 in [0x60, 0x5B] {
          var units = plain
          units[offset] = mark
          #expect(InlineSpans.holdsBacktickOrBracket(units, range), "\(mark) at \(offset) of \(range)")
          // Outside the range, it does not count.
          #expect(!InlineSpans.holdsBacktickOrBracket(units, range.lowerBound..<offset))
        }
      }
    }
  }

  @Test func codeIsMaskedAndCountsNoWords() throws {
    let input =
      "Intro text.\n\n```swift\nlet words = [\"many\", \"words\", \"here\"]\n```\n\n    let x = compute(y)\n\nAfter `inline code` here.\n"
    let text = try analyze(input)
    #expect(text.tokens.indices.map(text.normalized) == ["intro", "text", ".", "after", "here", "."])
    #expect(
      text.structure.blocks.filter { $0.kind == .code }.map { text.string($0.range) } == [
        "```swift\nlet words = [\"many\", \"words\", \"here\"]\n```", "let x = compute(y)",
      ])
    #expect(text.statistics.words == 4)
  }

  @Test func emphasisLinksAndTagsAreMaskedWithoutMovingText() {
    #expect(
      masked("**Task:** a _big_ [link](http://x.y) <b>bold</b> snake_case")
        == "  Task:   a  big   link                 bold     snake_case")
    // Each kind of markup after plain text, which is skipped up to the next character that can start one.
    #expect(
      masked("See ![alt](p.png), ~~old~~ *new* `x` <i>y</i> [z](u) wow!")
        == "See   alt        ,   old    new         y      z     wow!")
  }

  @Test func frontMatterIsReadAndMasked() throws {
    let text = try analyze("---\nrubric: deployment-tradeoff\nquestion: \"Why?\"\n---\nBody here.\n")
    #expect(
      text.structure.frontMatter.map { "\($0.key)=\($0.value)" } == ["rubric=deployment-tradeoff", "question=Why?"])
    #expect(text.sentences.map { text.string($0.range) } == ["Body here."])
    #expect(text.span(text.sentences[0].range).line == 5)
  }

  @Test func indentedProseIsNotCode() throws {
    #expect(
      try blocks("Intro.\n\n\tWe indented this paragraph.\n") == [
        "paragraph/0: Intro.", "paragraph/0: We indented this paragraph.",
      ])
  }

  @Test func thematicBreaksAreNotText() throws {
    #expect(try blocks("One.\n\n---\n\nTwo.\n* * *\n") == ["paragraph/0: One.", "paragraph/0: Two."])
  }

  @Test func linesOfSpacesAreBlank() throws {
    #expect(try blocks("One.\n  \n\tTwo.\n \t") == ["paragraph/0: One.", "paragraph/0: Two."])
    #expect(try blocks("   ").isEmpty)
    #expect(try blocks("  \n\n").isEmpty)
  }

  /// The closing backtick run found by looking ahead from the opener (what `InlineSpans` must equal).
  func referenceClosingBackticks(_ text: [UInt16], at i: Int, end: Int) -> Int? {
    func run(_ k: Int) -> Int {
      var j = k
      while j < end, text[j] == 0x60 { j += 1 }
      return j - k
    }
    let n = run(i)
    var k = i + n
    while k < end {
      if text[k] == 0x60 {
        let m = run(k)
        if m == n { return k + m }
        k += m
      } else {
        k += 1
      }
    }
    return nil
  }

  /// `[text](url)` found by looking ahead from the `[` (what `InlineSpans` must equal).
  func referenceLink(_ text: [UInt16], at i: Int, end: Int) -> (Int, Int)? {
    var k = i + 1
    var depth = 1
    while k < end {
      if text[k] == 0x5B { depth += 1 }
      if text[k] == 0x5D {
        depth -= 1
        if depth == 0 { break }
      }
      if text[k] == 0x0A { return nil }
      k += 1
    }
    guard k < end, k + 1 < end, text[k + 1] == 0x28 else { return nil }
    var m = k + 2
    while m < end, text[m] != 0x29 {
      if text[m] == 0x0A { return nil }
      m += 1
    }
    guard m < end else { return nil }
    return (k, m + 1)
  }

  @Test func codeSpansAndLinksSameAsLookingAhead() {
    let alphabet = Array("``` `[]()![ab\n ".utf16)
    var seed: UInt64 = 11
    for _ in 0..<3000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(seed >> 58) + 1
      var text: [UInt16] = []
      for _ in 0..<length {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(seed >> 33) % alphabet.count])
      }
      let start = min(2, text.count), end = text.count
      let spans = InlineSpans(text, start..<end)
      for i in start..<end {
        // Backtick runs are asked about at their first backtick.
        if text[i] == 0x60, i == start || text[i - 1] != 0x60 {
          #expect(spans.closingBackticks(at: i) == referenceClosingBackticks(text, at: i, end: end))
        }
        if text[i] == 0x5B {
          let link = spans.link(at: i, in: text)
          let reference = referenceLink(text, at: i, end: end)
          #expect(
            link?.textEnd == reference?.0 && link?.end == reference?.1,
            "\(String(decoding: text, as: UTF16.self).debugDescription) at \(i)")
        }
      }
    }
  }

  @Test func linksCloseAtTheirOwnBracketOnTheirOwnLine() {
    #expect(masked("[[a](b)") == "[ a    ")
    #expect(masked("[a [b] c](u) d") == " a [b] c     d")
    // Not links: a line break comes first (inside a paragraph it reads as a space).
    #expect(masked("[a\nb](u)") == "[a b](u)")
    #expect(masked("[a](b\nc)") == "[a](b c)")
    #expect(masked("![alt](p.png) [x]") == "  alt         [x]")
  }

  @Test func codeSpansCloseAtTheNextRunOfTheSameLength() {
    #expect(masked("a ``b`c`` d") == "a         d")
    #expect(masked("``` a `` b ` c ```") == "                  ")
    #expect(masked("`` a ` b") == "`` a ` b")
  }

  /// Each would make a scan per opener to the end of the line: quadratic on a long line.
  @Test(arguments: ["[", "[a](", "]", "`", "``` ` "])
  func unclosedMarkupOnALongLineTakesLinearTime(unit: String) {
    let line = String(repeating: unit, count: 200_000 / unit.count)
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = MarkdownStructure(parsing: Array(line.utf16)) }
    #expect(elapsed < .seconds(10))
  }
}
