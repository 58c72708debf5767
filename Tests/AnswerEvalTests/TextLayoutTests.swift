import AnswerEval
import TestSupport
import Testing

@Suite struct TextLayoutTests {
  @Test func widths() {
    #expect(TextLayout.width("") == 0)
    #expect(TextLayout.width("abc") == 3)
    #expect(TextLayout.width("延迟") == 4)
    #expect(TextLayout.width("Ünïcödé") == 7)  // precomposed and combining marks alike
    #expect(TextLayout.width("e\u{301}") == 1)
    #expect(TextLayout.width("👩🏽‍💻") == 2)
    #expect(TextLayout.width("\u{200B}") == 0)
    #expect(TextLayout.width("ｱＡ") == 3)  // halfwidth katakana, fullwidth Latin
    #expect(TextLayout.width(multibytePrefix) == 13)
  }

  @Test func visibleMakesControlCharactersHarmless() {
    #expect(TextLayout.visible("a\u{1B}[31mb\u{0}c\u{7F}d\u{85}e") == "a␛[31mb␀c␡d\u{FFFD}e")
    #expect(TextLayout.visible("one\ntwo\r\nthree\rfour") == "one⏎two⏎three⏎four")
    #expect(TextLayout.visible("a\tb") == "a    b")
    #expect(TextLayout.visible("a\tb", tabWidth: 2) == "a  b")
    #expect(TextLayout.visible("clean 延迟 👩🏽‍💻") == "clean 延迟 👩🏽‍💻")
  }

  @Test func wrapEmpty() {
    #expect(TextLayout.wrap("", width: 10) == [""])
  }

  @Test func wrapFits() {
    #expect(TextLayout.wrap("We cut p95", width: 10) == ["We cut p95"])
  }

  @Test func wrapAtSpaces() {
    #expect(TextLayout.wrap("We cut p95 latency by 40%", width: 10) == ["We cut p95", "latency by", "40%"])
    #expect(TextLayout.wrap("a  b", width: 2) == ["a", "b"])
  }

  @Test func wrapKeepsFirstLineIndentation() {
    #expect(TextLayout.wrap("  - item one two", width: 10) == ["  - item", "one two"])
  }

  @Test func wrapBreaksAWordWiderThanTheLine() {
    #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextLayout.wrap("go abcdefghij", width: 6) == ["go abc", "defghi", "j"])
  }

  @Test func wrapBetweenIdeographs() {
    #expect(TextLayout.wrap("我们把延迟降低了", width: 6) == ["我们把", "延迟降", "低了"])
  }

  @Test func wrapKeepsClosingPunctuationWithThePrecedingCharacter() {
    #expect(TextLayout.wrap("延迟降低。结果", width: 8) == ["延迟降", "低。结果"])
    #expect(TextLayout.wrap("他说「好」", width: 6) == ["他说", "「好」"])
  }

  @Test func wrapMixedScripts() {
    #expect(TextLayout.wrap("p95延迟 fell", width: 7) == ["p95延迟", "fell"])
  }

  @Test func wrappedLinesNeverExceedTheWidth() {
    let text = multibytePrefix + "We cut p95 latency from 500ms to 50ms, 我们把延迟降低了百分之三十。 supercalifragilistic"
    for width in 2...40 {
      for line in TextLayout.wrap(text, width: width) {
        #expect(TextLayout.width(line) <= width, "width \(width): \(line)")
      }
    }
  }

  @Test func truncated() {
    #expect(TextLayout.truncated("Situation: our API", width: 10) == "Situation…")
    #expect(TextLayout.truncated("short", width: 10) == "short")
    #expect(TextLayout.truncated("延迟降低了", width: 6) == "延迟…")
  }

  @Test func padded() {
    #expect(TextLayout.padded("延迟", to: 6) == "延迟  ")
    #expect(TextLayout.padded("toolong", to: 3) == "toolong")
  }
}
