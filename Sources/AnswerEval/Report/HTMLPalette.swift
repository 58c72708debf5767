import Foundation

/// The colours of the HTML pages, and the WCAG 2 contrast ratios they are chosen for.
///
/// Every pair of colours the pages put text on is listed in ``textPairs`` and must reach 4.5:1 (WCAG AA for
/// normal text); every pair that tells a graphic apart from what is behind it (section borders, the mark
/// underline, histogram bars) is in ``graphicPairs`` and must reach 3:1 (WCAG 1.4.11). The tests check both
/// lists, so a colour changed here cannot silently drop below AA.
///
/// ```swift
/// HTMLPalette.contrast("#1b1b1b", "#ffffff")   // 17.1 (rounded)
/// ```
enum HTMLPalette {
  static let text = "#1b1b1b"
  static let mutedText = "#4d4d4d"
  static let background = "#ffffff"
  static let surface = "#f3f4f6"
  static let rule = "#6b6b6b"
  static let link = "#0b4f9c"
  static let markBackground = "#fff0a6"
  static let markNestedBackground = "#ffd75e"
  static let markUnderline = "#7a5a00"
  static let bar = "#1d4f91"

  /// A STAR section's strong colour (border, label badge with white text) and its light tint (background).
  struct SectionColors {
    var strong: String
    var tint: String
  }

  static func colors(_ label: Report.Section.Label) -> SectionColors {
    switch label {
    case .situation: return SectionColors(strong: "#1d4f91", tint: "#e8f0fb")
    case .task: return SectionColors(strong: "#00646a", tint: "#e0f3f3")
    case .action: return SectionColors(strong: "#27642f", tint: "#e6f4e7")
    case .result: return SectionColors(strong: "#7b1f8f", tint: "#f5e9f8")
    case .reflection: return SectionColors(strong: "#8a4500", tint: "#fcefe0")
    }
  }

  /// The border that tells a section apart without its colour: a different line style for each.
  static func borderStyle(_ label: Report.Section.Label) -> String {
    switch label {
    case .situation: return "solid"
    case .task: return "double"
    case .action: return "dashed"
    case .result: return "dotted"
    case .reflection: return "solid"  // with a second border on the right: a bracket
    }
  }

  /// A feedback severity's text colour and the background of its badge.
  static func colors(_ severity: Report.Feedback.Severity) -> (text: String, background: String) {
    switch severity {
    case .strength: return ("#1e6b2c", "#e3f3e5")
    case .suggestion: return ("#6e4600", "#fdf0d8")
    case .warning: return ("#a11a1a", "#fbe4e4")
    }
  }

  /// (what, foreground, background) for every place the pages put text on a colour.
  static var textPairs: [(String, String, String)] {
    var pairs: [(String, String, String)] = [
      ("text", text, background), ("text on surface", text, surface), ("muted text", mutedText, background),
      ("muted text on surface", mutedText, surface), ("link", link, background), ("link on surface", link, surface),
      ("mark", text, markBackground), ("nested mark", text, markNestedBackground),
    ]
    for label in Report.Section.Label.allCases {
      let colors = colors(label)
      pairs += [
        ("\(label) text", text, colors.tint), ("\(label) link", link, colors.tint),
        ("\(label) label", background, colors.strong), ("\(label) muted text", mutedText, colors.tint),
      ]
    }
    for severity in [Report.Feedback.Severity.strength, .suggestion, .warning] {
      let colors = colors(severity)
      pairs += [("\(severity) badge", colors.text, colors.background), ("\(severity) text", colors.text, background)]
    }
    return pairs
  }

  /// (what, graphic, background) for every graphic that must stand out from what is behind it.
  static var graphicPairs: [(String, String, String)] {
    var pairs: [(String, String, String)] = [
      ("rule", rule, background), ("mark underline", markUnderline, markBackground),
      ("nested mark underline", markUnderline, markNestedBackground), ("histogram bar", bar, background),
    ]
    for label in Report.Section.Label.allCases {
      let colors = colors(label)
      pairs += [
        ("\(label) border", colors.strong, colors.tint), ("\(label) border on page", colors.strong, background),
      ]
    }
    return pairs
  }

  /// The WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21.
  static func contrast(_ first: String, _ second: String) -> Double {
    let (a, b) = (luminance(first), luminance(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// WCAG 2 relative luminance of a `#rrggbb` colour.
  static func luminance(_ hex: String) -> Double {
    precondition(hex.count == 7 && hex.hasPrefix("#"), "colours are #rrggbb, not \(hex)")
    let value = Int(hex.dropFirst(), radix: 16)!
    let channels = [value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF].map { channel -> Double in
      let c = Double(channel) / 255
      return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
  }
}
