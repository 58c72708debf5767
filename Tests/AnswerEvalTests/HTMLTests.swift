import AnswerEvalXML
import Testing

@testable import AnswerEval

@Suite struct HTMLTests {
  @Test func escapesTheFiveMarkupCharacters() {
    #expect(HTML.escape("<b>\"Tom's\" & co</b>") == "&lt;b&gt;&quot;Tom&#39;s&quot; &amp; co&lt;/b&gt;")
  }

  @Test func controlCharactersBecomePicturesOrReplacement() {
    #expect(HTML.escape("a\u{0}\u{1}\u{1B}\u{7F}b") == "a␀␁␛␡b")
    // Swift string literals cannot spell noncharacters, so they are built from their values.
    let forbidden = String(
      String.UnicodeScalarView([0x80, 0x9F, 0xFDD0, 0xFFFE, 0xFFFF, 0x1_FFFE, 0x10_FFFF].map { Unicode.Scalar($0)! }))
    #expect(HTML.escape(forbidden) == String(repeating: "\u{FFFD}", count: 7))
    #expect(HTML.escape("tab\there") == "tab\there")
  }

  @Test func lineBreaksAreLineFeeds() {
    #expect(HTML.escape("a\r\nb\rc\nd") == "a\nb\nc\nd")
  }

  @Test func otherTextIsKept() {
    #expect(HTML.escape("Ünïcödé 👩🏽‍💻 — 延迟") == "Ünïcödé 👩🏽‍💻 — 延迟")
  }

  @Test func lineShowsBreaks() {
    #expect(HTML.line("a\nb<") == "a⏎b&lt;")
  }

  @Test func identifierMayBreakAfterItsDots() {
    #expect(HTML.identifier("star.situation") == "star.<wbr/>situation")
    #expect(HTML.identifier("a<b") == "a&lt;b")
  }

  @Test func hrefPercentEncodesAllButPathCharacters() {
    #expect(HTML.href("reports/a-b_c.~1.html") == "reports/a-b_c.~1.html")
    #expect(HTML.href("a b#1?x=&.html") == "a%20b%231%3Fx%3D%26.html")
    #expect(HTML.href("javascript:alert(1)") == "javascript%3Aalert%281%29")
    #expect(HTML.href("é.html") == "%C3%A9.html")
  }

  @Test func documentWithoutScriptAllowsNone() {
    let page = HTML.document(title: "<t>", style: "p { color: red; }", body: "<p>x</p>\n")
    #expect(page.contains("style-src 'sha256-\(SHA256.base64("p { color: red; }"))'; script-src 'none';"))
    #expect(page.contains("<title>&lt;t&gt;</title>\n<style>p { color: red; }</style>"))
    #expect(page.hasSuffix("<body>\n<p>x</p>\n</body>\n</html>\n"))
    #expect(XMLWellFormedness.issues(in: Array(page.utf8)) == [])
  }

  @Test func documentWithScriptNamesItsHash() {
    let page = HTML.document(title: "t", style: "", body: "", script: "var a = 1;")
    #expect(page.contains("script-src 'sha256-\(SHA256.base64("var a = 1;"))';"))
    #expect(page.hasSuffix("<body>\n<script>var a = 1;</script>\n</body>\n</html>\n"))
  }
}
