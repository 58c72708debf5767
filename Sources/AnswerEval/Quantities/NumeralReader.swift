import AnswerEvalText
import Foundation

/// A number as written, before its unit: "1,500,000", "2.5", "-4/5", "1.1^23", "twenty-one", "two thirds".
struct Numeral: Equatable {
  var value: Double
  /// Tokens it covers (with a leading "-" or "." when they belong to it).
  var tokens: Range<Int>
  /// UTF-16 range, when it is a part of one token ("192" in "192.168.1.2"); else the tokens' range.
  var range: Range<Int>?
  /// `fraction` for "3/4" and "two thirds", `time` for "8:00"; nil for a plain number.
  var kind: Quantity.Kind?
  /// Written without a decimal part.
  var integer: Bool
  var spelled: Bool
  /// Why it is incidental whatever surrounds it: `version` ("192.168.1.2"), `date` ("12/03/2021"),
  /// `ratio` ("24/7"); `ordinal` ("4th", "the fifth") means it is no quantity at all.
  var reason: String?
}

/// Reads the numeral starting at a token: digits (thousands separators, decimals, a sign, "1e10",
/// "1.1^23", "3/4", "2 1/4", "18 000", "8:00") or spelled-out words ("twenty-one", "a hundred",
/// "two thirds", "one and a half", "two hundred point zero three").
struct NumeralReader {
  let text: AnalyzedText
  let cues: QuantityCues

  private var tokens: [Token] { text.tokens }

  private func normalized(_ i: Int) -> String { text.normalized(i) }

  /// Whether token `i`'s normalized form is `word` (by its bytes: no string is built).
  private func isWord(_ i: Int, _ word: StaticString) -> Bool { text.normalized(i, is: word) }

  private func isNumber(_ i: Int, before end: Int) -> Bool { i < end && tokens[i].kind == .number }

  /// The numeral(s) starting at token `i` of a sentence ending at token `end` (several only for a dotted
  /// sequence like "192.168.1.2", read part by part); nil when none starts there.
  func read(at i: Int, end: Int) -> [Numeral]? {
    if tokens[i].kind == .number { return digits(at: i, end: end) }
    // A spelled numeral starts with a cue of the quantities pack (see `element`): most words start none.
    if tokens[i].kind == .word, cues.startsAny(i), let spelled = spelled(at: i, end: end) { return [spelled] }
    return nil
  }

  // MARK: Digits

  /// The value of a digit string: "1,234,567" (thousands), "4.800", "1,5" (a decimal comma, when the
  /// comma is not a thousands separator).
  static func value(ofDigits string: String) -> Double? {
    // Most numbers are a few plain digits: their value is exact in a Double, and read here without the
    // general parser. (Fifteen digits are below 2^53, so every such integer is exact.)
    if string.utf8.count <= 15, !string.utf8.isEmpty, string.utf8.allSatisfy({ $0 &- 0x30 < 10 }) {
      return Double(string.utf8.reduce(UInt64(0)) { $0 * 10 + UInt64($1 &- 0x30) })
    }
    // Bytes, not `contains(",")`: with Foundation imported that is a locale-aware substring search, and it
    // cost more than the rest of reading a number.
    if !string.utf8.contains(UInt8(ascii: ",")) { return Double(string) }
    let parts = string.split(separator: ".", omittingEmptySubsequences: false)
    let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
    let thousands =
      parts.count <= 2 && groups.count > 1 && (1...3).contains(groups[0].count)
      && groups.dropFirst().allSatisfy { $0.count == 3 }
    if thousands { return Double(string.replacingOccurrences(of: ",", with: "")) }
    if groups.count == 2, parts.count == 1 { return Double(string.replacingOccurrences(of: ",", with: ".")) }
    return Double(string.replacingOccurrences(of: ",", with: ""))
  }

  private func digits(at i: Int, end: Int) -> [Numeral]? {
    let string = normalized(i)
    let dots = string.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: ".") ? 1 : 0) }
    if dots >= 2 { return dottedParts(at: i) }
    guard var value = Self.value(ofDigits: string) else { return nil }
    var integer = dots == 0 && value.rounded() == value
    var start = i
    var last = i + 1
    var kind: Quantity.Kind?
    var reason: String?
    let sentenceStart = text.sentences[tokens[i].sentence].tokens.lowerBound

    // ".08": a point glued before, with nothing glued before the point.
    if dots == 0, i - 1 >= sentenceStart, tokens[i].glued, isWord(i - 1, "."),
      i - 1 == sentenceStart || !tokens[i - 1].glued, let decimal = Double("0." + string)
    {
      value = decimal
      integer = false
      start = i - 1
    }
    // "18 000 zł": groups of three digits after a single space.
    // (Counted in bytes: the characters are ASCII. The only ASCII numeric characters are 0–9.)
    if integer, string.utf8.count <= 3, string.utf8.allSatisfy({ $0 < 0x80 }) {
      var combined = string
      while isNumber(last, before: end), !tokens[last].glued, normalized(last).utf8.count == 3,
        normalized(last).utf8.allSatisfy({ $0 &- 0x30 < 10 }),
        tokens[last].range.lowerBound - tokens[last - 1].range.upperBound == 1,
        NumberGroupSpace.isThinOrPlain(text.utf16[tokens[last - 1].range.upperBound])
      {
        combined += normalized(last)
        last += 1
      }
      // (Nothing combined, the string reads as it did.)
      if last > i + 1, let grouped = Double(combined) { value = grouped }
    }
    // "1 4/5", "2  1/4": a whole number, then a proper fraction.
    if integer, last + 2 < end, isNumber(last, before: end), !tokens[last].glued, isWord(last + 1, "/"),
      tokens[last + 1].glued, isNumber(last + 2, before: end), tokens[last + 2].glued,
      let numerator = Double(normalized(last)), let denominator = Double(normalized(last + 2)),
      numerator < denominator, denominator > 0, !(last + 3 < end && isWord(last + 3, "/"))
    {
      value += numerator / denominator
      integer = false
      last += 3
    } else if last + 1 < end, tokens[last].glued, tokens[last + 1].glued {
      let next = normalized(last)
      if next == "e", tokens[last].kind == .word, let (exponent, after) = signedNumber(at: last + 1, end: end) {
        value = Self.scientific(value, exponent)
        integer = value.rounded() == value
        last = after
      } else if next == "^", let (exponent, after) = signedNumber(at: last + 1, end: end) {
        value = pow(value, exponent)
        integer = value.rounded() == value
        last = after
      } else if next == "/", isNumber(last + 1, before: end), let denominator = Double(normalized(last + 1)) {
        if last + 3 < end, isWord(last + 2, "/"), tokens[last + 2].glued, isNumber(last + 3, before: end) {
          reason = "date"
          last += 4
        } else if integer, value < denominator, denominator > 0, !normalized(last + 1).utf8.contains(UInt8(ascii: "."))
        {
          value /= denominator
          integer = false
          kind = .fraction
          last += 2
        } else {
          reason = "ratio"
        }
      } else if next == ":", isNumber(last + 1, before: end), let minutes = Double(normalized(last + 1)) {
        // "8:00" is a time of day; "1:1" and "3:1" are ratios.
        if normalized(last + 1).count == 2 && minutes < 60 && value < 25 {
          value += minutes / 60
          kind = .time
          reason = "time"
        } else {
          reason = "ratio"
        }
        integer = false
        last += 2
      }
    }
    if last < end, tokens[last].glued, tokens[last].kind == .word {
      let next = normalized(last)
      // "1e10", "12.32e+14" (the tokenizer splits "1e10" into "1" + "e10").
      if next.hasPrefix("e"), next.count > 1, let exponent = Double(next.dropFirst()),
        next.dropFirst().allSatisfy(\.isNumber)
      {
        value = Self.scientific(value, exponent)
        last += 1
      } else if cues.has(last, { $0 == .ordinal }) {
        // "4th": an ordinal, no quantity.
        reason = "ordinal"
        last += 1
      }
    }
    // The second number of "24/7" or "50/50".
    if start - 2 >= sentenceStart, tokens[start].glued, isWord(start - 1, "/"), tokens[start - 1].glued,
      tokens[start - 2].kind == .number
    {
      reason = reason ?? "ratio"
    }
    // A sign: "-4/5", " -1", or "- 10 k" opening a sentence.
    if start - 1 >= sentenceStart, isWord(start - 1, "-") {
      let glued = tokens[start].glued && (start - 1 == sentenceStart || !tokens[start - 1].glued)
      if glued || start - 1 == sentenceStart {
        value = -value
        start -= 1
      }
    }
    // "2 and a half"
    if integer, last + 2 < end, cues.has(last, { $0 == .joiner }), !isWord(last, "-"),
      cues.has(last + 1, { $0 == .article }),
      case .fraction(let denominator)? = cues.single(last + 2, { $0.isFraction })
    {
      value += 1 / denominator
      integer = false
      last += 3
    }
    return [
      Numeral(
        value: value, tokens: start..<last, range: nil, kind: kind, integer: integer, spelled: false, reason: reason)
    ]
  }

  /// `mantissa` × 10^`exponent`, dividing for a negative exponent so "12e-1" is exactly 1.2.
  static func scientific(_ mantissa: Double, _ exponent: Double) -> Double {
    exponent < 0 ? mantissa / pow(10, -exponent) : mantissa * pow(10, exponent)
  }

  /// A number after "e" or "^", with any signs glued before it: "+14", "-1", "--23".
  private func signedNumber(at i: Int, end: Int) -> (Double, Int)? {
    var j = i
    var negative = false
    while j < end, tokens[j].glued, isWord(j, "-") || isWord(j, "+") {
      if isWord(j, "-") { negative.toggle() }
      j += 1
    }
    guard isNumber(j, before: end), tokens[j].glued, let value = Double(normalized(j)) else { return nil }
    return (negative ? -value : value, j + 1)
  }

  /// "192.168.1.2" read as its parts, each a number (an address or a version, never a measure).
  private func dottedParts(at i: Int) -> [Numeral]? {
    let range = tokens[i].range
    let original = Array(text.utf16[range])
    guard original.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) else { return nil }
    var parts: [Numeral] = []
    var partStart = 0
    for k in 0...original.count where k == original.count || original[k] == 0x2E {
      let digits = String(decoding: original[partStart..<k], as: UTF16.self)
      if let value = Double(digits) {
        parts.append(
          Numeral(
            value: value, tokens: i..<(i + 1), range: (range.lowerBound + partStart)..<(range.lowerBound + k),
            kind: nil, integer: true, spelled: false, reason: "version"))
      }
      partStart = k + 1
    }
    return parts.isEmpty ? nil : parts
  }

  // MARK: Spelled-out numbers

  private typealias Element = SpelledNumber.Element

  /// The element a word token plays in a spelled-out number, if any.
  private func element(_ j: Int) -> Element? {
    // Every element is a cue of the quantities pack: most words start none.
    guard cues.startsAny(j) else { return nil }
    let token = tokens[j]
    if token.kind == .punctuation || token.kind == .symbol {
      return isWord(j, "-") && cues.has(j, { $0 == .joiner }) ? .hyphen : nil
    }
    guard token.kind == .word else { return nil }
    let word = normalized(j)
    // What the token's single-token cues say, read in one pass: the first scale and fraction, and which
    // other roles it has. Then the same tests in the same order as asking `cues` each question in turn.
    var scale: Double?, fraction: Double?
    var number = false, ordinal = false, article = false, joiner = false, point = false
    cues.forEachSingle(at: j) { role in
      switch role {
      case .scale(let factor): if scale == nil { scale = factor }
      case .fraction(let denominator): if fraction == nil { fraction = denominator }
      case .number: number = true
      case .ordinal: ordinal = true
      case .article: article = true
      case .joiner: joiner = true
      case .point: point = true
      default: break
      }
    }
    // The cue tests first: `count` walks the word's characters.
    if let scale, word.count >= 2 { return .scale(scale) }
    if number, let value = cues.lexicon.value(ofNumberWord: word) { return .card(value) }
    if ordinal, word.count > 2, let value = cues.lexicon.value(ofNumberWord: word) { return .ordinal(value) }
    if let fraction { return .fraction(fraction) }
    if article { return .article }
    if joiner { return .and }
    if point { return .point }
    return nil
  }

  /// Elements that can continue a number after `element`.
  private func continues(_ element: Element?) -> Bool {
    switch element {
    case .card, .scale, .ordinal, .fraction, .article: return true
    default: return false
    }
  }

  private func spelled(at i: Int, end: Int) -> Numeral? {
    var items: [(element: Element, token: Int)] = []
    var j = i
    while j < end, let element = element(j) {
      let next = j + 1 < end ? self.element(j + 1) : nil
      var stop = false
      switch element {
      case .article:
        guard items.isEmpty || items.last?.element == .and, continues(next) else { break }
        items.append((element, j))
      case .and, .point:
        guard !items.isEmpty, continues(next) else { break }
        items.append((element, j))
      case .hyphen:
        // Glued on both sides ("twenty-one") or spaced on both ("fifty - two").
        let symmetric = j + 1 < end && tokens[j].glued == tokens[j + 1].glued
        guard !items.isEmpty, symmetric, continues(next) else { break }
        items.append((element, j))
      case .ordinal, .fraction:
        // "third-party", "half-processed": an adjective, not a fraction.
        if j + 1 < end, isWord(j + 1, "-"), tokens[j + 1].glued { break }
        // A fraction word that is also a unit ("quarters") is a denominator only after "a" or in a mixed
        // number ("one and a quarter"); "two quarters" is a duration.
        if case .fraction = element, cues.has(j, { $0.isUnit }),
          !(items.last?.element == .article || (items.count >= 2 && items[items.count - 2].element == .and))
        {
          break
        }
        items.append((element, j))
        stop = true
      default:
        items.append((element, j))
      }
      if items.last?.token != j || stop { break }
      j += 1
    }
    while let last = items.last?.element, [.and, .hyphen, .point, .article].contains(last) { items.removeLast() }
    guard !items.isEmpty else { return nil }
    // "a quarter" is a fraction before "of" ("a quarter of the receipts"); "wait a quarter" is a period.
    if items.count == 2, items[0].element == .article, case .fraction = items[1].element,
      cues.has(items[1].token, \.isUnit),
      !(items[1].token + 1 < end && isWord(items[1].token + 1, "of"))
    {
      return nil
    }
    let elements = items.map(\.element)
    if elements.last?.isDenominator == true {
      if let value = SpelledNumber.fraction(elements[...]) {
        var numeral = Numeral(
          value: value, tokens: i..<(items.last!.token + 1), range: nil, kind: .fraction, integer: false,
          spelled: true, reason: nil)
        // "half a dozen", "half a million"
        let after = numeral.tokens.upperBound
        if elements == [.fraction(2)], after + 1 < end, cues.has(after, { $0 == .article }),
          case .scale(let factor)? = cues.single(after + 1, { $0.isScale }), normalized(after + 1).count >= 2
        {
          numeral.value *= factor
          numeral.kind = nil
          numeral.integer = numeral.value.rounded() == numeral.value
          numeral.tokens = i..<(after + 2)
        }
        return numeral
      }
      if elements.count == 1 { return Numeral(value: 0, tokens: i..<(i + 1), kind: nil, reason: "ordinal") }
    }
    guard let (value, count) = SpelledNumber.cardinal(elements[...]) else { return nil }
    return Numeral(
      value: value, tokens: i..<(items[count - 1].token + 1), range: nil, kind: nil,
      integer: value.rounded() == value, spelled: true, reason: nil)
  }
}

extension Numeral {
  init(value: Double, tokens: Range<Int>, kind: Quantity.Kind?, reason: String?) {
    self.init(
      value: value, tokens: tokens, range: nil, kind: kind, integer: true, spelled: true, reason: reason)
  }
}

extension QuantityLexicon.Role {
  var isUnit: Bool { if case .unit = self { return true } else { return false } }
  var isPrefix: Bool { if case .prefix = self { return true } else { return false } }
  var isScale: Bool { if case .scale = self { return true } else { return false } }
  var isFraction: Bool { if case .fraction = self { return true } else { return false } }
  var isWord: Bool { if case .word = self { return true } else { return false } }
  var isPer: Bool { if case .per = self { return true } else { return false } }
}

/// The spaces allowed inside a number written with spaces between groups ("18 000").
enum NumberGroupSpace {
  static func isThinOrPlain(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit == 0xA0 || unit == 0x202F || unit == 0x2009
  }
}
