import AnswerEvalXML
import Testing

@Suite struct XMLWellFormednessTests {
  private func issues(_ document: String) -> [XMLIssue] { XMLWellFormedness.issues(in: Array(document.utf8)) }

  @Test func wellFormedDocument() {
    #expect(issues("<!DOCTYPE html>\n<html lang=\"en\"><p hidden=\"hidden\">a &amp; b &#39;c&#39;</p></html>\n") == [])
  }

  @Test func unclosedElementNamesItsLine() {
    let found = issues("<html>\n<p>a\n</html>\n")
    #expect(found.count == 1)
    #expect((found.first?.line ?? 0) >= 3)  // libxml2 names where it gave up: the mismatched end tag or later
  }

  @Test func bareAmpersandAndUnquotedAttribute() {
    #expect(issues("<p>a & b</p>").count == 1)
    #expect(issues("<p class=x>a</p>").count == 1)
  }

  @Test func attributeWithoutValue() {
    #expect(issues("<p hidden>a</p>").count == 1)
  }

  @Test func emptyInputIsNotWellFormed() {
    #expect(issues("").count == 1)
  }
}
