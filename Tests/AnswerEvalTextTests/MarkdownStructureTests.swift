import AnswerEvalText
import Testing

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

  @Test func codeIsMaskedAndCountsNoWords() throws {
    let input =
      "Intro text.\n\n```swift\nlet words = [\"many\", \"words\", \"here\"]\n```\n\n    let x = compute(y)\n\nAfter `inline code` here.\n"
    let text = try analyze(input)
    #expect(text.tokens.map(\.normalized) == ["intro", "text", ".", "after", "here", "."])
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
}
