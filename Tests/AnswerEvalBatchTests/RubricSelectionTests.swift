import AnswerEval
import Testing

@Suite struct RubricSelectionTests {
  @Test func frontMatterWinsOverTheCommandLine() {
    let selection = RubricSelection(frontMatter: [("title", "x"), ("rubric", "system-design")], requested: "other")
    #expect(selection == RubricSelection.init(frontMatter: [("rubric", "system-design")], requested: nil))
    #expect(selection.name == "system-design" && selection.origin == .frontMatter)
  }

  @Test func commandLineWinsOverTheDefault() {
    let selection = RubricSelection(frontMatter: [("title", "x")], requested: "deployment-tradeoff")
    #expect(selection.name == "deployment-tradeoff" && selection.origin == .requested)
  }

  @Test func defaultIsBehavioral() {
    let selection = RubricSelection(frontMatter: [], requested: nil)
    #expect(selection.name == "behavioral" && selection.origin == .default)
  }

  @Test func emptyValuesCountAsNotGiven() {
    #expect(RubricSelection(frontMatter: [("rubric", "")], requested: " ").origin == .default)
    #expect(RubricSelection(frontMatter: [("rubric", "")], requested: "x").name == "x")
  }

  @Test func lastRubricKeyCounts() {
    #expect(RubricSelection(frontMatter: [("rubric", "a"), ("rubric", "b")], requested: nil).name == "b")
  }
}
