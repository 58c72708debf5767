import Testing

@testable import AnswerEval

@Suite struct HTMLPaletteTests {
  @Test func contrastOfKnownPairs() {
    #expect(HTMLPalette.contrast("#000000", "#ffffff") == 21)
    #expect(HTMLPalette.contrast("#ffffff", "#ffffff") == 1)
    #expect(abs(HTMLPalette.contrast("#767676", "#ffffff") - 4.54) < 0.01)
  }

  @Test func everyTextPairReachesAA() {
    #expect(HTMLPalette.textPairs.count >= 30)
    for (what, foreground, background) in HTMLPalette.textPairs {
      let ratio = HTMLPalette.contrast(foreground, background)
      #expect(ratio >= 4.5, "\(what): \(foreground) on \(background) is \(ratio):1, below 4.5:1")
    }
  }

  @Test func everyGraphicPairReachesThreeToOne() {
    for (what, graphic, background) in HTMLPalette.graphicPairs {
      let ratio = HTMLPalette.contrast(graphic, background)
      #expect(ratio >= 3, "\(what): \(graphic) on \(background) is \(ratio):1, below 3:1")
    }
  }

  @Test func sectionsDifferInMoreThanColour() {
    let labels = Report.Section.Label.allCases
    #expect(Set(labels.map { HTMLPalette.colors($0).strong }).count == labels.count)
    // Four line styles, and the fifth (reflection) is drawn on both sides.
    #expect(Set(labels.filter { $0 != .reflection }.map(HTMLPalette.borderStyle)).count == 4)
    #expect(
      Report.reportStyle.contains(
        ".star-reflection { background: #fcefe0; border-left: 6px solid #8a4500; "
          + "border-right: 6px solid #8a4500; }"))
  }
}
