import AnswerEval
import Foundation
import TestSupport
import Testing

@Suite struct LabelledCorpusTests {
  @Test func loadsEveryPairInFileNameOrder() {
    let corpus = LabelledCorpus.load(Repository.path("Fixtures/evaluate/valid"))
    #expect(corpus.problems == [])
    #expect(
      corpus.answers.map(\.gold.id) == ["01-labelled-story", "02-advice", "03-twin-story", "04-twin-no-story"])
    #expect(corpus.answers[0].path == Repository.path("Fixtures/evaluate/valid/01-labelled-story.md"))
    #expect(corpus.answers[0].gold.quantities.map(\.text) == ["4", "9 s", "2 s"])
  }

  @Test func theLabelledCorpusIsValid() {
    let corpus = LabelledCorpus.load(Repository.path("Corpora/labelled"))
    #expect(corpus.problems.map(\.errorDescription) == [])
    #expect(corpus.answers.count == 130)
  }

  @Test func reportsEveryProblemOfEveryFile() {
    let directory = Repository.path("Fixtures/evaluate/broken")
    let corpus = LabelledCorpus.load(directory)
    #expect(corpus.answers == [])
    let format = "(the sidecar format is in Corpora/README.md)"
    #expect(
      corpus.problems.map { $0.errorDescription!.replacingOccurrences(of: directory + "/", with: "") }
        == [
          "01-broken-offset.json: error: [evaluate.span-text] \"sections[0].text\" is not the answer's text at 1..39: "
            + "from offset 1 the sidecar has \"We cut the build from 12 minut…\" and the answer has \"e cut the build "
            + "from 12 minute…\"; fix start/end (Unicode-scalar offsets, end exclusive) or the text",
          "01-broken-offset.json: error: [evaluate.span-range] \"quantities[1]\" runs from 36 to 99, but the answer "
            + "has 39 characters; give 0 <= start < end <= 39 (Unicode-scalar offsets, end exclusive)",
          "02-no-sidecar.md: error: [evaluate.sidecar-missing] has no gold labels; write 02-no-sidecar.json "
            + format,
          "03-orphan.json: error: [evaluate.answer-missing] labels an answer that does not exist; add 03-orphan.md "
            + "or remove the sidecar",
          "04-invalid-json.json: error: [evaluate.json] is not valid JSON (Invalid value around character 49.); "
            + "fix the syntax \(format)",
          "05-missing-key.json: error: [evaluate.key-missing] \"explicit_labels\" is missing; add it \(format)",
          "06-wrong-type.json: error: [evaluate.key-type] \"criteria.tradeoff\" must be true or false \(format)",
          "07-bad-label.json: error: [evaluate.key-value] \"sections[0].label\" is \"Action\"; use one of situation, "
            + "task, action, result, reflection \(format)",
          "08-inconsistent.json: error: [evaluate.sidecar-rule] \"criteria.star.task\" is true but there is no task "
            + "section; fix the labels \(format)",
          "09-wrong-id.json: error: [evaluate.key-value] \"id\" is \"09-wrong\"; make it the file name, "
            + "\"09-wrong-id\" \(format)",
        ])
  }

  @Test func missingFolder() {
    #expect(
      LabelledCorpus.load("no-such-corpus").problems.map(\.errorDescription)
        == [
          "no-such-corpus: error: [evaluate.corpus] no such folder; give the folder of labelled answers, "
            + "e.g. Corpora/labelled"
        ])
  }

  @Test func folderWithoutAnswers() {
    let directory = Repository.path("Fixtures/evaluate")
    #expect(
      LabelledCorpus.load(directory).problems.map(\.errorDescription)
        == [
          "\(directory): error: [evaluate.no-answers] no *.md answers in this folder; give the folder of labelled "
            + "answers, e.g. Corpora/labelled"
        ])
  }

  @Test func pathsDoNotDoubleATrailingSlash() {
    #expect(LabelledCorpus.path("a.md", in: "Corpora/labelled") == "Corpora/labelled/a.md")
    #expect(LabelledCorpus.path("a.md", in: "Corpora/labelled/") == "Corpora/labelled/a.md")
  }
}
