/// The block structure of an answer written as plain text or Markdown.
///
/// The parser reads lines and recognizes front matter (`---` … `---` at the very top), ATX and setext
/// headings, list items (`-`, `*`, `+`, `•`, `1.`, `1)`), block quotes, fenced and indented code blocks,
/// thematic breaks and paragraphs. It never moves text: it produces a *masked* copy of the UTF-16 buffer,
/// the same length as the original, in which everything that is markup or code is a space. Analysis runs
/// on the masked copy, so every offset it finds is an offset into the original.
///
/// Indented lines after a blank line are a code block only when they look like code (``looksLikeCode``).
///
/// Masked: front matter, code blocks, inline code spans, list markers, heading `#`s and underlines,
/// block-quote `>`s, emphasis markers (`**`, `__`, `*`, `_`, `~~`), link syntax around the link text,
/// HTML tags. Inside a paragraph a line break becomes a space unless it ends a sentence or the next line
/// starts with a label (`Task:`), so hard-wrapped prose reads as one text.
///
/// ```
/// ## Result            →  heading "Result"
/// - Cut **p95** by 40%  →  list item "Cut   p95   by 40%"
/// ```
public struct MarkdownStructure: Sendable {
  public enum BlockKind: String, Sendable, Codable {
    case paragraph, heading
    case listItem = "list-item"
    case blockQuote = "block-quote"
    case code
  }

  /// A block: `range` spans its first to last non-blank character in the original (markers included).
  public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    public var range: Range<Int>
    /// Heading level (1–6), or list nesting (0 for top level); 0 otherwise.
    public var level: Int
    /// Where the content starts: after a list item's bullet or number and its space; else `range` start.
    public var contentStart: Int

    public init(kind: BlockKind, range: Range<Int>, level: Int, contentStart: Int? = nil) {
      self.kind = kind
      self.range = range
      self.level = level
      self.contentStart = contentStart ?? range.lowerBound
    }
  }

  public var blocks: [Block]
  /// The same length as the input; markup and code replaced by spaces.
  public var masked: [UInt16]
  /// `key: value` pairs of the front matter, in order.
  public var frontMatter: [(key: String, value: String)]

  public init(parsing text: [UInt16]) {
    var parser = Parser(text)
    parser.run()
    blocks = parser.blocks
    masked = parser.masked
    frontMatter = parser.frontMatter
  }
}

// MARK: - Parser

private let space: UInt16 = 0x20, tab: UInt16 = 0x09, lf: UInt16 = 0x0A, cr: UInt16 = 0x0D

private struct Line {
  var start: Int  // first unit
  var end: Int  // excluding the line break
  var next: Int  // start of the next line
}

private struct Parser {
  let text: [UInt16]
  var masked: [UInt16]
  var blocks: [MarkdownStructure.Block] = []
  var frontMatter: [(key: String, value: String)] = []
  var lines: [Line] = []

  /// The block being built (paragraph, list item or quote) and where its last line ended.
  var open: MarkdownStructure.Block? = nil
  var openLastLine: Line? = nil
  var fence: (char: UInt16, count: Int)? = nil
  var previousBlank = true
  var inIndentedCode = false

  init(_ text: [UInt16]) {
    self.text = text
    self.masked = text
    var start = 0
    let n = text.count
    text.withUnsafeBufferPointer { text in
      var i = 0
      while i < n {
        // Four units at a time while none of them is a line break (most of any line).
        i = FourUnits.skip(text, from: i, to: n, unless: FourUnits.lineBreaks)
        guard i < n else { break }
        let c = text[i]
        if c == lf || c == cr {
          let end = i
          if c == cr && i + 1 < n && text[i + 1] == lf { i += 1 }
          lines.append(Line(start: start, end: end, next: i + 1))
          start = i + 1
        }
        i += 1
      }
    }
    if start < n { lines.append(Line(start: start, end: n, next: n)) }
  }

  mutating func run() {
    var index = skipFrontMatter()
    while index < lines.count {
      handle(lines[index])
      index += 1
    }
    closeOpen()
    for block in blocks where block.kind != .code { maskInline(block.range) }
  }

  // MARK: Lines

  mutating func mask(_ range: Range<Int>) {
    for i in range where masked[i] != lf && masked[i] != cr { masked[i] = space }
  }

  func firstNonSpace(_ line: Line) -> (index: Int, indent: Int) {
    var i = line.start, indent = 0
    while i < line.end, text[i] == space || text[i] == tab {
      indent += text[i] == tab ? 4 - indent % 4 : 1
      i += 1
    }
    return (i, indent)
  }

  func lastNonSpace(_ line: Line) -> Int {
    var j = line.end
    while j > line.start, text[j - 1] == space || text[j - 1] == tab { j -= 1 }
    return j
  }

  /// Front matter: a first line `---` and a closing `---` or `...` within 200 lines.
  mutating func skipFrontMatter() -> Int {
    guard let first = lines.first, isExactly(first, "---") else { return 0 }
    for k in 1..<min(lines.count, 200) where isExactly(lines[k], "---") || isExactly(lines[k], "...") {
      for line in lines[1..<k] {
        let s = String(decoding: text[line.start..<line.end], as: UTF16.self)
        if let colon = s.firstIndex(of: ":"), !s.hasPrefix(" "), !s.hasPrefix("#") {
          let key = s[..<colon].trimmingSpaces
          var value = s[s.index(after: colon)...].trimmingSpaces
          if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
            value = String(value.dropFirst().dropLast())
          }
          frontMatter.append((key, value))
        }
      }
      mask(0..<lines[k].end)
      return k + 1
    }
    return 0
  }

  /// Whether `line` is `s` and trailing spaces (compared in place: this runs for every line of a front
  /// matter block).
  func isExactly(_ line: Line, _ s: String) -> Bool {
    lastNonSpace(line) - line.start == s.utf16.count && text[line.start...].starts(with: s.utf16)
  }

  mutating func handle(_ line: Line) {
    let (first, indent) = firstNonSpace(line)
    let last = lastNonSpace(line)

    if let f = fence {
      mask(line.start..<line.end)
      if var code = blocks.last, code.kind == .code, last > first {
        code.range = code.range.lowerBound..<last
        blocks[blocks.count - 1] = code
      }
      if indent < 4, runLength(of: f.char, at: first, limit: last) >= f.count,
        first + runLength(of: f.char, at: first, limit: last) == last
      {
        fence = nil
      }
      return
    }
    if first >= last {  // blank (a line of spaces leaves first past last)
      if !inIndentedCode { closeOpen() }
      previousBlank = true
      return
    }
    // Fenced code.
    if indent < 4, text[first] == 0x60 || text[first] == 0x7E {  // ` ~
      let n = runLength(of: text[first], at: first, limit: last)
      if n >= 3 {
        closeOpen()
        fence = (text[first], n)
        startCode(line)
        return
      }
    }
    // Indented code: after a blank line, not inside a list item, and only when the line looks like code —
    // answers indent prose paragraphs with a tab too.
    if indent >= 4, previousBlank || inIndentedCode, open == nil || open?.kind != .listItem,
      inIndentedCode || looksLikeCode(first..<last)
    {
      if inIndentedCode, var code = blocks.last, code.kind == .code {
        code.range = code.range.lowerBound..<last
        blocks[blocks.count - 1] = code
        mask(line.start..<line.end)
      } else {
        closeOpen()
        startCode(line)
        inIndentedCode = true
      }
      previousBlank = false
      return
    }
    inIndentedCode = false

    // Thematic break or setext underline.
    let c = text[first]
    if indent < 4, c == 0x2D || c == 0x2A || c == 0x5F || c == 0x3D {  // - * _ =
      let onlyMarks = (first..<last).allSatisfy { text[$0] == c || text[$0] == space || text[$0] == tab }
      let marks = (first..<last).filter { text[$0] == c }.count
      if onlyMarks {
        if c == 0x3D || c == 0x2D, !previousBlank, var heading = open, heading.kind == .paragraph,
          let lastLine = openLastLine, heading.range.lowerBound >= lastLine.start
        {
          // Setext heading: the paragraph's single line becomes a heading.
          heading.kind = .heading
          heading.level = c == 0x3D ? 1 : 2
          open = heading
          mask(line.start..<line.end)
          closeOpen()
          previousBlank = false
          return
        }
        if marks >= 3 && c != 0x3D {
          closeOpen()
          mask(line.start..<line.end)
          previousBlank = false
          return
        }
      }
    }
    // ATX heading.
    if indent < 4, text[first] == 0x23 {  // #
      let n = runLength(of: 0x23, at: first, limit: last)
      if n <= 6, first + n == last || text[first + n] == space || text[first + n] == tab {
        closeOpen()
        mask(first..<first + n)
        var end = last
        // Closing #s preceded by a space.
        var k = end
        while k > first + n, text[k - 1] == 0x23 { k -= 1 }
        if k < end, k > first + n, text[k - 1] == space || text[k - 1] == tab {
          mask(k..<end)
          end = k
        }
        blocks.append(.init(kind: .heading, range: first..<last, level: n))
        previousBlank = false
        return
      }
    }
    // Block quote.
    if indent < 4, text[first] == 0x3E {  // >
      var k = first
      while k < last, text[k] == 0x3E || text[k] == space { k += 1 }
      mask(first..<k)
      if k < last {
        if let o = open, o.kind == .blockQuote {
          extend(to: line, last: last)
        } else {
          closeOpen()
          open = .init(kind: .blockQuote, range: first..<last, level: 0)
          openLastLine = line
        }
      }
      previousBlank = false
      return
    }
    // List item.
    if let markerEnd = listMarkerEnd(first, last) {
      closeOpen()
      mask(first..<markerEnd)
      var contentStart = markerEnd
      while contentStart < last, text[contentStart] == space || text[contentStart] == tab { contentStart += 1 }
      open = .init(kind: .listItem, range: first..<last, level: indent / 2, contentStart: contentStart)
      openLastLine = line
      previousBlank = false
      return
    }
    // Continuation or a new paragraph.
    if open != nil, !previousBlank || (open?.kind == .listItem && indent >= 2) {
      extend(to: line, last: last)
    } else {
      closeOpen()
      open = .init(kind: .paragraph, range: first..<last, level: 0)
      openLastLine = line
    }
    previousBlank = false
  }

  /// A line with a character typical of code and rare in prose: `{ } ; = < > [ ] ( )` followed by `)`,
  /// or `::`/`->`.
  func looksLikeCode(_ range: Range<Int>) -> Bool {
    var previous: UInt16 = 0
    for i in range {
      let c = text[i]
      switch c {
      case 0x7B, 0x7D, 0x3B, 0x3D, 0x3C, 0x3E, 0x5B, 0x5D: return true
      case 0x29 where previous == 0x28: return true  // ()
      case 0x3A where previous == 0x3A: return true  // ::
      default: previous = c
      }
    }
    return false
  }

  mutating func startCode(_ line: Line) {
    let (first, _) = firstNonSpace(line)
    mask(line.start..<line.end)
    blocks.append(.init(kind: .code, range: first..<max(first, lastNonSpace(line)), level: 0))
  }

  /// Adds `line` to the open block. The break before it becomes a space unless the previous line ends
  /// a sentence (or a label) or this line starts with a label.
  mutating func extend(to line: Line, last: Int) {
    guard var block = open, let previous = openLastLine else { return }
    let previousLast = lastNonSpace(previous)
    let endsSentence = previousLast > previous.start && isTerminal(text[previousLast - 1])
    if !endsSentence && !startsWithLabel(line) {
      for i in previous.end..<line.start { masked[i] = space }
    }
    block.range = block.range.lowerBound..<last
    open = block
    openLastLine = line
  }

  mutating func closeOpen() {
    if let block = open { blocks.append(block) }
    open = nil
    openLastLine = nil
  }

  func isTerminal(_ c: UInt16) -> Bool {
    c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3A || c == 0x3B || c == 0x3002 || c == 0xFF01 || c == 0xFF1F
  }

  /// `Word:` or `Two words:` (capitalized, at most 24 characters) or `(S)` at the start of a line.
  func startsWithLabel(_ line: Line) -> Bool {
    var (i, _) = firstNonSpace(line)
    while i < line.end, text[i] == 0x2A || text[i] == 0x5F { i += 1 }  // emphasis
    guard i < line.end else { return false }
    if text[i] == 0x28, i + 2 < line.end, isASCIILetter(text[i + 1]), text[i + 2] == 0x29 { return true }
    guard isASCIIUpper(text[i]) else { return false }
    var k = i
    while k < line.end, k - i <= 24 {
      let c = text[k]
      if c == 0x3A { return true }
      if !(isASCIILetter(c) || c == space || c == 0x2A || c == 0x5F || c == 0x2F) { return false }
      k += 1
    }
    return false
  }

  func isASCIILetter(_ c: UInt16) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
  func isASCIIUpper(_ c: UInt16) -> Bool { c >= 0x41 && c <= 0x5A }

  func runLength(of c: UInt16, at i: Int, limit: Int) -> Int {
    var k = i
    while k < limit, text[k] == c { k += 1 }
    return k - i
  }

  /// The end of a list marker and the space after it at `i`, or nil.
  func listMarkerEnd(_ i: Int, _ last: Int) -> Int? {
    let c = text[i]
    func spaceAfter(_ k: Int) -> Int? {
      if k == last { return k }
      return text[k] == space || text[k] == tab ? k + 1 : nil
    }
    if c == 0x2D || c == 0x2A || c == 0x2B || c == 0x2022 || c == 0x2023 || c == 0x25E6 || c == 0x2043 {
      return i + 1 < last ? spaceAfter(i + 1) : nil
    }
    var k = i
    while k < last, k - i < 9, text[k] >= 0x30, text[k] <= 0x39 { k += 1 }
    if k > i, k < last, text[k] == 0x2E || text[k] == 0x29 { return spaceAfter(k + 1) }
    return nil
  }

  // MARK: Inline

  /// Masks code spans, emphasis markers, link syntax and HTML tags inside a block.
  mutating func maskInline(_ range: Range<Int>) {
    var i = range.lowerBound
    let end = range.upperBound
    let spans = InlineSpans(text, range)
    while i < end {
      let c = text[i]
      switch c {
      case 0x60:  // ` code span: a run of n backticks closed by the next run of exactly n
        let n = runLength(of: 0x60, at: i, limit: end)
        let closed = spans.closingBackticks(at: i)
        if let closed {
          mask(i..<closed)
          i = closed
        } else {
          i += n
        }
      case 0x2A, 0x5F, 0x7E:  // * _ ~
        let n = runLength(of: c, at: i, limit: end)
        let before: UInt16 = i > range.lowerBound ? text[i - 1] : space
        let after: UInt16 = i + n < end ? text[i + n] : space
        let leftFlanking = !isSpace(after)
        let rightFlanking = !isSpace(before)
        var isMarker = leftFlanking != rightFlanking || (leftFlanking && c == 0x2A)
        if c == 0x5F && isWordChar(before) && isWordChar(after) { isMarker = false }  // snake_case
        if c == 0x7E && n < 2 { isMarker = false }
        if isMarker { mask(i..<i + n) }
        i += n
      case 0x21 where i + 1 < end && text[i + 1] == 0x5B:  // ![
        if let close = spans.link(at: i + 1, in: text) {
          mask(i..<i + 2)
          mask(close.textEnd..<close.end)
          i = close.end
        } else {
          i += 1
        }
      case 0x5B:  // [
        if let close = spans.link(at: i, in: text) {
          mask(i..<i + 1)
          mask(close.textEnd..<close.end)
          i = close.end
        } else {
          i += 1
        }
      case 0x3C:  // < tag or autolink
        if let tagEnd = htmlTagEnd(i, end) {
          let body = String(decoding: text[i + 1..<tagEnd - 1], as: UTF16.self)
          if body.contains("://") || body.contains("@") {
            mask(i..<i + 1)
            mask(tagEnd - 1..<tagEnd)
          } else {
            mask(i..<tagEnd)
          }
          i = tagEnd
        } else {
          i += 1
        }
      default:
        i = Self.nextInlineMarkup(in: text, after: i, before: end)
      }
    }
  }

  /// The first unit after `i` and before `end` that can start inline markup (`` ` * _ ~ ! [ < ``), else
  /// `end`: plain text is skipped through a buffer, not unit by unit through the markup cases.
  static func nextInlineMarkup(in text: [UInt16], after i: Int, before end: Int) -> Int {
    text.withUnsafeBufferPointer { units in
      var j = i + 1
      while j < end {
        switch units[j] {
        case 0x60, 0x2A, 0x5F, 0x7E, 0x21, 0x5B, 0x3C: return j
        default: j += 1
        }
      }
      return end
    }
  }

  /// `<tag …>`, `</tag>` or `<scheme://…>`: the index after `>`, or nil.
  func htmlTagEnd(_ i: Int, _ end: Int) -> Int? {
    var k = i + 1
    if k < end, text[k] == 0x2F { k += 1 }
    guard k < end, isASCIILetter(text[k]) else { return nil }
    while k < end, k - i < 200 {
      if text[k] == 0x3E { return k + 1 }
      if text[k] == 0x3C || text[k] == lf { return nil }
      k += 1
    }
    return nil
  }

  func isSpace(_ c: UInt16) -> Bool { c == space || c == tab || c == lf || c == cr || c == 0xA0 }

  func isWordChar(_ c: UInt16) -> Bool {
    (c >= 0x30 && c <= 0x39) || isASCIILetter(c) || c >= 0x80
  }
}

/// Where code spans and links of one block end, found in one pass over the block so that a block full of
/// unmatched backticks or brackets costs no more than any other (looking ahead from each would be quadratic).
struct InlineSpans {
  let start: Int
  /// For each backtick run starting at an offset: the end of the next run of exactly its length (-1: none).
  private var backtickClose: [Int32]
  /// For each `[` at an offset: its matching `]` on the same line (-1: none).
  private var bracketClose: [Int32]
  /// For each offset: the next `)` or line feed at or after it (`end`: none).
  private var parenOrLineFeed: [Int32]
  private let end: Int

  /// Whether `text[range]` holds a backtick or an opening bracket, read four units at a time.
  static func holdsBacktickOrBracket(_ text: [UInt16], _ range: Range<Int>) -> Bool {
    text.withUnsafeBufferPointer { text in
      let i = FourUnits.skip(text, from: range.lowerBound, to: range.upperBound) {
        FourUnits.equal(0x60, in: $0) | FourUnits.equal(0x5B, in: $0)
      }
      return text[i..<range.upperBound].contains { $0 == 0x60 || $0 == 0x5B }
    }
  }

  init(_ text: [UInt16], _ range: Range<Int>) {
    start = range.lowerBound
    end = range.upperBound
    // Most blocks have neither: nothing to work out (and nothing will be asked).
    guard Self.holdsBacktickOrBracket(text, range) else {
      backtickClose = []
      bracketClose = []
      parenOrLineFeed = []
      return
    }
    backtickClose = [Int32](repeating: -1, count: range.count)
    bracketClose = [Int32](repeating: -1, count: range.count)
    parenOrLineFeed = [Int32](repeating: Int32(range.upperBound), count: range.count)
    // Backtick runs, then from the last: the next run of the same length.
    var runs: [(position: Int, length: Int)] = []
    var open: [Int] = []
    var i = range.lowerBound
    while i < range.upperBound {
      switch text[i] {
      case 0x60:
        var k = i
        while k < range.upperBound, text[k] == 0x60 { k += 1 }
        runs.append((i, k - i))
        i = k
        continue
      case 0x5B: open.append(i)
      case 0x5D: if let opener = open.popLast() { bracketClose[opener - start] = Int32(i) }
      case 0x0A: open.removeAll()
      default: break
      }
      i += 1
    }
    var nextOfLength: [Int: Int] = [:]
    for run in runs.reversed() {
      if let next = nextOfLength[run.length] { backtickClose[run.position - start] = Int32(next + run.length) }
      nextOfLength[run.length] = run.position
    }
    var next = range.upperBound
    for k in range.reversed() {
      if text[k] == 0x29 || text[k] == 0x0A { next = k }
      parenOrLineFeed[k - start] = Int32(next)
    }
  }

  /// For the backtick run at `i`: the end of the run of the same length that closes it, or nil.
  func closingBackticks(at i: Int) -> Int? {
    let close = backtickClose[i - start]
    return close < 0 ? nil : Int(close)
  }

  /// For `[text](url)` at `i`: where the text ends (the `]`) and where the whole link ends; nil unless the
  /// `]` is on the same line and followed by `(`, and a `)` ends the URL before the line does.
  func link(at i: Int, in text: [UInt16]) -> (textEnd: Int, end: Int)? {
    let k = Int(bracketClose[i - start])
    guard k >= 0, k + 2 < end, text[k + 1] == 0x28 else { return nil }
    let m = Int(parenOrLineFeed[k + 2 - start])
    guard m < end, text[m] == 0x29 else { return nil }
    return (k, m + 1)
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
  }
}
