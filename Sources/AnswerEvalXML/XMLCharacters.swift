/// The characters XML 1.0 allows, and the replacement of the others with U+FFFD.
///
/// XML 1.0 (production `Char`) allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
/// U+10000–U+10FFFF. Everything else — the other C0 controls, U+FFFE, U+FFFF and surrogates — cannot appear
/// in a document, not even as a character reference, so a writer must replace it to stay well-formed.
///
/// ```swift
/// XMLCharacters.replacingForbidden(in: "20%\u{1}\u{2} in Q3")   // (text: "20%\u{FFFD}\u{FFFD} in Q3", replaced: 2)
/// ```
public enum XMLCharacters {
  /// The character written in place of a forbidden one.
  public static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// Whether XML 1.0 allows `scalar` in a document.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: return true
    default: return false
    }
  }

  /// How many scalars of `text` XML 1.0 forbids.
  /// - Complexity: O(n) in the scalars of `text`.
  public static func forbiddenCount(in text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + (isAllowed($1) ? 0 : 1) }
  }

  /// `text` with every forbidden scalar replaced by U+FFFD, and how many were replaced.
  /// - Complexity: O(n) in the scalars of `text`.
  public static func replacingForbidden(in text: String) -> (text: String, replaced: Int) {
    let count = forbiddenCount(in: text)
    if count == 0 { return (text, 0) }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(isAllowed(scalar) ? scalar : replacement) }
    return (String(scalars), count)
  }
}
