/// What the HTML pages share: escaping, links to files, and the page around the content.
///
/// Every page is one self-contained file: inline CSS (and, for the batch index, a tiny inline script), no
/// external resources, and a Content-Security-Policy that names the inline style and script by their
/// SHA-256, so nothing else can load or run even if some text were ever written unescaped. The markup is
/// also well-formed XML (every element closed, attributes quoted, only character references), so
/// tests can check it with an XML parser as well as a browser.
///
/// ```swift
/// HTML.escape("<b>\"Tom's\" & co</b>\u{1B}")   // "&lt;b&gt;&quot;Tom&#39;s&quot; &amp; co&lt;/b&gt;␛"
/// HTML.href("reports/a b#1.html")               // "reports/a%20b%231.html"
/// ```
enum HTML {
  /// `text` safe in element content and in a quoted attribute value: `&`, `<`, `>`, `"` and `'` become
  /// character references; line breaks become line feeds (CRLF and a lone CR are LF, as an HTML parser reads
  /// them); C0 controls other than tab and line feed become their control pictures (`␁`, ESC is `␛`), DEL
  /// becomes `␡`, and C1 controls and noncharacters, which HTML does not allow, become U+FFFD. Each scalar
  /// of the text stays one scalar (a CRLF pair aside), so offsets into the text still line up.
  /// - Complexity: O(n) in the scalars of `text`.
  static func escape(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      defer { previous = scalar }
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      case "'": out.append(contentsOf: "&#39;".unicodeScalars)
      case "\n" where previous == "\r": continue
      case "\r", "\n": out.append("\n")
      case "\t": out.append(scalar)
      default: out.append(visible(scalar))
      }
    }
    return String(out)
  }

  /// Text for one line of a page (a path, an id, an excerpt): line breaks shown as `⏎`, then escaped.
  static func line(_ text: String) -> String { escape(TextLayout.visible(text)) }

  /// An identifier (a criterion id) as a line that may break after its dots (`star.` / `situation`) but
  /// never inside a word, for narrow table cells.
  static func identifier(_ id: String) -> String { line(id).replacingOccurrences(of: ".", with: ".<wbr/>") }

  /// The scalar HTML can carry for `scalar`: a control picture, U+FFFD, or itself.
  private static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)!
    case 0x7F: return "\u{2421}"
    case 0x80..<0xA0, 0xFDD0...0xFDEF: return "\u{FFFD}"
    case let value where value & 0xFFFE == 0xFFFE: return "\u{FFFD}"  // U+FFFE, U+FFFF, U+1FFFE, …
    default: return scalar
    }
  }

  /// A relative file path as a link target (an `href` value, already escaped): every byte of its UTF-8 other
  /// than letters, digits, `-._~` and `/` percent-encoded, so `#`, `?`, `:` and spaces in file names stay part
  /// of the path and a name like `javascript:x` is only ever a file name.
  static func href(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.append(Character(Unicode.Scalar(byte)))
      default:
        let hex = Array("0123456789ABCDEF")
        out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
      }
    }
    return out
  }

  /// A whole page: doctype, `lang`, charset, viewport, the Content-Security-Policy, the title, the style
  /// and the body, then the script (if any) at the end of the body.
  ///
  /// - Parameters:
  ///   - title: plain text (escaped here).
  ///   - style: the CSS, inlined as it is and hashed for the policy.
  ///   - body: markup (already escaped), the content of `<body>`.
  ///   - script: JavaScript, inlined as it is and hashed for the policy; without it the policy allows none.
  static func document(title: String, style: String, body: String, script: String? = nil) -> String {
    precondition(!style.contains("</"), "a style must not contain </")
    precondition(script.map { !$0.contains("<") && !$0.contains("&") } ?? true, "keep < and & out of scripts")
    let scriptSource = script.map { "'sha256-\(SHA256.base64($0))'" } ?? "'none'"
    let policy =
      "default-src 'none'; style-src 'sha256-\(SHA256.base64(style))'; script-src \(scriptSource); "
      + "img-src 'none'; base-uri 'none'; form-action 'none'"
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta http-equiv="Content-Security-Policy" content="\(policy)"/>
      <meta name="generator" content="answer-eval"/>
      <title>\(escape(title))</title>
      <style>\(style)</style>
      </head>
      <body>
      \(body)\(script.map { "<script>\($0)</script>\n" } ?? "")</body>
      </html>

      """
  }

  /// The CSS both pages share: page, headings, tables, links, badges, focus, print.
  static let baseStyle = """

    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; background: \(HTMLPalette.background); color: \(HTMLPalette.text);
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif,
        "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"; }
    body > header, main, body > footer { max-width: 78rem; margin: 0 auto; padding: 0 1.25rem; }
    body > header { padding-top: 1.25rem; }
    body > footer { color: \(HTMLPalette.mutedText); font-size: 0.875rem; padding-bottom: 2rem; }
    h1 { font-size: 1.6rem; margin: 0.25rem 0 0.5rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid \(HTMLPalette.rule); }
    h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
    h4 { font-size: 1rem; margin: 1rem 0 0.5rem; }
    a { color: \(HTMLPalette.link); }
    a:focus-visible, button:focus-visible { outline: 3px solid \(HTMLPalette.link); outline-offset: 2px; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em;
      overflow-wrap: anywhere; }
    th code { overflow-wrap: normal; }
    .muted { color: \(HTMLPalette.mutedText); }
    .kicker { margin: 0; color: \(HTMLPalette.mutedText); font-size: 0.875rem; text-transform: uppercase;
      letter-spacing: 0.05em; }
    .skip { position: absolute; left: -999rem; }
    .skip:focus { left: 1rem; top: 1rem; background: \(HTMLPalette.background); padding: 0.5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap; }
    nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0; margin: 0.5rem 0; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
    caption { text-align: left; color: \(HTMLPalette.mutedText); padding-bottom: 0.25rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid \
    \(HTMLPalette.rule); }
    thead th { background: \(HTMLPalette.surface); }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    .badge { display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; font-size: 0.8rem;
      font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
    .badge.strength { color: \(HTMLPalette.colors(.strength).text); background: \
    \(HTMLPalette.colors(.strength).background); }
    .badge.suggestion { color: \(HTMLPalette.colors(.suggestion).text); background: \
    \(HTMLPalette.colors(.suggestion).background); }
    .badge.warning { color: \(HTMLPalette.colors(.warning).text); background: \
    \(HTMLPalette.colors(.warning).background); }
    .badge.evidence { color: \(HTMLPalette.text); background: \(HTMLPalette.surface); }
    @media print {
      body { font-size: 11pt; }
      body > header, main, body > footer { max-width: none; padding: 0; }
      nav, .skip { display: none; }
      a { color: inherit; }
      h2, h3 { break-after: avoid; }
      tr, li { break-inside: avoid; }
      .badge, thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }

    """
}
