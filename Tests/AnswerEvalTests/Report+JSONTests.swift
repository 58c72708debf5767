import AnswerEval
import AnswerEvalText
import Foundation
import TestSupport
import Testing

/// `Report.json(pretty:)` writes JSON by hand for speed; these tests hold it to exactly the bytes
/// Foundation's `JSONEncoder` writes with the report conventions, on real reports and on every character
/// and number it could meet.
@Suite struct ReportJSONTests {
  /// The hand-written JSON against `JSONEncoder`'s, pretty and compact, for one report and as an array.
  func checkSameAsJSONEncoder(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for pretty in [true, false] {
      let expected = try ReportFormat.encoder(pretty: pretty).encode(report)
      let written = report.json(pretty: pretty)
      #expect(
        written == Array(expected), "pretty: \(pretty)\n\(String(decoding: written, as: UTF8.self))",
        sourceLocation: sourceLocation)
      let many = try ReportFormat.encoder(pretty: pretty).encode([report, report])
      #expect(Report.json([report, report], pretty: pretty) == Array(many), sourceLocation: sourceLocation)
    }
  }

  @Test func syntheticReport() throws {
    try checkSameAsJSONEncoder(try SyntheticReport.report())
  }

  @Test func everyAnswerFixtureAndCorpusAnswer() throws {
    let grader = try Grader()
    var paths = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Fixtures/answers"))
      .map { "Fixtures/answers/" + $0 }
    for folder in ["Corpora/examples", "Corpora/mock-responses"] {
      paths += try FileManager.default.contentsOfDirectory(atPath: Repository.path(folder))
        .filter { $0.hasSuffix(".md") }.map { folder + "/" + $0 }
    }
    #expect(paths.count > 10)
    for path in paths.sorted() {
      let bytes = Array(try Data(contentsOf: Repository.url(path)))
      try checkSameAsJSONEncoder(try grader.grade(bytes: bytes, source: path).report)
    }
  }

  @Test func emptyAndMissingParts() throws {
    var report = try SyntheticReport.report()
    report.criteria = []
    report.sections = []
    report.quantities = []
    report.feedback = []
    report.rubric = nil
    report.score = nil
    try checkSameAsJSONEncoder(report)
    report = try SyntheticReport.report()
    for i in report.feedback.indices { report.feedback[i].span = nil }
    for i in report.criteria.indices { report.criteria[i].evidence = [] }
    try checkSameAsJSONEncoder(report)
  }

  @Test func everyCharacterInEveryStringField() throws {
    var text = ""
    for value in 0..<0x3000 { if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) } }
    text += "\u{FEFF}\u{FFFD}\u{FFFE}\u{FFFF}👩🏽‍💻𝔘\u{10FFFF}\"\\/</script>\r\n"
    var report = try SyntheticReport.report()
    report.source.path = text
    report.rubric?.id = text
    report.score?.level = text
    report.criteria[0].id = text
    report.criteria[0].feedback = text
    report.criteria[0].evidence[0].text = text
    report.sections[0].span.text = text
    report.quantities[0].text = text
    report.quantities[0].unit = text
    report.quantities[0].kind = text
    report.feedback[0].message = text
    report.feedback[0].criterion = text
    try checkSameAsJSONEncoder(report)
  }

  /// The writer checks eight bytes at a time for one that needs escaping: each such byte, and bytes that
  /// come close (space, `#`, `]`, DEL, and the bytes 0xA2 and 0xDC of "¢" and "ܜ", which are `"` and `\` plus
  /// 0x80), at every offset of strings of 0 to 20 bytes, alone and in pairs.
  @Test func escapesAtEveryOffsetOfAnEightByteBlock() throws {
    let specials = ["\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", " ", "#", "]", "\u{7F}", "¢", "ܜ", "é"]
    var strings: [String] = []
    for length in 0...20 {
      for offset in 0..<max(length, 1) {
        for special in specials {
          let before = String(repeating: "a", count: min(offset, length))
          let after = String(repeating: "b", count: max(0, length - offset - 1))
          strings.append(before + special + after)
          strings.append(before + special + "\"" + after + special)
        }
      }
    }
    var report = try SyntheticReport.report()
    let criterion = report.criteria[0]
    report.criteria = strings.map { text in
      var c = criterion
      c.id = text
      c.feedback = text + text
      return c
    }
    try checkSameAsJSONEncoder(report)
  }

  @Test func numbers() throws {
    var doubles: [Double] = [
      0, -0.0, 1, -1, 0.5, 0.1, 0.1 + 0.2, 82.5, 99.99, 1e15, 1e15 - 1, 1e16, 123_456_789_012_345_678, 1e-5, 1e-7,
      1e300,
      -1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 4_503_599_627_370_496.5, 9_007_199_254_740_993,
    ]
    var seed: UInt64 = 42
    for _ in 0..<2000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      doubles.append(Double(bitPattern: seed >> 2 | 0x3000_0000_0000_0000) * (seed & 1 == 0 ? 1 : -1))
      doubles.append(Double(Int64(bitPattern: seed) >> Int(seed % 60)) / 1000)
    }
    let integers = [0, 1, -1, 9, 10, 99, 100, 1_000_000_007, Int.max, Int.min, Int(Int32.max), -1_234_567_890_123]
    var report = try SyntheticReport.report()
    let criterion = report.criteria[0], quantity = report.quantities[0]
    report.criteria = doubles.map { value in
      var c = criterion
      c.score = value
      c.weight = -value
      return c
    }
    report.quantities = doubles.map { value in
      var q = quantity
      q.value = value
      return q
    }
    report.sections = report.sections.map { section in
      var s = section
      s.span.start = integers[s.span.start % integers.count]
      s.span.end = integers.last!
      return s
    }
    report.source.characters = Int.max
    report.source.words = Int.min
    report.score?.total = 0.30000000000000004
    try checkSameAsJSONEncoder(report)
  }
}
