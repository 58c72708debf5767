import AnswerEvalText
import Foundation

/// A cue phrase, compiled from its YAML text.
///
/// Syntax:
/// - `a b c | d e` — `|` at the top level separates whole alternative phrases;
/// - `word` matches the word and its inflections (`reduce` matches "reduced", "reducing");
///   case, width and curly quotes do not matter;
/// - `=word` matches the word exactly (no inflections);
/// - `word*` matches any word starting with `word` (`optimi*`); `*ed` any word ending in `ed` (with at
///   least two letters before it);
/// - `(a|b c)` matches one of the alternatives at this point; an alternative may be several words;
/// - `…` (or `...`) skips 0–3 tokens; `…5` skips 0–5 (at most 8); never first or last;
/// - `#number` matches a number token, `#any` any one token;
/// - punctuation stands for itself (`situation :`); a word the tokenizer splits (`trade-off`) becomes
///   its tokens.
/// Matches never cross a sentence boundary.
///
/// ```
/// "at the cost of | in exchange for"   two phrases
/// "(reduce|cut) … by #number"          matches "we reduced p95 latency by 40%"
/// ```
public struct PhrasePattern: Sendable, Equatable {
  public enum Test: Hashable, Sendable {
    case stem(String)
    case exact(String)
    case prefix(String)
    case suffix(String)
    case number
    case any
  }

  public enum Element: Equatable, Sendable {
    /// One of several token sequences.
    case alternatives([[Test]])
    /// Skip 0…n tokens.
    case gap(Int)
  }

  public var source: String
  public var elements: [Element]

  /// Compiles a YAML phrase string into its alternative phrases, tokenizing words with `analyzer` so they
  /// split exactly as answer text does.
  /// - Throws: ``PhraseError`` saying what is wrong (the loader adds the position).
  public static func compile(_ source: String, analyzer: TextAnalyzer) throws(PhraseError) -> [PhrasePattern] {
    let split = split(source, at: { $0 == UInt8(ascii: "|") })
    if split.wentNegative { throw PhraseError("`)` without `(` in `\(source)`") }
    if split.depth != 0 { throw PhraseError("`(` without `)` in `\(source)`") }
    var result: [PhrasePattern] = []
    for phrase in split.pieces { result.append(try PhrasePattern(String(phrase), analyzer: analyzer)) }
    return result
  }

  /// `text` cut at every character `isSeparator` accepts outside parentheses (the separators dropped), with
  /// the nesting depth at the end and whether it ever went below zero.
  ///
  /// Characters are compared as characters: when every scalar of the text is a character of its own
  /// (ASCII but a carriage return, Latin letters, common punctuation such as `…`), by scalars; otherwise
  /// character by character.
  static func split(_ text: String, at isSeparator: (UInt8) -> Bool) -> (
    pieces: [Substring], depth: Int, wentNegative: Bool
  ) {
    let simple = text.unicodeScalars.allSatisfy { scalar in
      let v = scalar.value
      return (v < 0x300 && v != 0x0D) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
    }
    if simple {
      return split(text, text.unicodeScalars, ascii: { $0.isASCII ? UInt8($0.value) : nil }, at: isSeparator)
    }
    return split(
      text, text, ascii: { $0.isASCII && $0.unicodeScalars.count == 1 ? $0.asciiValue : nil }, at: isSeparator)
  }

  private static func split<View: Collection>(
    _ text: String, _ view: View, ascii: (View.Element) -> UInt8?, at isSeparator: (UInt8) -> Bool
  ) -> (pieces: [Substring], depth: Int, wentNegative: Bool) where View.Index == String.Index {
    var pieces: [Substring] = []
    var depth = 0
    var wentNegative = false
    var start = view.startIndex
    var i = view.startIndex
    while i != view.endIndex {
      let byte = ascii(view[i])
      if byte == UInt8(ascii: "(") { depth += 1 }
      if byte == UInt8(ascii: ")") { depth -= 1 }
      if depth < 0 { wentNegative = true }
      let next = view.index(after: i)
      if let byte, depth == 0, isSeparator(byte) {
        pieces.append(text[start..<i])
        start = next
      }
      i = next
    }
    pieces.append(text[start..<view.endIndex])
    return (pieces, depth, wentNegative)
  }

  /// A phrase already compiled (the compiled-rubric cache).
  init(source: String, elements: [Element]) {
    self.source = source
    self.elements = elements
  }

  /// Compiles one phrase (no top-level `|`).
  public init(_ source: String, analyzer: TextAnalyzer) throws(PhraseError) {
    self.source = Self.trimmed(source)
    var elements: [Element] = []
    let parts = Self.split(self.source, at: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).pieces
      .filter { !$0.isEmpty }.map(String.init)
    guard !parts.isEmpty else { throw PhraseError("the phrase is empty (check for `||` or a trailing `|`)") }
    for part in parts {
      if part == "…" || part == "..." || part.hasPrefix("…") || part.hasPrefix("...") {
        let digits = part.drop(while: { $0 == "…" || $0 == "." })
        guard let n = digits.isEmpty ? 3 : Int(digits), (1...8).contains(n) else {
          throw PhraseError("`\(part)` is not a gap; write `…` (0–3 tokens) or `…N` with N from 1 to 8")
        }
        elements.append(.gap(n))
        continue
      }
      if part.hasPrefix("("), part.hasSuffix(")"), part.count > 2 {
        var alternatives: [[Test]] = []
        for alternative in part.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false) {
          let words = alternative.split(separator: " ").map(String.init)
          guard !words.isEmpty else { throw PhraseError("`\(part)` has an empty alternative") }
          var tests: [Test] = []
          for word in words { tests += try Self.tests(word, analyzer: analyzer) }
          alternatives.append(tests)
        }
        elements.append(.alternatives(alternatives))
        continue
      }
      elements.append(.alternatives([try Self.tests(part, analyzer: analyzer)]))
    }
    if case .gap = elements.first { throw PhraseError("a phrase cannot start with a gap") }
    if case .gap = elements.last { throw PhraseError("a phrase cannot end with a gap") }
    self.elements = elements
  }

  /// `source` without leading and trailing white space (`CharacterSet.whitespaces`); Foundation is asked
  /// only when an end is not plain ASCII.
  static func trimmed(_ source: String) -> String {
    guard let first = source.utf8.first, let last = source.utf8.last else { return source }
    func plain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
    if plain(first) && plain(last) { return source }
    return source.trimmingCharacters(in: .whitespaces)
  }

  private static func tests(_ word: String, analyzer: TextAnalyzer) throws(PhraseError) -> [Test] {
    if word == "#number" { return [.number] }
    if word == "#any" { return [.any] }
    if word.hasPrefix("#") { throw PhraseError("`\(word)` is unknown; placeholders are #number and #any") }
    var body = word
    var exact = false
    var prefix = false
    if body.hasPrefix("*"), body.count > 1 {
      let rest = String(body.dropFirst())
      guard rest.allSatisfy({ $0.isLetter }) else {
        throw PhraseError("`\(word)`: a suffix wildcard takes letters only")
      }
      return [.suffix(rest.lowercased())]
    }
    if body.hasPrefix("="), body.count > 1 {
      exact = true
      body.removeFirst()
    }
    if body.hasSuffix("*"), body.count > 1 {
      prefix = true
      body.removeLast()
    }
    // A plain ASCII word is one word token whose folded form is its lowercase: no need to ask ICU.
    if body.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
      let folded = body.lowercased()
      if prefix { return [.prefix(folded)] }
      return [exact ? .exact(folded) : .stem(Stemmer.stem(folded))]
    }
    let text: AnalyzedText
    do {
      text = try analyzer.analyze(body, source: "phrase")
    } catch {
      throw PhraseError("`\(word)` could not be tokenized: \(error)")
    }
    guard !text.tokens.isEmpty else { throw PhraseError("`\(word)` has no words") }
    return text.tokens.indices.map { index in
      let last = index == text.tokens.count - 1
      if prefix && last { return .prefix(text.normalized(index)) }
      if exact || text.tokens[index].kind != .word { return .exact(text.normalized(index)) }
      return .stem(Stemmer.stem(text.normalized(index)))
    }
  }
}

/// What is wrong with a phrase.
public struct PhraseError: Error, Equatable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
