import AnswerEval
import ArgumentParser
import Foundation

struct RubricCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rubric",
    abstract: "List, show and check rubrics and cue packs.",
    discussion: """
      Rubrics are found in the folders of ANSWER_EVAL_RUBRICS (separated by :) and then in the bundled \
      Rubrics folder. The format is documented in Rubrics/README.md.

      Examples:
        answer-eval rubric list
        answer-eval rubric show behavioral
        answer-eval rubric check
        answer-eval rubric check my-rubric.yaml
      """,
    subcommands: [List.self, Show.self, Check.self]
  )

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the rubrics that can be named with --rubric.")

    func run() throws {
      let catalog = RubricCatalog.standard()
      let loader = try RubricLoader(catalog: catalog)
      var failed = false
      for (name, file) in catalog.files().sorted(by: { $0.key < $1.key }) {
        do {
          let rubric = try loader.load(file: file)
          let base = rubric.extends.map { " (extends \($0))" } ?? ""
          Output.write("\(name)\t\(rubric.version)\t\(rubric.title)\(base)\t\(file)\n")
        } catch {
          Diagnostics.error(describe(error))
          failed = true
        }
      }
      if failed { throw ExitStatus.failed }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show a rubric's criteria, weights, levels and packs.")

    @Argument(help: ArgumentHelp("A rubric name or YAML file.", valueName: "rubric"))
    var rubric: String

    func run() throws {
      let loaded: Rubric
      do {
        loaded = try RubricLoader(catalog: .standard()).load(rubric)
      } catch {
        Diagnostics.error(describe(error))
        throw ExitStatus.failed
      }
      var out = "\(loaded.id) \(loaded.version) — \(loaded.title)\n"
      if let base = loaded.extends { out += "extends: \(base)\n" }
      out += "file: \(loaded.file)\n"
      if !loaded.description.isEmpty {
        out += "\n\(loaded.description.trimmingCharacters(in: .whitespacesAndNewlines))\n"
      }
      out += "\ncriteria (weight, detector):\n"
      let total = loaded.criteria.reduce(0) { $0 + $1.weight }
      for criterion in loaded.criteria {
        let share = total > 0 ? String(format: "%4.1f%%", criterion.weight / total * 100) : ""
        out +=
          "  \(criterion.id.padding(toLength: 28, withPad: " ", startingAt: 0)) "
          + "\(String(format: "%5.1f", criterion.weight)) \(share)  \(criterion.detector)\n"
      }
      out += "\nlevels: " + loaded.levels.map { "\($0.level) ≥ \(Int($0.min))" }.joined(separator: ", ") + "\n"
      out += "\npacks:\n"
      for pack in loaded.packs {
        out += "  \(pack.id) (\(pack.detector), \(pack.cues.count) cues) \(pack.file)\n"
      }
      out += "\ndetectors:\n"
      for id in Set(loaded.criteria.map(\.detector)).sorted() {
        guard let descriptor = DetectorRegistry.descriptor(id) else { continue }
        out += "  \(id): \(descriptor.summary)\n"
      }
      Output.write(out)
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate rubrics and cue packs and run every embedded example.",
      discussion: """
        Without files, checks every rubric that can be named with --rubric, their cue packs, and the \
        detectors' own examples. Each problem is printed as FILE:LINE:COL: error: [rubric.ID] message. \
        Exit 0 when everything passes, 2 otherwise.
        """
    )

    @Argument(help: ArgumentHelp("Rubric or cue-pack files (default: all rubrics).", valueName: "file"))
    var files: [String] = []

    func run() throws {
      let catalog = RubricCatalog.standard()
      let loader = try RubricLoader(catalog: catalog)
      let runner = try ExampleRunner()
      let targets = files.isEmpty ? catalog.files().sorted { $0.key < $1.key }.map(\.value) : files
      var problems = 0
      var packs: [String: CuePack] = [:]
      var rubrics = 0
      for file in targets {
        do {
          if Self.isPack(file) {
            let pack = try loader.loadPack(file: file)
            packs[pack.file] = pack
          } else {
            let rubric = try loader.load(file: file)
            rubrics += 1
            for pack in rubric.packs { packs[pack.file] = pack }
          }
        } catch {
          Diagnostics.error(describe(error))
          problems += 1
        }
      }
      var examples = 0
      for (_, pack) in packs.sorted(by: { $0.key < $1.key }) {
        let result = runner.check(pack)
        examples += result.examples
        for failure in result.failures { Diagnostics.error(failure.description) }
        problems += result.failures.count
      }
      if files.isEmpty {
        do {
          let result = try runner.checkDetectors(library: .shared)
          examples += result.examples
          for failure in result.failures { Diagnostics.error(failure.description) }
          problems += result.failures.count
        } catch {
          Diagnostics.error(describe(error))
          problems += 1
        }
      }
      let summary =
        "checked \(rubrics) rubric\(rubrics == 1 ? "" : "s"), \(packs.count) cue pack\(packs.count == 1 ? "" : "s"), "
        + "\(examples) example\(examples == 1 ? "" : "s"): "
      Output.write(summary + (problems == 0 ? "all passed\n" : "\(problems) problem\(problems == 1 ? "" : "s")\n"))
      if problems > 0 { throw ExitStatus.failed }
    }

    /// A cue pack has a top-level `cues:` key.
    static func isPack(_ file: String) -> Bool {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return false }
      return text.split(separator: "\n").contains { $0.hasPrefix("cues:") }
    }
  }
}
