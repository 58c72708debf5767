import AnswerEvalText
import Testing

@Suite struct FourUnitsTests {
  /// Every unit value that matters (and its neighbours) at every lane, among units that pass no test: each
  /// test is nonzero exactly when the naive check finds a unit.
  @Test func everyUnitAtEveryLaneAgreesWithTheNaiveCheck() {
    let values: [UInt16] =
      [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x20, 0x7F, 0xFF, 0x100, 0x10A, 0xA0D, 0x8000, 0xFFFF]
      + Array(0xD7FE...0xD801) + Array(0xDBFF...0xDC00) + Array(0xDFFE...0xE001)
    for filler: UInt16 in [0x41, 0x8000, 0xFFFF] {
      for value in values {
        for lane in 0..<4 {
          var units = [UInt16](repeating: filler, count: 4)
          units[lane] = value
          let word = units.withUnsafeBufferPointer { FourUnits.load($0, at: 0) }
          for sought: UInt16 in [0x00, 0x0A, 0x0D, 0xD800, 0xFFFF] {
            #expect((FourUnits.equal(sought, in: word) != 0) == units.contains(sought), "\(units) has \(sought)")
          }
          #expect((FourUnits.lineBreaks(in: word) != 0) == units.contains { $0 == 0x0A || $0 == 0x0D }, "\(units)")
          #expect(
            (FourUnits.surrogates(in: word) != 0)
              == units.contains { UTF16.isLeadSurrogate($0) || UTF16.isTrailSurrogate($0) }, "\(units)")
        }
      }
    }
  }

  /// Units that pass next to each other, and a word loaded from an odd offset.
  @Test func severalUnitsAndUnalignedLoads() {
    let units: [UInt16] = [0x61, 0x00, 0x01, 0x0A, 0x0A, 0x62]
    let word = units.withUnsafeBufferPointer { FourUnits.load($0, at: 1) }
    #expect(FourUnits.equal(0x00, in: word) != 0)
    #expect(FourUnits.lineBreaks(in: word) != 0)
    #expect(FourUnits.equal(0x61, in: word) == 0)  // units[0], before the word
    #expect(FourUnits.equal(0x62, in: word) == 0)  // units[5], after it
    #expect(FourUnits.equal(0x0A, in: word) != 0)  // units[4], its last unit
  }
}
