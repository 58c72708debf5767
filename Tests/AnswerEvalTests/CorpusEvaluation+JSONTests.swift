import AnswerEval
import Testing

@Suite struct CorpusEvaluationJSONTests {
  @Test func wholeOutputWithSortedKeys() throws {
    #expect(
      try sampleEvaluation().renderJSON() == """
        {
          "answers" : 3,
          "corpus" : "c",
          "criteria" : [
            {
              "f1" : 1,
              "fn" : 0,
              "fp" : 0,
              "id" : "star.situation",
              "precision" : 1,
              "recall" : 1,
              "tn" : 3,
              "tp" : 0
            },
            {
              "f1" : 1,
              "fn" : 0,
              "fp" : 0,
              "id" : "star.task",
              "precision" : 1,
              "recall" : 1,
              "tn" : 3,
              "tp" : 0
            },
            {
              "f1" : 1,
              "fn" : 0,
              "fp" : 0,
              "id" : "star.action",
              "precision" : 1,
              "recall" : 1,
              "tn" : 2,
              "tp" : 1
            },
            {
              "f1" : 0.6666666666666666,
              "fn" : 1,
              "fp" : 0,
              "id" : "star.result",
              "precision" : 1,
              "recall" : 0.5,
              "tn" : 1,
              "tp" : 1
            },
            {
              "f1" : 0,
              "fn" : 0,
              "fp" : 1,
              "id" : "tradeoff",
              "precision" : 0,
              "recall" : 0,
              "tn" : 2,
              "tp" : 0
            },
            {
              "f1" : 0,
              "fn" : 1,
              "fp" : 0,
              "id" : "quantification",
              "precision" : 0,
              "recall" : 0,
              "tn" : 2,
              "tp" : 0
            },
            {
              "f1" : 1,
              "fn" : 0,
              "fp" : 0,
              "id" : "reflection",
              "precision" : 1,
              "recall" : 1,
              "tn" : 3,
              "tp" : 0
            }
          ],
          "disagreements" : [
            {
              "criterion" : "star.result",
              "evidence" : [

              ],
              "expected" : true,
              "file" : "c/a.md",
              "got" : false
            },
            {
              "criterion" : "tradeoff",
              "evidence" : [
                "We shipped."
              ],
              "expected" : false,
              "file" : "c/a.md",
              "got" : true
            },
            {
              "criterion" : "quantification",
              "evidence" : [

              ],
              "expected" : true,
              "file" : "c/c.md",
              "got" : false
            }
          ],
          "impact_quantities" : {
            "f1" : 0.6666666666666666,
            "found" : 1,
            "gold" : 1,
            "matched" : 1,
            "precision" : 0.5,
            "predicted" : 2,
            "recall" : 1
          },
          "rubric" : "behavioral",
          "schema" : "answer-eval/evaluation/v1",
          "sections" : {
            "labelled" : {
              "agreeing" : 0,
              "agreement" : 0,
              "answers" : 1,
              "characters" : 21
            },
            "no_story" : {
              "agreeing" : 0,
              "agreement" : 0,
              "answers" : 1,
              "characters" : 14
            },
            "no_story_answers_with_sections" : 1,
            "unlabelled" : {
              "agreeing" : 7,
              "agreement" : 0.22580645161290322,
              "answers" : 2,
              "characters" : 31
            }
          }
        }

        """)
  }
}
