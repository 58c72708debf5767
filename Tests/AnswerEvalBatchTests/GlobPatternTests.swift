import AnswerEval
import Testing

@Suite struct GlobPatternTests {
  @Test func starStaysInOneComponent() {
    #expect(GlobPattern("drafts/*").matches("drafts/x.md"))
    #expect(!GlobPattern("drafts/*").matches("drafts/a/x.md"))
    #expect(GlobPattern("drafts/*.md").matches("drafts/.md"))
  }

  @Test func patternWithoutSlashMatchesTheName() {
    #expect(GlobPattern("*.md").matches("a/b/c.md"))
    #expect(GlobPattern("*.md").matches("c.md"))
    #expect(!GlobPattern("*.md").matches("c.md/x.txt"))
    #expect(GlobPattern("drafts").matches("a/drafts"))
    #expect(!GlobPattern("drafts").matches("drafts/a"))
  }

  @Test func globstarCrossesFolders() {
    #expect(GlobPattern("a/**").matches("a/b/c/d.md"))
    #expect(GlobPattern("a/**/d.md").matches("a/d.md"))
    #expect(GlobPattern("a/**/d.md").matches("a/b/c/d.md"))
    #expect(!GlobPattern("a/**/d.md").matches("a/bd.md"))
    #expect(GlobPattern("**/x.md").matches("x.md"))
    #expect(GlobPattern("**/x.md").matches("p/q/x.md"))
  }

  @Test func questionMarkAndSets() {
    #expect(GlobPattern("a?.md").matches("ab.md"))
    #expect(!GlobPattern("a?.md").matches("a.md"))
    #expect(!GlobPattern("a?b").matches("a/b") && !GlobPattern("a[/]b").matches("a/b"))
    #expect(GlobPattern("[0-9][!x]*").matches("1y.md"))
    #expect(!GlobPattern("[0-9][!x]*").matches("1x.md"))
    #expect(GlobPattern("[^a]").matches("b") && !GlobPattern("[^a]").matches("a"))
    #expect(GlobPattern("[]x]").matches("]"))
  }

  @Test func escapesAndUnclosedSetsAreLiteral() {
    #expect(GlobPattern("\\*.md").matches("*.md"))
    #expect(!GlobPattern("\\*.md").matches("a.md"))
    #expect(GlobPattern("[ab").matches("[ab"))
  }

  @Test func leadingSlashOrDotSlashIsDropped() {
    #expect(GlobPattern("/a/*.md").matches("a/b.md"))
    #expect(GlobPattern("./a/*.md").matches("a/b.md"))
  }

  @Test func caseIsIgnoredOnlyWhenAsked() {
    #expect(!GlobPattern("*.md").matches("A.MD"))
    #expect(GlobPattern("*.md", ignoringCase: true).matches("A.Md"))
    #expect(GlobPattern("[a-c].txt", ignoringCase: true).matches("B.TXT"))
  }

  @Test func multibyteNamesMatchByCharacter() {
    #expect(GlobPattern("réponse-?.md").matches("dossier/réponse-é.md"))
    #expect(GlobPattern("*👩🏽‍💻*").matches("a 👩🏽‍💻 b"))
  }

  @Test func emptyPatternMatchesOnlyEmptyName() {
    #expect(GlobPattern("").matches(""))
    #expect(!GlobPattern("").matches("a"))
  }
}
