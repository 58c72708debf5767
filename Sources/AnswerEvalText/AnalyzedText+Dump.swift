import Foundation

/// The `answer-eval tokens` debug dump: blocks, sentences and tokens with their spans.
///
/// As a readable listing (`ranges` are `line:column` of the first character to `line:column` just past
/// the last, in the original text):
/// ```
/// answer.md: 1 block, 1 sentence, 4 tokens, 3 words
/// paragraph @1:1-1:17
///   sentence @1:1-1:17 "Cut p95 by 40%."
///     word         @1:1-1:4    Cut → cut
///     word         @1:5-1:8    p95
///     …
/// ```
public struct TextDump: Codable, Sendable, Equatable {
  public struct TokenEntry: Codable, Sendable, Equatable {
    public var kind: Token.Kind
    public var normalized: String
    public var glued: Bool
    public var span: Span
  }
  public struct SentenceEntry: Codable, Sendable, Equatable {
    public var span: Span
    public var tokens: [TokenEntry]
  }
  public struct BlockEntry: Codable, Sendable, Equatable {
    public var kind: MarkdownStructure.BlockKind
    public var level: Int
    public var span: Span
    /// Empty for code blocks, which are not analyzed.
    public var sentences: [SentenceEntry]
  }
  public struct FrontMatterEntry: Codable, Sendable, Equatable {
    public var key: String
    public var value: String
  }

  public var source: String
  public var statistics: TextStatistics
  public var frontMatter: [FrontMatterEntry]
  public var blocks: [BlockEntry]

  public init(_ text: AnalyzedText) {
    source = text.source
    statistics = text.statistics
    frontMatter = text.structure.frontMatter.map { FrontMatterEntry(key: $0.key, value: $0.value) }
    var blocks = text.structure.blocks.map {
      BlockEntry(kind: $0.kind, level: $0.level, span: text.span($0.range), sentences: [])
    }
    for sentence in text.sentences {
      let tokens = sentence.tokens.map {
        TokenEntry(
          kind: text.tokens[$0].kind, normalized: text.normalized($0), glued: text.tokens[$0].glued,
          span: text.span(text.tokens[$0].range))
      }
      blocks[sentence.block].sentences.append(SentenceEntry(span: text.span(sentence.range), tokens: tokens))
    }
    self.blocks = blocks
  }

  /// The readable listing.
  public var listing: String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    func at(_ span: Span) -> String {
      let lines = span.text.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
      let endLine = span.line + lines.count - 1
      let endColumn =
        lines.count == 1 ? span.column + span.text.unicodeScalars.count : (lines.last?.unicodeScalars.count ?? 0) + 1
      return "@\(span.line):\(span.column)-\(endLine):\(endColumn)"
    }
    let sentenceCount = blocks.reduce(0) { $0 + $1.sentences.count }
    let tokenCount = blocks.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.tokens.count } }
    var out =
      "\(source): \(plural(blocks.count, "block")), \(plural(sentenceCount, "sentence")), "
      + "\(plural(tokenCount, "token")), \(plural(statistics.words, "word"))\n"
    for entry in frontMatter { out += "front matter: \(entry.key) = \(entry.value)\n" }
    for block in blocks {
      let level = block.kind == .heading ? " \(block.level)" : ""
      out += "\(block.kind.rawValue)\(level) \(at(block.span))\(block.kind == .code ? " (not analyzed)" : "")\n"
      for sentence in block.sentences {
        out += "  sentence \(at(sentence.span)) \(quoted(sentence.span.text))\n"
        for token in sentence.tokens {
          let kind = token.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
          let place = at(token.span).padding(toLength: 16, withPad: " ", startingAt: 0)
          let folded = token.normalized == token.span.text ? "" : " → \(token.normalized)"
          out += "    \(kind) \(place) \(token.span.text)\(folded)\(token.glued ? " (glued)" : "")\n"
        }
      }
    }
    return out
  }

  private func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎") + "\""
  }
}
