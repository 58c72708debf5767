import AnswerEval
import Testing

@Suite struct CorpusEvaluationTextTests {
  @Test func wholeOutput() throws {
    #expect(
      try sampleEvaluation().renderText() == """
        Evaluation of c: 3 answers, rubric behavioral

        criterion          precision  recall     F1   TP   FP   FN   TN
        star.situation         1.000   1.000  1.000    0    0    0    3
        star.task              1.000   1.000  1.000    0    0    0    3
        star.action            1.000   1.000  1.000    1    0    0    2
        star.result            1.000   0.500  0.667    1    0    1    1
        tradeoff               0.000   0.000  0.000    0    1    0    2
        quantification         0.000   0.000  0.000    0    0    1    2
        reflection             1.000   1.000  1.000    0    0    0    3
        impact quantities      0.500   1.000  0.667    1    1    0    —
        Impact quantities match by span overlap: TP gold found, FP predicted unmatched, FN gold not found.

        Section agreement per non-whitespace character:
          labelled    0.000  (0 of 21 characters, 1 answer)
          unlabelled  0.226  (7 of 31 characters, 2 answers)
          no-story    0.000  (0 of 14 characters, 1 answer); 1 got a predicted section

        Disagreements (3):
          c/a.md  star.result     expected true   got false  evidence —
          c/a.md  tradeoff        expected false  got true   evidence "We shipped."
          c/c.md  quantification  expected true   got false  evidence —

        """)
  }

  @Test func noDisagreements() {
    let text = CorpusEvaluation(corpus: "c", rubric: "behavioral", graded: []).renderText()
    #expect(text.hasPrefix("Evaluation of c: 0 answers, rubric behavioral\n"))
    #expect(text.hasSuffix("\n\nDisagreements: none\n"))
  }
}
