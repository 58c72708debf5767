import Testing

@testable import AnswerEvalText

/// Scalar offsets, lines and columns against a unit-by-unit count, at every offset: the analysis reads the
/// text four units at a time, so line breaks and surrogate pairs go at every position around those fours.
@Suite struct AnalyzedTextOffsetTests {
  /// Naive line, column and scalar offset of every UTF-16 offset 0...n.
  func naive(_ units: [UInt16]) -> [(line: Int, column: Int, scalar: Int)] {
    var result: [(line: Int, column: Int, scalar: Int)] = []
    var line = 1, column = 1, scalar = 0
    for i in 0...units.count {
      result.append((line, column, scalar))
      guard i < units.count else { break }
      let u = units[i]
      if UTF16.isTrailSurrogate(u) { continue }
      scalar += 1
      column += 1
      if u == 0x0A || (u == 0x0D && (i + 1 == units.count || units[i + 1] != 0x0A)) {
        line += 1
        column = 1
      }
    }
    return result
  }

  @Test(arguments: ["\n", "\r", "\r\n", "😀", "é", "😀\n", "\r😀"])
  func offsetsMatchACountUnitByUnit(_ piece: String) throws {
    for position in 0..<12 {
      let input = String(repeating: "ab c", count: 4).prefix(position) + piece + " de fg hi jk"
      let text = try TextAnalyzer().analyze(String(input), source: "t")
      let expected = naive(text.utf16)
      for offset in 0...text.utf16.count {
        let (line, column) = text.lineAndColumn(offset)
        #expect(
          line == expected[offset].line && column == expected[offset].column, "\(piece) at \(position): \(offset)")
        #expect(text.scalarOffset(offset) == expected[offset].scalar, "\(piece) at \(position): \(offset)")
      }
      for scalar in 0...input.unicodeScalars.count {
        let offset = text.utf16Offset(ofScalar: scalar)
        #expect(expected[offset].scalar == scalar && (offset == 0 || expected[offset - 1].scalar < scalar))
      }
      #expect(text.statistics.characters == input.unicodeScalars.count)
      // Scalar offsets are kept only when some scalar takes two units.
      #expect(text.scalarOffsets.isEmpty == !piece.contains("😀"))
    }
  }
}
