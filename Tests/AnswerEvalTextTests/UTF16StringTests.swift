import AnswerEvalText
import Testing

@Suite struct UTF16StringTests {
  /// The fast decoder against the standard library's, on the same units.
  func check(_ units: [UInt16], sourceLocation: SourceLocation = #_sourceLocation) {
    let fast = units.withUnsafeBufferPointer { String(utf16: $0) }
    let reference = String(decoding: units, as: UTF16.self)
    #expect(fast == reference, sourceLocation: sourceLocation)
    #expect(Array(fast.utf8) == Array(reference.utf8), sourceLocation: sourceLocation)
  }

  @Test func empty() { check([]) }

  @Test func ascii() { check(Array("We cut p95 latency by 40% (from 500ms to 50ms).".utf16)) }

  @Test func twoAndThreeByteCharacters() { check(Array("naïve café — “quoted” 我们 ｆｕｌｌ".utf16)) }

  @Test func surrogatePairs() { check(Array("👩🏽‍💻 shipped 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢".utf16)) }

  @Test func unpairedSurrogatesBecomeReplacementCharacters() {
    check([0x61, 0xD800, 0x62])  // a lead without a trail
    check([0x61, 0xDC00, 0x62])  // a trail without a lead
    check([0xD83D])  // a lead at the very end
    check([0xDC00, 0xD800])  // the wrong order
    check([0xD83D, 0xD83D, 0xDE80])  // a lead, then a pair
  }

  @Test func everyBMPUnitAlone() {
    for unit in UInt16(0)...UInt16(0xFFFF) { check([0x41, unit, 0x42]) }
  }

  @Test func longMixedText() {
    check(Array(String(repeating: "Ünïcödé 👩🏽‍💻 — plain ASCII prose, ", count: 200).utf16))
  }
}
