import Testing

@testable import AnswerEvalText

@Suite struct WhiteSpaceTests {
  /// Every UTF-16 unit against the list of white-space units, one by one.
  @Test func whiteSpaceIsExactlyTheListedUnits() {
    let spaces: Set<UInt16> = Set([
      0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
    ])
    .union(0x2000...0x200B)
    var found = 0
    for u in UInt16(0)...UInt16.max where TextAnalyzer.isSpace(u) != spaces.contains(u) { found += 1 }
    #expect(found == 0)
    #expect(spaces.count == 25)
  }
}
