/// A shell-style (fnmatch) pattern over a path relative to a batch folder, as `--include` and `--exclude`
/// take it.
///
/// - `?` matches one character other than `/`; `*` any run of characters other than `/`;
/// - `**` any run of characters, `/` included, and `**/` zero or more whole folders;
/// - `[abc]`, `[a-z]`, `[!abc]` (or `[^abc]`) one character of (or not of) a set; `\x` the character `x`.
///
/// A pattern without a `/` is matched against the last component of the path (its file or folder name),
/// so `*.md` selects Markdown files at any depth; a pattern with a `/` is matched against the whole relative
/// path (a leading `/` or `./` is dropped).
///
/// ```swift
/// GlobPattern("*.md").matches("a/b.md")            // true
/// GlobPattern("drafts/*").matches("drafts/x.md")   // true
/// GlobPattern("drafts/*").matches("drafts/a/x.md") // false
/// GlobPattern("**/x.md").matches("x.md")           // true
/// ```
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
  private enum Element: Sendable, Equatable {
    case literal(Unicode.Scalar)
    case one
    case star
    case globstar
    /// `**/`: nothing, or anything that ends with `/`.
    case globstarFolders
    case set(negated: Bool, ranges: [ClosedRange<UInt32>])
  }

  /// The pattern as written.
  public let description: String
  /// True when the pattern has a `/` and applies to the whole relative path.
  public let matchesWholePath: Bool
  private let ignoringCase: Bool
  private let elements: [Element]

  /// - Parameters:
  ///   - pattern: the pattern; an unclosed `[` and a trailing `\` are taken literally.
  ///   - ignoringCase: compare ASCII letters without regard to case.
  public init(_ pattern: String, ignoringCase: Bool = false) {
    description = pattern
    self.ignoringCase = ignoringCase
    var body = Substring(pattern)
    if body.hasPrefix("./") { body = body.dropFirst(2) }
    while body.hasPrefix("/") { body = body.dropFirst() }
    matchesWholePath = body.contains("/")
    elements = Self.compile(Array(body.unicodeScalars))
  }

  /// Whether the pattern matches `relativePath` (components joined with `/`).
  /// - Complexity: O(p × n) for a pattern of p elements and a path of n characters.
  public func matches(_ relativePath: String) -> Bool {
    var subject = Substring(relativePath)
    if !matchesWholePath, let slash = subject.lastIndex(of: "/") { subject = subject[subject.index(after: slash)...] }
    return match(Array(subject.unicodeScalars))
  }

  private static func compile(_ p: [Unicode.Scalar]) -> [Element] {
    var elements: [Element] = []
    var i = 0
    while i < p.count {
      switch p[i] {
      case "?":
        elements.append(.one)
      case "*":
        if i + 1 < p.count, p[i + 1] == "*" {
          while i + 1 < p.count, p[i + 1] == "*" { i += 1 }
          if i + 1 < p.count, p[i + 1] == "/" {
            i += 1
            elements.append(.globstarFolders)
          } else {
            elements.append(.globstar)
          }
        } else {
          elements.append(.star)
        }
      case "[":
        if let (set, end) = compileSet(p, from: i) {
          elements.append(set)
          i = end
        } else {
          elements.append(.literal("["))
        }
      case "\\" where i + 1 < p.count:
        i += 1
        elements.append(.literal(p[i]))
      default:
        elements.append(.literal(p[i]))
      }
      i += 1
    }
    return elements
  }

  /// A `[…]` set starting at `start`, and the index of its `]`; nil when it is not closed.
  private static func compileSet(_ p: [Unicode.Scalar], from start: Int) -> (Element, Int)? {
    var i = start + 1
    var negated = false
    if i < p.count, p[i] == "!" || p[i] == "^" {
      negated = true
      i += 1
    }
    var ranges: [ClosedRange<UInt32>] = []
    var first = true
    while i < p.count {
      if p[i] == "]" && !first { return (.set(negated: negated, ranges: ranges), i) }
      first = false
      var low = p[i]
      if low == "\\", i + 1 < p.count {
        i += 1
        low = p[i]
      }
      if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
        let high = p[i + 2]
        if low.value <= high.value { ranges.append(low.value...high.value) }
        i += 3
      } else {
        ranges.append(low.value...low.value)
        i += 1
      }
    }
    return nil
  }

  private func match(_ s: [Unicode.Scalar]) -> Bool {
    // matched[j]: the elements seen so far match exactly s[0..<j].
    var matched = [Bool](repeating: false, count: s.count + 1)
    matched[0] = true
    for element in elements {
      var next = [Bool](repeating: false, count: s.count + 1)
      switch element {
      case .star, .globstar:
        var reachable = false
        for j in 0...s.count {
          if matched[j] { reachable = true }
          next[j] = reachable
          if j < s.count, element == .star, s[j] == "/" { reachable = false }
        }
      case .globstarFolders:
        var reachable = false
        for j in 0...s.count {
          next[j] = matched[j] || (j > 0 && s[j - 1] == "/" && reachable)
          if matched[j] { reachable = true }
        }
      default:
        for j in 0..<s.count where matched[j] && accepts(element, s[j]) { next[j + 1] = true }
      }
      matched = next
    }
    return matched[s.count]
  }

  private func accepts(_ element: Element, _ c: Unicode.Scalar) -> Bool {
    switch element {
    case .literal(let l): return l == c || (ignoringCase && Self.foldASCII(l) == Self.foldASCII(c))
    case .one: return c != "/"
    case .set(let negated, let ranges):
      if c == "/" { return false }
      let inSet =
        ranges.contains { $0.contains(c.value) }
        || (ignoringCase && ranges.contains { $0.contains(Self.foldASCII(c).value) || $0.contains(Self.upperASCII(c)) })
      return inSet != negated
    case .star, .globstar, .globstarFolders: return false
    }
  }

  private static func foldASCII(_ c: Unicode.Scalar) -> Unicode.Scalar {
    c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 0x20)! : c
  }

  private static func upperASCII(_ c: Unicode.Scalar) -> UInt32 {
    c.value >= 0x61 && c.value <= 0x7A ? c.value - 0x20 : c.value
  }
}
