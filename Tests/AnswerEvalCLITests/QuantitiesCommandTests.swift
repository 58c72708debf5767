import Foundation
import TestSupport
import Testing

@Suite struct QuantitiesCommandTests {
  @Test func printsEveryQuantityAsJSON() throws {
    let result = try CLI.run(["quantities", "-"], stdin: Data("We cut p95 from 500ms to ~50ms.".utf8))
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        [
          {
            "impact" : true,
            "kind" : "duration",
            "role" : "before",
            "span" : {
              "column" : 17,
              "end" : 21,
              "line" : 1,
              "start" : 16,
              "text" : "500ms"
            },
            "text" : "500ms",
            "unit" : "ms",
            "value" : 500
          },
          {
            "approximate" : true,
            "impact" : true,
            "kind" : "duration",
            "role" : "after",
            "span" : {
              "column" : 27,
              "end" : 30,
              "line" : 1,
              "start" : 26,
              "text" : "50ms"
            },
            "text" : "50ms",
            "unit" : "ms",
            "value" : 50
          }
        ]

        """)
  }

  @Test func stdinNameLabelsErrors() throws {
    let result = try CLI.run(["quantities", "-", "--stdin-name", "note"], stdin: Data([0x63, 0x61, 0x66, 0xE9]))
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("note:1:4: error: [text.utf8] invalid UTF-8"))
  }

  @Test func anAnswerWithoutNumbersPrintsAnEmptyList() throws {
    let result = try CLI.run(["quantities", "-"], stdin: Data("We made it much faster.".utf8))
    #expect(result.status == 0)
    #expect(result.stdout == "[\n\n]\n")
  }
}
