extension FeedbackTemplate {
  /// Up to `limit` distinct texts, each quoted and cut to one short line, as a readable list.
  ///
  /// ```swift
  /// FeedbackTemplate.quoted(["kind of", "a lot", "kind of", "stuff"])   // "“kind of”, “a lot” and “stuff”"
  /// ```
  public static func quoted(_ texts: [String], limit: Int = 3) -> String {
    var seen: Set<String> = []
    var items: [String] = []
    for text in texts where items.count < limit {
      let line = Scorer.excerpt(text)
      if seen.insert(line.lowercased()).inserted { items.append("“\(line)”") }
    }
    return list(items)
  }
}
