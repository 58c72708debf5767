import AnswerEval
import TestSupport
import Testing

@Suite struct FeedbackPunctuationTests {
  /// The punctuation of the bundled `grammar.en` pack.
  static let english = FeedbackPunctuation(separator: ", ", last: " and ", quote: "“{text}”")
  /// The fallbacks: a rubric without a `grammar` pack that has `wording`.
  static let neutral = FeedbackPunctuation(wording: [:])

  // MARK: list

  @Test func listOfNothingIsEmpty() {
    #expect(Self.english.list([]) == "")
    #expect(Self.neutral.list([]) == "")
  }

  @Test func listOfOneIsTheItem() {
    #expect(Self.english.list(["the cost"]) == "the cost")
    #expect(Self.neutral.list(["the cost"]) == "the cost")
  }

  @Test func listOfTwoTakesTheLastSeparator() {
    #expect(Self.english.list(["the choice", "the cost"]) == "the choice and the cost")
    #expect(Self.neutral.list(["the choice", "the cost"]) == "the choice, the cost")
  }

  @Test func listOfThree() {
    #expect(Self.english.list(["the choice", "why", "the cost"]) == "the choice, why and the cost")
    #expect(Self.neutral.list(["the choice", "why", "the cost"]) == "the choice, why, the cost")
  }

  @Test func listOfFour() {
    #expect(Self.english.list(["a", "b", "c", "d"]) == "a, b, c and d")
    #expect(Self.neutral.list(["a", "b", "c", "d"]) == "a, b, c, d")
  }

  // MARK: quoted

  @Test func quoted() {
    #expect(Self.english.quoted("It got faster.") == "“It got faster.”")
    #expect(Self.neutral.quoted("It got faster.") == "\"It got faster.\"")
    #expect(FeedbackPunctuation(quote: "„{text}“").quoted("Es wurde schneller.") == "„Es wurde schneller.“")
  }

  /// A quote is its template filled in one pass: braces in the quoted text stay as they are, and a template
  /// with no `{text}` or two is filled as ``FeedbackTemplate/substitute(_:values:)`` fills it.
  @Test func quotedIsTheTemplateFilledInOnePass() {
    for template in ["“{text}”", "{text}", "«\u{A0}{text}\u{A0}»", "[{text}] ({text})", "no text", "", "{text}{text}"] {
      for text in ["", "plain", "{text}", "a {found} b", "Ünïcödé 👩🏽‍💻"] {
        #expect(
          FeedbackPunctuation(quote: template).quoted(text)
            == FeedbackTemplate.substitute(template, values: ["text": text]), "\(template) \(text)")
      }
    }
  }

  @Test func quotedExcerptsAreDistinctShortAndListed() {
    #expect(
      Self.english.quotedExcerpts(["kind of", "a lot", "Kind of", "stuff", "sort of"])
        == "“kind of”, “a lot” and “stuff”")
    #expect(Self.neutral.quotedExcerpts(["kind of", "a lot"], limit: 1) == "\"kind of\"")
    #expect(
      Self.neutral.quotedExcerpts(["one\nline", String(repeating: "x", count: 90)])
        == "\"one line\", \"\(String(repeating: "x", count: 79))…\"")
  }

  // MARK: from wording

  @Test func eachMissingKeyFallsBack() {
    #expect(Self.neutral == FeedbackPunctuation(separator: ", ", last: ", ", quote: "\"{text}\""))
    let onlyLast = FeedbackPunctuation(wording: ["list.last": " und "])
    #expect(onlyLast.list(["a", "b", "c"]) == "a, b und c")
    #expect(onlyLast.quoted("a") == "\"a\"")
    let onlySeparator = FeedbackPunctuation(wording: ["list.separator": "; "])
    #expect(onlySeparator.list(["a", "b", "c"]) == "a; b; c")
    let onlyQuote = FeedbackPunctuation(wording: ["quote": "«{text}»"])
    #expect(onlyQuote.list(["a", "b", "c"]) == "a, b, c")
    #expect(onlyQuote.quoted("a") == "«a»")
  }

  /// The English grammar pack gives every key, and every bundled rubric takes its punctuation from it.
  @Test func theBundledRubricsPunctuateInEnglish() throws {
    let loader = try RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")]))
    let pack = try loader.loadPack(file: Repository.path("Rubrics/packs/grammar.en.yaml"))
    #expect(pack.wording == ["list.separator": ", ", "list.last": " and ", "quote": "“{text}”"])
    #expect(pack.wording.keys.sorted() == FeedbackPunctuation.wording.map(\.key).sorted())
    for name in RubricCatalog(folders: [Repository.path("Rubrics")]).names() {
      #expect(try bundledLibrary.compiled(name).punctuation == Self.english, "\(name)")
    }
  }

  /// A rubric without a `grammar` pack lists and quotes with the fallbacks, in no language.
  @Test func aRubricWithoutGrammarWordingFallsBack() throws {
    let folder = try TemporaryDirectory()
    let file = try folder.write(
      "plain.yaml",
      """
      id: plain
      version: 1.0.0
      language: xx
      title: Drift metrics only
      levels: [{level: any, min: 0}]
      packs: [ml-deployment.en]
      criteria:
        - id: coverage.drift-metrics
          title: Drift metrics
          detector: coverage
          weight: 1
          feedback:
            present: "[{found}] [{evidence}]"
            partial: "[{found}] [{evidence}]"
            missing: "[{found}] [{evidence}]"
      """)
    let rubric = try CompiledRubric(
      RubricLoader(catalog: RubricCatalog(folders: [Repository.path("Rubrics")])).load(file: file))
    #expect(rubric.punctuation == Self.neutral)
    let report = try Grader(rubric: rubric).grade(
      bytes: Array("Every night we compute PSI and a KS test for each feature against last month's data.".utf8),
      source: "t"
    ).report
    let feedback = try criterion("coverage.drift-metrics", in: report).feedback
    #expect(feedback == "[\"psi\", \"ks\", \"ks test\"] [\"PSI\", \"KS test\"]")
  }
}
