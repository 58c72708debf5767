import Foundation

/// Fills a criterion's feedback template: `{evidence}` (the first evidence, quoted), `{found}` and
/// `{missing}` (parts found and not found, as a readable list), `{count}` and `{value}`. The quotes and
/// lists are the rubric's (``FeedbackPunctuation``).
///
/// ```swift
/// FeedbackTemplate.fill("Your result names no number: say {missing}.", values: ["missing": "how much latency dropped"])
/// // "Your result names no number: say how much latency dropped."
/// ```
public enum FeedbackTemplate {
  public static let placeholders = ["evidence", "found", "missing", "count", "value"]

  public static func fill(_ template: String, values: [String: String]) -> String {
    // A template without a brace has nothing to fill: it is its own text, not copied.
    if !contains(template, UInt8(ascii: "{")) { return template }
    if let filled = fillInOnePass(template, values: values) { return filled }
    var out = template
    for key in placeholders {
      out = out.replacingOccurrences(of: "{\(key)}", with: values[key] ?? "")
    }
    return out
  }

  /// `template` with each `{name}` that `values` has replaced by its value, in one pass: a value put in is
  /// never searched for placeholders again, and a `{name}` that `values` lacks stays as written. For texts
  /// whose placeholders were checked on loading (a pack's `wording:`) and values quoted from an answer,
  /// which may hold braces of their own.
  ///
  /// ```swift
  /// FeedbackTemplate.substitute("your result ({evidence})", values: ["evidence": "“{found} it”"])
  /// // "your result (“{found} it”)"
  /// ```
  public static func substitute(_ template: String, values: [String: String]) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      out += rest[..<open]
      out += values[String(rest[rest.index(after: open)..<close])] ?? String(rest[open...close])
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  /// ``fill(_:values:)`` in one pass over the template's bytes, or nil when that could differ from
  /// replacing each placeholder in turn with Foundation: a value with a `{` of its own (a later placeholder
  /// could be made of it), a `{` in the template that is not a placeholder, or a character that could
  /// combine with a placeholder's braces (Foundation compares whole composed characters). Templates are
  /// rubric prose, so the pass almost always applies.
  static func fillInOnePass(_ template: String, values: [String: String]) -> String? {
    for value in values.values {
      if contains(value, UInt8(ascii: "{")) { return nil }
      if let first = value.unicodeScalars.first, !isPlain(first) { return nil }
    }
    var out: [UInt8] = []
    var template = template
    let filled = template.withUTF8 { bytes -> Bool in
      out.reserveCapacity(bytes.count + 160)
      var i = 0
      while i < bytes.count {
        // The text up to the next `{` goes out in one copy.
        let open = bytes[i...].firstIndex(of: UInt8(ascii: "{")) ?? bytes.count
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<open]))
        guard open < bytes.count else { break }
        guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")),
          let key = placeholders.first(where: { $0.utf8.elementsEqual(bytes[(open + 1)..<close]) })
        else { return false }
        if close + 1 < bytes.count, bytes[close + 1] >= 0x80 {
          let next = String(decoding: UnsafeBufferPointer(rebasing: bytes[(close + 1)...]), as: UTF8.self)
          if let scalar = next.unicodeScalars.first, !isPlain(scalar) { return false }
        }
        if var value = values[key] { value.withUTF8 { out.append(contentsOf: $0) } }
        i = close + 1
      }
      return true
    }
    return filled ? String(decoding: out, as: UTF8.self) : nil
  }

  /// Whether the UTF-8 of `string` holds `byte`, searched in its contiguous bytes.
  private static func contains(_ string: String, _ byte: UInt8) -> Bool {
    var string = string
    return string.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
  }

  /// ASCII or common punctuation (quotes, dashes, ellipsis): characters that never combine with a brace.
  static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 || (0x2010...0x2027).contains(scalar.value) || (0x2030...0x205E).contains(scalar.value)
  }

  /// The first `{name}` in `template` that is not one of `known` (by default every placeholder).
  public static func unknownPlaceholder(in template: String, known: [String] = placeholders) -> String? {
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else { return nil }
      let name = String(rest[rest.index(after: open)..<close])
      if !known.contains(name) { return name }
      rest = rest[rest.index(after: close)...]
    }
    return nil
  }
}
