/// Which rubric grades an answer, and why: the answer's own front matter (`rubric: NAME`) wins, then the
/// rubric asked for on the command line (`--rubric NAME`, or a `rubric` field of a JSON Lines request),
/// then the default, `behavioral`.
///
/// ```swift
/// RubricSelection(frontMatter: [("rubric", "system-design")], requested: "behavioral").name  // "system-design"
/// RubricSelection(frontMatter: [], requested: nil)                                           // behavioral, .default
/// ```
public struct RubricSelection: Sendable, Equatable {
  /// Where the name came from.
  public enum Origin: String, Sendable, Codable {
    case frontMatter = "front-matter"
    case requested
    case `default`
  }

  /// The rubric every answer gets unless it or the command line names another.
  public static let defaultName = "behavioral"

  public var name: String
  public var origin: Origin

  /// - Parameters:
  ///   - frontMatter: the answer's front matter (`AnalyzedText.structure.frontMatter`); the last `rubric`
  ///     key with a non-empty value counts (the parser trims values).
  ///   - requested: the name asked for outside the answer; empty or blank counts as not given.
  public init(frontMatter: [(key: String, value: String)], requested: String?) {
    if let own = frontMatter.last(where: { $0.key == "rubric" && !$0.value.isEmpty }) {
      name = own.value
      origin = .frontMatter
    } else if let requested, !requested.allSatisfy(\.isWhitespace) {
      name = requested
      origin = .requested
    } else {
      name = Self.defaultName
      origin = .default
    }
  }
}
