import AnswerEvalText
import Foundation

/// One answer of a labelled corpus: its text and its gold labels.
public struct LabelledAnswer: Sendable, Equatable {
  /// The answer's path (`CORPUS/NNN-slug.md`).
  public var path: String
  /// The decoded answer, without a byte-order mark: gold offsets index its Unicode scalars.
  public var text: String
  public var gold: GoldLabels

  public init(path: String, text: String, gold: GoldLabels) {
    self.path = path
    self.text = text
    self.gold = gold
  }
}

/// A folder of answers with gold labels: every `NNN-slug.md` beside its sidecar `NNN-slug.json`
/// (`Corpora/README.md` describes both).
///
/// Loading reads every pair in file-name order and collects every problem instead of stopping at the
/// first: a missing or malformed sidecar, a sidecar without an answer, an answer that cannot be decoded,
/// and a span whose text is not the answer's substring at its offsets. The floors file (``floorsFileName``)
/// is not a sidecar. Hidden files and subfolders are ignored.
///
/// ```swift
/// let corpus = LabelledCorpus.load("Corpora/labelled")
/// corpus.answers.count   // 130
/// corpus.problems        // []
/// ```
public struct LabelledCorpus: Sendable {
  /// The name of the floors file inside a corpus folder.
  public static let floorsFileName = "floors.json"

  /// The folder, as given.
  public var directory: String
  /// The answers whose sidecars are valid, in file-name order.
  public var answers: [LabelledAnswer]
  /// Every problem found, in file-name order; the corpus should not be evaluated unless this is empty.
  public var problems: [EvaluationError]

  /// Loads the corpus in `directory`.
  public static func load(_ directory: String) -> LabelledCorpus {
    var corpus = LabelledCorpus(directory: directory, answers: [], problems: [])
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
      let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
    else {
      corpus.problems = [.corpusNotFound(path: directory)]
      return corpus
    }
    let files = Set(names.filter { !$0.hasPrefix(".") })
    let stems = Set(files.compactMap { stem($0, "md") })
    if stems.isEmpty {
      corpus.problems = [.noAnswers(path: directory)]
      return corpus
    }
    let orphans = Set(files.compactMap { stem($0, "json") }).subtracting(stems).subtracting([
      stem(floorsFileName, "json")!
    ])
    for name in stems.union(orphans).sorted() {
      let answerPath = path(name + ".md", in: directory), sidecarPath = path(name + ".json", in: directory)
      guard stems.contains(name) else {
        corpus.problems.append(.answerMissing(sidecar: sidecarPath, answer: answerPath))
        continue
      }
      guard files.contains(name + ".json") else {
        corpus.problems.append(.sidecarMissing(answer: answerPath, sidecar: sidecarPath))
        continue
      }
      do {
        let answer = try loadPair(answer: answerPath, sidecar: sidecarPath)
        let problems = answer.gold.validate(against: answer.text, path: sidecarPath)
        if problems.isEmpty { corpus.answers.append(answer) } else { corpus.problems += problems }
      } catch {
        corpus.problems.append(error)
      }
    }
    return corpus
  }

  private static func loadPair(answer: String, sidecar: String) throws(EvaluationError) -> LabelledAnswer {
    let text: String
    let data: [UInt8]
    do {
      text = try TextDecoder.decode(try InputReader.read(answer), source: answer).text
      data = try InputReader.read(sidecar)
    } catch let error as InputError {
      throw .unreadable(error)
    } catch let error as TextError {
      throw .undecodable(error)
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
    return LabelledAnswer(path: answer, text: text, gold: try GoldLabels.decode(Data(data), path: sidecar))
  }

  /// `name` without `.ext`, or nil when it has another extension.
  private static func stem(_ name: String, _ ext: String) -> String? {
    name.hasSuffix("." + ext) && name.count > ext.count + 1 ? String(name.dropLast(ext.count + 1)) : nil
  }

  /// `directory/name`, without doubling a trailing slash.
  public static func path(_ name: String, in directory: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
