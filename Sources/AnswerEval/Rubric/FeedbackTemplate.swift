import Foundation

/// Fills a criterion's feedback template: `{evidence}` (the first evidence, quoted), `{found}` and
/// `{missing}` (parts found and not found, as a readable list), `{count}` and `{value}`.
///
/// ```swift
/// FeedbackTemplate.fill("Your result names no number: say {missing}.", values: ["missing": "how much latency dropped"])
/// // "Your result names no number: say how much latency dropped."
/// ```
public enum FeedbackTemplate {
  public static let placeholders = ["evidence", "found", "missing", "count", "value"]

  public static func fill(_ template: String, values: [String: String]) -> String {
    var out = template
    for key in placeholders {
      out = out.replacingOccurrences(of: "{\(key)}", with: values[key] ?? "")
    }
    return out
  }

  /// The first `{name}` in `template` that is not a known placeholder.
  public static func unknownPlaceholder(in template: String) -> String? {
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else { return nil }
      let name = String(rest[rest.index(after: open)..<close])
      if !placeholders.contains(name) { return name }
      rest = rest[rest.index(after: close)...]
    }
    return nil
  }

  /// A readable list: "a", "a and b", "a, b and c".
  public static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }
}
