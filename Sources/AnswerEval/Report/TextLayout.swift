/// Laying out text for a terminal or a code block: how many columns a character takes, control
/// characters made visible, wrapping and truncation by display width.
///
/// ```swift
/// TextLayout.width("延迟 ok")                   // 7: two wide ideographs, a space and two letters
/// TextLayout.visible("a\u{1B}[31mb\tc\nd")      // "a␛[31mb    c⏎d"
/// TextLayout.wrap("We cut p95 latency by 40%", width: 10)   // ["We cut p95", "latency by", "40%"]
/// TextLayout.truncated("Situation: our API", width: 10)     // "Situation…"
/// ```
public enum TextLayout {
  /// The columns `character` takes in a terminal: 2 for East Asian wide and fullwidth characters and emoji
  /// shown as emoji, 0 for a lone combining mark or format character, 1 otherwise.
  public static func width(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) { return 2 }
    if isWide(first) { return 2 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return 1
    }
  }

  /// The columns `text` takes in a terminal (see ``width(_:)-(Character)``).
  public static func width(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + width($1) }
  }

  /// `text` safe to show on one line of a terminal: line breaks become `⏎`, tabs become `tabWidth` spaces,
  /// other C0 controls and DEL become their control pictures (ESC is `␛`, so no escape sequence from the
  /// answer ever reaches the terminal) and C1 controls become U+FFFD.
  public static func visible(_ text: String, tabWidth: Int = 4) -> String {
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      defer { previous = scalar }
      switch scalar.value {
      case 0x0A where previous == "\r": continue
      case 0x0A, 0x0D: out.append("⏎")
      case 0x09: out.append(contentsOf: String(repeating: " ", count: tabWidth).unicodeScalars)
      case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: out.append("\u{2421}")
      case 0x80..<0xA0: out.append("\u{FFFD}")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// `line` (no line breaks) wrapped to `width` columns: greedy, breaking at spaces and next to wide
  /// characters, and inside a word only when the word alone is wider than `width`. The first line keeps its
  /// indentation (up to half the width); spaces at a break are dropped. An empty line gives one empty line.
  /// - Complexity: O(n) in the characters of `line`.
  public static func wrap(_ line: String, width: Int) -> [String] {
    precondition(width > 0, "wrap width must be positive")
    var lines: [String] = []
    var current = "", currentWidth = 0
    var pending = 0  // spaces between the line so far and the next piece
    var word = "", wordWidth = 0

    func breakLine() {
      lines.append(current)
      current = ""
      currentWidth = 0
    }
    func place(_ piece: String, _ pieceWidth: Int) {
      let spaces = current.isEmpty ? 0 : pending
      pending = 0
      if currentWidth + spaces + pieceWidth <= width {
        current += String(repeating: " ", count: spaces) + piece
        currentWidth += spaces + pieceWidth
        return
      }
      if pieceWidth <= width {
        if !current.isEmpty { breakLine() }
        current = piece
        currentWidth = pieceWidth
        return
      }
      // A word wider than a line: go on after the current text if a character fits, then break by characters.
      if !current.isEmpty {
        if currentWidth + spaces + Self.width(piece.first!) <= width {
          current += String(repeating: " ", count: spaces)
          currentWidth += spaces
        } else {
          breakLine()
        }
      }
      for character in piece {
        let w = Self.width(character)
        if currentWidth + w > width && !current.isEmpty { breakLine() }
        current.append(character)
        currentWidth += w
      }
    }
    func placeWord() {
      guard !word.isEmpty else { return }
      place(word, wordWidth)
      word = ""
      wordWidth = 0
    }

    // A piece is a run of narrow characters, or one wide character; closing punctuation stays with what
    // precedes it and opening punctuation with what follows, so neither is left alone at a break.
    var wordEndsWide = false
    for character in line {
      let characterWidth = Self.width(character)
      if character == " " {
        placeWord()
        if lines.isEmpty && current.allSatisfy({ $0 == " " }) {
          if currentWidth < width / 2 {  // indentation of the first line
            current.append(" ")
            currentWidth += 1
          }
        } else {
          pending += 1
        }
        continue
      }
      let glued = Self.noBreakBefore.contains(character) || word.last.map(Self.noBreakAfter.contains) == true
      if !glued && (characterWidth == 2 || wordEndsWide) { placeWord() }
      word.append(character)
      wordWidth += characterWidth
      wordEndsWide = characterWidth == 2
    }
    placeWord()
    lines.append(current)
    return lines
  }

  /// Punctuation a line must not start with (CJK closing marks, small kana, prolonged sound marks).
  private static let noBreakBefore: Set<Character> = Set("。，、．：；！？）］｝〕〉》」』】〙〗〟’”…‥ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
  /// Punctuation a line must not end with (CJK opening marks).
  private static let noBreakAfter: Set<Character> = Set("（［｛〔〈《「『【〘〖〝‘“")

  /// `text` cut to at most `width` columns, ending with `…` when it was cut.
  public static func truncated(_ text: String, width: Int) -> String {
    guard self.width(text) > width else { return text }
    var out = "", used = 0
    for character in text {
      let w = self.width(character)
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    return out + "…"
  }

  /// `text` followed by spaces up to `width` columns.
  public static func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - self.width(text)))
  }

  /// East Asian wide and fullwidth characters that are not emoji (those are found by their presentation).
  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1_6FE0...0x1_6FE4, 0x1_7000...0x1_8CFF, 0x1_B000...0x1_B2FF,
      0x2_0000...0x2_FFFD, 0x3_0000...0x3_FFFD:
      return true
    default:
      return false
    }
  }
}
