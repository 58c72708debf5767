// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "answer-eval",
  products: [
    .library(name: "AnswerEval", targets: ["AnswerEval"]),
    .executable(name: "answer-eval", targets: ["AnswerEvalCLI"]),
    .executable(name: "answer-eval-bench", targets: ["AnswerEvalBenchmark"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // ICU behind a plain-C header (see Sources/CICU/include/cicu.h for why).
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    // Bytes to analyzed text: decoding, Markdown structure, normalization, tokens, sentences.
    .target(name: "AnswerEvalText", dependencies: ["CICU"]),
    // Rubrics, detectors, scoring and reports.
    .target(
      name: "AnswerEval",
      dependencies: ["AnswerEvalText", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "AnswerEvalCLI",
      dependencies: ["AnswerEval", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(name: "AnswerEvalBenchmark", dependencies: ["AnswerEval", "CICU"]),
    // Helpers shared by the test targets (fixtures through #filePath, running the built binary).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "AnswerEvalTextTests", dependencies: ["AnswerEvalText", "TestSupport"]),
    .testTarget(name: "AnswerEvalBatchTests", dependencies: ["AnswerEval", "TestSupport"]),
    .testTarget(name: "AnswerEvalCLITests", dependencies: ["AnswerEvalCLI", "TestSupport"]),
  ]
)
