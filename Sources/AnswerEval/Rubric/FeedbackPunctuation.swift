import Foundation

/// How feedback punctuates what detectors build from an answer: a list of parts ("the choice, why and the
/// cost") and a piece of the answer quoted (“It got faster.”).
///
/// The punctuation is the rubric's language's, from the `wording:` of the rubric's last `grammar` pack that
/// has one (`Rubrics/README.md`, "Wording"), so a rubric in another language punctuates its feedback in that
/// language:
///
/// ```yaml
/// # packs/grammar.en.yaml
/// wording:
///   list: {separator: ", ", last: " and "}
///   quote: "“{text}”"
/// ```
///
/// A key the pack does not give, or a rubric without such a pack, falls back to punctuation that is no
/// language's words: `list.separator` is ", ", `list.last` is the separator, and `quote` is `"{text}"`, in
/// ASCII double quotes.
///
/// It is built once for a compiled rubric (``CompiledRubric/punctuation``), not for each answer.
///
/// ```swift
/// let english = FeedbackPunctuation(wording: ["list.last": " and ", "quote": "“{text}”"])
/// english.list(["the choice", "why", "the cost"])      // "the choice, why and the cost"
/// english.quoted("It got faster.")                     // "“It got faster.”"
/// FeedbackPunctuation(wording: [:]).list(["a", "b", "c"])   // "a, b, c"
/// FeedbackPunctuation(wording: [:]).quoted("It got faster.")   // "\"It got faster.\""
/// ```
public struct FeedbackPunctuation: Sendable, Equatable {
  /// Between the items of a list, but the last two.
  public let separator: String
  /// Between the last two items of a list.
  public let last: String
  /// What a quote is: its text is where `{text}` is.
  public let quote: String
  /// `quote` cut at each `{text}`: a quote is these pieces joined by its text, as filling the placeholder
  /// in one pass (``FeedbackTemplate/substitute(_:values:)``) would make it, without a lookup each time.
  private let quotePieces: [String]

  /// The `detector:` of the packs whose `wording:` gives the punctuation.
  public static let pack = "grammar"

  /// The `wording:` keys of a `grammar` pack, for the loader.
  public static let wording: [DetectorDescriptor.Wording] = [
    .init("list.separator", "Between the items of a list but the last two (\", \").", pack: pack),
    .init("list.last", "Between the last two items of a list (\" and \"); without it, `list.separator`.", pack: pack),
    .init(
      "quote", "A piece of the answer, quoted; {text} is the piece (\"“{text}”\").", pack: pack, placeholders: ["text"]),
  ]

  /// The fallback of `list.separator`.
  public static let defaultSeparator = ", "
  /// The fallback of `quote`: ASCII double quotes.
  public static let defaultQuote = "\"{text}\""

  /// Punctuation from its parts: `last` is `separator` when nil.
  public init(separator: String = defaultSeparator, last: String? = nil, quote: String = defaultQuote) {
    self.separator = separator
    self.last = last ?? separator
    self.quote = quote
    quotePieces = quote.components(separatedBy: "{text}")
  }

  /// The punctuation a `grammar` pack's `wording:` gives (``Rubric/wording(in:)``), with the fallbacks for
  /// the keys it does not give.
  public init(wording: [String: String]) {
    self.init(
      separator: wording["list.separator"] ?? Self.defaultSeparator, last: wording["list.last"],
      quote: wording["quote"] ?? Self.defaultQuote)
  }

  /// `items` as one list: nothing, the one item, or the items separated by ``separator`` and the last two
  /// by ``last``.
  ///
  /// ```swift
  /// english.list(["the choice", "the cost"])   // "the choice and the cost"
  /// ```
  public func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      // Appended in turn: `joined(separator:)` over a slice went through the generic joining of sequences.
      var list = items[0]
      for item in items[1..<(items.count - 1)] {
        list += separator
        list += item
      }
      return list + last + items[items.count - 1]
    }
  }

  /// `text` quoted.
  ///
  /// ```swift
  /// english.quoted("p95 fell to 310 ms")   // "“p95 fell to 310 ms”"
  /// ```
  public func quoted(_ text: String) -> String {
    quotePieces.joined(separator: text)
  }

  /// Up to `limit` distinct texts (regardless of case), each cut to one short line (``Scorer/excerpt(_:)``)
  /// and quoted, as one list.
  ///
  /// ```swift
  /// english.quotedExcerpts(["kind of", "a lot", "Kind of", "stuff"])   // "“kind of”, “a lot” and “stuff”"
  /// ```
  public func quotedExcerpts(_ texts: [String], limit: Int = 3) -> String {
    var seen: Set<String> = []
    var items: [String] = []
    for text in texts where items.count < limit {
      let line = Scorer.excerpt(text)
      if seen.insert(line.lowercased()).inserted { items.append(quoted(line)) }
    }
    return list(items)
  }
}
