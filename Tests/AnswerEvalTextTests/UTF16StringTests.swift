import AnswerEvalText
import Dispatch
import Synchronization
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

  /// ASCII is read four units at a time up to the first unit that is not: the largest ASCII unit, and every
  /// unit that ends the ASCII (the smallest and largest of each length, half of a pair), after every count of
  /// ASCII units before it.
  @Test func nonASCIIAfterEveryLengthOfASCII() {
    for prefix in 0...9 {
      for tail: [UInt16] in [[0x7F], [0x80], [0x7FF], [0x800], [0xFFFF], [0xD83D, 0xDE80], [0xDC00], [0xD800]] {
        check(Array(repeating: 0x61, count: prefix) + tail + [0x62, 0x63, 0x64, 0x65, 0x66])
      }
    }
  }

  @Test func everyBMPUnitAlone() {
    for unit in UInt16(0)...UInt16(0xFFFF) { check([0x41, unit, 0x42]) }
  }

  @Test func longMixedText() {
    check(Array(String(repeating: "Ünïcödé 👩🏽‍💻 — plain ASCII prose, ", count: 200).utf16))
  }

  @Test func utf16UnitsOfAString() {
    for text in ["", "ascii", "naïve café — “quoted”", "👩🏽‍💻 𝔘𝔫𝔦 \u{10FFFF}", "我们 ｆｕｌｌ\r\n\u{0}"] {
      #expect(text.utf16Units == Array(text.utf16))
    }
    var all = ""
    for value in stride(from: 0, to: 0x110000, by: 7) {
      if let s = Unicode.Scalar(value) { all.unicodeScalars.append(s) }
    }
    #expect(all.utf16Units == Array(all.utf16))
  }

  @Test func utf16UnitsWithOneCharacterAtEveryOffset() {
    // ASCII is read eight bytes at a time: one other character at every offset, around those eights.
    for character in ["é", "—", "👩🏽‍💻", "\u{7F}", "\u{0}"] {
      for offset in 0...24 {
        let text = String(String(repeating: "abcdefghij", count: 3).prefix(offset)) + character + "klmnopqrstuvwxyz0123"
        #expect(text.utf16Units == Array(text.utf16), "\(character) at \(offset)")
      }
    }
  }

  /// The empty string on many threads at once: `.ci/run`'s thread-sanitizer step fails here if an empty
  /// result is built by writing into the standard library's shared empty array.
  @Test func utf16UnitsOfEmptyStringsOnManyThreads() {
    let texts = (0..<2_000).map { i in i.isMultiple(of: 2) ? "" : String(repeating: "é", count: i % 3) }
    let wrong = Atomic(0)
    DispatchQueue.concurrentPerform(iterations: texts.count) { i in
      if texts[i].utf16Units != Array(texts[i].utf16) { wrong.add(1, ordering: .relaxed) }
    }
    #expect(wrong.load(ordering: .relaxed) == 0)
  }
}
