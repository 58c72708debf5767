import AnswerEvalText
import Testing

@Suite struct EightBytesTests {
  /// Every byte value at every position of a word, among bytes that pass no test (0x80 and 0xFF flank the
  /// values tried, 0x41 is plain ASCII): each test is nonzero exactly when the naive check finds a byte.
  @Test func everyByteAtEveryPositionAgreesWithTheNaiveCheck() {
    for filler: UInt8 in [0x41, 0x80, 0xFF] {
      for value in 0...255 {
        for position in 0..<8 {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[position] = UInt8(value)
          let word = bytes.withUnsafeBufferPointer { EightBytes.load($0, at: 0) }
          for n: UInt8 in [0x01, 0x20, 0x80] {
            #expect((EightBytes.below(n, in: word) != 0) == bytes.contains { $0 < n }, "\(bytes) below \(n)")
          }
          for sought: UInt8 in [0x00, 0x22, 0x5C, 0x7F, 0xA2] {
            #expect((EightBytes.equal(sought, in: word) != 0) == bytes.contains(sought), "\(bytes) has \(sought)")
          }
          let continuations = bytes.filter { $0 & 0xC0 == 0x80 }.count
          #expect(EightBytes.continuationBytes(in: word).nonzeroBitCount == continuations, "\(bytes)")
        }
      }
    }
  }

  /// Bytes that pass next to each other, and a word loaded from an odd offset.
  @Test func severalBytesAndUnalignedLoads() {
    let bytes: [UInt8] = [0x61, 0x00, 0x01, 0x22, 0x22, 0x62, 0x63, 0x64, 0x65]
    let word = bytes.withUnsafeBufferPointer { EightBytes.load($0, at: 1) }
    #expect(EightBytes.below(0x02, in: word) != 0)
    #expect(EightBytes.equal(0x22, in: word) != 0)
    #expect(EightBytes.equal(0x61, in: word) == 0)  // bytes[0], before the word
    #expect(EightBytes.equal(0x65, in: word) != 0)  // bytes[8], its last byte
  }
}
