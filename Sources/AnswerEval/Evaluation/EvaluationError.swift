import AnswerEvalText
import Foundation

/// Why a labelled corpus or a floors file cannot be used, or why an evaluation falls short of its floors.
///
/// Each message names the file (and the JSON key, where there is one) and says how to fix it:
///
/// ```
/// a.json: error: [evaluate.span-text] "sections[0].text" is not the answer's text at 1..15: from offset 1
/// the sidecar has "We shipped it." and the answer has "e shipped it. "; fix start/end (Unicode-scalar
/// offsets, end exclusive) or the text
/// ```
public enum EvaluationError: LocalizedError, Equatable, Sendable {
  /// The JSON files the evaluator reads, for the hint at the end of a message.
  public enum Document: Sendable, Equatable {
    /// A gold-label sidecar (`NNN-slug.json`).
    case sidecar
    /// A floors file (`floors.json`).
    case floors

    var format: String {
      switch self {
      case .sidecar: return "the sidecar format is in Corpora/README.md"
      case .floors: return "the floors format is in README.md, section Evaluation"
      }
    }
  }

  /// The corpus folder does not exist or is not a folder.
  case corpusNotFound(path: String)
  /// The corpus folder holds no `*.md` answer.
  case noAnswers(path: String)
  /// An answer has no sidecar beside it.
  case sidecarMissing(answer: String, sidecar: String)
  /// A sidecar has no answer beside it.
  case answerMissing(sidecar: String, answer: String)
  /// An answer or sidecar cannot be read.
  case unreadable(InputError)
  /// An answer cannot be decoded.
  case undecodable(TextError)
  /// The file is not JSON at all; `detail` is the parser's description.
  case invalidJSON(path: String, document: Document, detail: String)
  /// A required key is absent.
  case missingKey(path: String, document: Document, key: String)
  /// A key holds a value of the wrong JSON type; `expected` reads "a string", "true or false", ….
  case wrongType(path: String, document: Document, key: String, expected: String)
  /// A key holds a value of the right type that is not allowed; `problem` says why and what to use.
  case invalidValue(path: String, document: Document, key: String, problem: String)
  /// A span's offsets fall outside the answer (or are empty).
  case spanOutOfRange(path: String, key: String, start: Int, end: Int, characters: Int)
  /// A span's `text` is not the answer's substring at its offsets.
  case spanTextMismatch(path: String, key: String, start: Int, end: Int, expected: String, actual: String)
  /// A span starts before the previous span of the same list ends.
  case spansOutOfOrder(path: String, key: String, start: Int, previousKey: String, previousEnd: Int)
  /// The sidecar breaks one of the consistency rules of Corpora/README.md.
  case inconsistent(path: String, rule: String)
  /// A floors file given with `--floors` does not exist.
  case floorsNotFound(path: String)
  /// A figure is below its floor.
  case belowFloor(path: String, figure: String, value: Double, floor: Double)
  /// A count is above its maximum.
  case aboveMaximum(path: String, figure: String, value: Int, maximum: Int)

  public var errorDescription: String? {
    switch self {
    case .corpusNotFound(let path):
      return "\(path): error: [evaluate.corpus] no such folder; give the folder of labelled answers, "
        + "e.g. Corpora/labelled"
    case .noAnswers(let path):
      return "\(path): error: [evaluate.no-answers] no *.md answers in this folder; give the folder of "
        + "labelled answers, e.g. Corpora/labelled"
    case .sidecarMissing(let answer, let sidecar):
      return "\(answer): error: [evaluate.sidecar-missing] has no gold labels; write \(sidecar) "
        + "(\(Document.sidecar.format))"
    case .answerMissing(let sidecar, let answer):
      return "\(sidecar): error: [evaluate.answer-missing] labels an answer that does not exist; "
        + "add \(answer) or remove the sidecar"
    case .unreadable(let error):
      return error.errorDescription
    case .undecodable(let error):
      return error.errorDescription
    case .invalidJSON(let path, let document, let detail):
      return "\(path): error: [evaluate.json] is not valid JSON (\(detail)); fix the syntax (\(document.format))"
    case .missingKey(let path, let document, let key):
      return "\(path): error: [evaluate.key-missing] \"\(key)\" is missing; add it (\(document.format))"
    case .wrongType(let path, let document, let key, let expected):
      return "\(path): error: [evaluate.key-type] \"\(key)\" must be \(expected) (\(document.format))"
    case .invalidValue(let path, let document, let key, let problem):
      return "\(path): error: [evaluate.key-value] \"\(key)\" \(problem) (\(document.format))"
    case .spanOutOfRange(let path, let key, let start, let end, let characters):
      return "\(path): error: [evaluate.span-range] \"\(key)\" runs from \(start) to \(end), but the answer "
        + "has \(characters) characters; give 0 <= start < end <= \(characters) "
        + "(Unicode-scalar offsets, end exclusive)"
    case .spanTextMismatch(let path, let key, let start, let end, let expected, let actual):
      let same = zip(expected.unicodeScalars, actual.unicodeScalars).prefix { $0 == $1 }.count
      return "\(path): error: [evaluate.span-text] \"\(key).text\" is not the answer's text at \(start)..\(end): "
        + "from offset \(start + same) the sidecar has \(Self.quote(expected, from: same)) and the answer has "
        + "\(Self.quote(actual, from: same)); fix start/end (Unicode-scalar offsets, end exclusive) or the text"
    case .spansOutOfOrder(let path, let key, let start, let previousKey, let previousEnd):
      return "\(path): error: [evaluate.span-order] \"\(key)\" starts at \(start), before \"\(previousKey)\" "
        + "ends at \(previousEnd); list spans in text order, without overlaps"
    case .inconsistent(let path, let rule):
      return "\(path): error: [evaluate.sidecar-rule] \(rule); fix the labels (\(Document.sidecar.format))"
    case .floorsNotFound(let path):
      return "\(path): error: [evaluate.floors-missing] no such floors file; check the --floors path"
    case .belowFloor(let path, let figure, let value, let floor):
      return "\(path): error: [evaluate.below-floor] \(figure) is \(Self.decimal(value)), below its floor "
        + "\(Self.decimal(floor)); improve the detectors, or lower the floor and say why in the commit"
    case .aboveMaximum(let path, let figure, let value, let maximum):
      return "\(path): error: [evaluate.above-maximum] \(figure) is \(value), above its maximum \(maximum); "
        + "improve the detectors, or raise the maximum and say why in the commit"
    }
  }

  /// A value problem found while decoding JSON, before the file's path is known.
  struct Located: Error {
    var key: [any CodingKey]
    var problem: String

    func error(path: String, document: Document) -> EvaluationError {
      .invalidValue(path: path, document: document, key: EvaluationError.keyPath(key), problem: problem)
    }
  }

  /// A JSON key path as messages show it: `sections[2].start`, `criteria.star.task`.
  static func keyPath(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text
  }

  /// The error for a `DecodingError` thrown while decoding `document` at `path`.
  static func decoding(_ error: DecodingError, path: String, document: Document) -> EvaluationError {
    switch error {
    case .keyNotFound(let key, let context):
      return .missingKey(path: path, document: document, key: keyPath(context.codingPath + [key]))
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let key = keyPath(context.codingPath)
      if key.isEmpty { return .invalidJSON(path: path, document: document, detail: "the top level must be an object") }
      return .wrongType(path: path, document: document, key: key, expected: jsonType(type))
    case .dataCorrupted(let context):
      let key = keyPath(context.codingPath)
      if key.isEmpty { return .invalidJSON(path: path, document: document, detail: context.debugDescription) }
      return .invalidValue(path: path, document: document, key: key, problem: "is invalid: \(context.debugDescription)")
    @unknown default:
      return .invalidJSON(path: path, document: document, detail: "\(error)")
    }
  }

  /// How messages name the JSON type a Swift type decodes from.
  private static func jsonType(_ type: Any.Type) -> String {
    if type == Bool.self { return "true or false" }
    if type == String.self { return "a string" }
    if type == Int.self || type == Double.self { return "a number" }
    let name = String(describing: type)
    if name.hasPrefix("Dictionary") || name.hasPrefix("[") && name.contains(":") { return "an object" }
    if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
    return "an object"
  }

  /// `text` from its scalar `offset` on, in quotes, cut to 30 Unicode scalars, line breaks shown as `\n`.
  private static func quote(_ text: String, from offset: Int) -> String {
    let scalars = Array(text.unicodeScalars).dropFirst(offset)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars.prefix(30))
    let shown = String(view).replacingOccurrences(of: "\n", with: "\\n")
    return "\"" + shown + (scalars.count > 30 ? "…" : "") + "\""
  }

  /// A figure with four decimals.
  static func decimal(_ value: Double) -> String { FixedPoint.string(value, decimals: 4) }
}
