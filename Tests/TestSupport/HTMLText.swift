import Foundation

/// Reading the HTML pages answer-eval writes, in tests: their markup is regular (one block per line, no
/// comments, text always escaped), so small string operations find what a test needs.
public enum HTMLText {
  /// `html` with the five character references the pages use turned back into characters.
  public static func unescape(_ html: String) -> String {
    html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// `html` without its tags (text kept, still escaped).
  public static func strippingTags(_ html: String) -> String {
    html.replacing(#/<[^>]*>/#, with: "")
  }

  /// The answer's text as the page holds it: the text blocks of `<div class="answer-text" id="ID">` in
  /// order, without the numbered links to notes, tags stripped and unescaped.
  public static func answerText(_ html: String, id: String = "answer-text") -> String? {
    guard let start = html.range(of: "<div class=\"answer-text\" id=\"\(id)\">") else { return nil }
    let rest = html[start.upperBound...]
    let end = rest.range(of: "\n</div>\n<aside") ?? rest.range(of: "\n</div>\n</div>\n</section>")
    let region = end.map { rest[..<$0.lowerBound] } ?? rest
    let blocks = region.matches(of: #/<div class="(?:star-text|plain)">(.*?)</div>/#.dotMatchesNewlines())
    return blocks.map { unescape(strippingTags(withoutNoteLinks(String($0.output.1)))) }.joined()
  }

  /// The text of evidence mark `number` (all its pieces, inner marks included): from its first piece, with
  /// id `e<number>`, to the numbered link after its last piece.
  public static func markText(_ html: String, number: Int, prefix: String = "") -> String? {
    guard let start = html.range(of: "<mark class=\"evidence\" id=\"\(prefix)e\(number)\">"),
      let end = html[start.upperBound...].range(of: "<a class=\"ref\" href=\"#\(prefix)n\(number)\"")
    else { return nil }
    // A mark that crosses sections is cut at each section's box; the boxes' labels are not its text.
    let inner = String(html[start.upperBound..<end.lowerBound])
      .replacing(#/<p class="star-label"[^>]*>.*?</p>/#, with: "")
    return unescape(strippingTags(withoutNoteLinks(inner)))
  }

  /// How many times each element name is opened in `html` (`<p …>` counts for `p`), ignoring the doctype.
  public static func elementCounts(_ html: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    for match in html.matches(of: #/<([a-zA-Z][a-zA-Z0-9]*)/#) {
      counts[String(match.output.1).lowercased(), default: 0] += 1
    }
    return counts
  }

  /// The values of every `id` attribute in `html`.
  public static func ids(_ html: String) -> [String] {
    html.matches(of: #/ id="([^"]*)"/#).map { String($0.output.1) }
  }

  private static func withoutNoteLinks(_ html: String) -> String {
    html.replacing(#/<a class="ref"[^>]*>[0-9]+</a>/#, with: "")
  }
}
