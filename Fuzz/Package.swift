// swift-tools-version:6.0
// libFuzzer targets for answer-eval, kept out of the main package so `swift build` and `swift test` never see
// them. Build and run them with `Scripts/fuzz.sh TARGET SECONDS` (scratch path `.build-fuzz`).
import PackageDescription

let package = Package(
  name: "answer-eval-fuzz",
  dependencies: [.package(name: "answer-eval", path: "..")],
  targets: [
    // bytes → decode → structure → normalize → tokenize → detect → report (JSON, XML, text, Markdown).
    .executableTarget(name: "FuzzAnswer", dependencies: [.product(name: "AnswerEval", package: "answer-eval")]),
    // bytes → YAML → rubric (or cue pack) → compiled rubric → a graded answer.
    .executableTarget(name: "FuzzRubric", dependencies: [.product(name: "AnswerEval", package: "answer-eval")]),
  ]
)
