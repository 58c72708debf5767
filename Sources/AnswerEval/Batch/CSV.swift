/// Comma-separated values as RFC 4180 writes them: records end with CRLF; a field that contains a comma, a
/// double quote, a carriage return or a line feed is put in double quotes, with each double quote doubled.
///
/// ```swift
/// CSV.record(["a.md", "say \"hi\", twice", ""])   // "a.md,\"say \"\"hi\"\", twice\",\r\n"
/// ```
public enum CSV {
  /// One field, quoted when it must be.
  public static func field(_ value: String) -> String {
    let special: Set<Unicode.Scalar> = [",", "\"", "\r", "\n"]
    guard value.unicodeScalars.contains(where: special.contains) else { return value }
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for scalar in value.unicodeScalars {
      quoted.append(scalar)
      if scalar == "\"" { quoted.append("\"") }
    }
    quoted.append("\"")
    return String(quoted)
  }

  /// One record, CRLF included.
  public static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }
}
