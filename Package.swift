// swift-tools-version:6.0
import PackageDescription

/// Release builds of the executables on Linux link the Swift runtime and Foundation statically, as
/// `swift build --static-swift-stdlib` would: the dynamic loader then maps and binds fourteen fewer
/// libraries at every start, which is most of what one `answer-eval score` costs (README, Performance).
/// The compiler gets the flag too, so that the executable's objects name every static library Foundation
/// needs. Debug builds, and so the tests and the sanitizer builds, keep the shared libraries.
let staticRuntime = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let staticRuntimeCompile: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], staticRuntime)]
let staticRuntimeLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], staticRuntime)]

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
    // libxml2, seen only by AnswerEvalXML (its headers include ICU's, which clash with Foundation's ICU).
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    // A Foundation-free XML writer (xmlTextWriter) and XSD validator with a pure-Swift API.
    .target(name: "AnswerEvalXML", dependencies: ["CLibXML2"]),
    // Bytes to analyzed text: decoding, Markdown structure, normalization, tokens, sentences.
    .target(name: "AnswerEvalText", dependencies: ["CICU"]),
    // libyaml's events (Yams's CYaml), to refuse anchors and aliases before a rubric is composed; without
    // Foundation or libxml2, whose two ICUs clash in a module that also imports a C module.
    .target(name: "AnswerEvalYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
    // Rubrics, detectors, scoring and reports.
    .target(
      name: "AnswerEval",
      dependencies: [
        "AnswerEvalText", "AnswerEvalXML", "AnswerEvalYAML", .product(name: "Yams", package: "Yams"),
      ]
    ),
    .executableTarget(
      name: "AnswerEvalCLI",
      dependencies: ["AnswerEval", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: staticRuntimeCompile,
      linkerSettings: staticRuntimeLink
    ),
    .executableTarget(
      name: "AnswerEvalBenchmark",
      dependencies: ["AnswerEval", "CICU"],
      swiftSettings: staticRuntimeCompile,
      linkerSettings: staticRuntimeLink
    ),
    // Helpers shared by the test targets (fixtures through #filePath, running the built binary).
    .target(name: "TestSupport", dependencies: ["AnswerEval", "AnswerEvalText"], path: "Tests/TestSupport"),
    .testTarget(name: "AnswerEvalTextTests", dependencies: ["AnswerEvalText", "TestSupport"]),
    .testTarget(name: "AnswerEvalXMLTests", dependencies: ["AnswerEvalXML", "TestSupport"]),
    .testTarget(name: "AnswerEvalTests", dependencies: ["AnswerEval", "AnswerEvalXML", "TestSupport"]),
    .testTarget(name: "AnswerEvalCLITests", dependencies: ["AnswerEvalCLI", "AnswerEvalXML", "TestSupport"]),
    .testTarget(name: "AnswerEvalBatchTests", dependencies: ["AnswerEval", "TestSupport"]),
  ]
)
