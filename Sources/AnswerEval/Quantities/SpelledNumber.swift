/// Reads spelled-out numbers from their words' values: cardinals ("two hundred and two thousand" →
/// 202 000), decimals ("two hundred point zero three" → 200.03) and fractions ("two thirds", "one and a
/// half", "one hundred thirty-fifths" → 100/35).
///
/// The words' own values come from ICU (``NumberWordValues``); this type only composes them, so it is
/// the same for every language whose numbers are built from units, tens, hundreds and scale words.
///
/// ```swift
/// SpelledNumber.cardinal([.card(2), .scale(100), .and, .card(2), .scale(1000)])   // (202000, 5)
/// SpelledNumber.fraction([.card(2), .ordinal(3)])                                // (0.666…, 2)
/// ```
enum SpelledNumber {
  enum Element: Equatable {
    /// A cardinal word's value ("twenty" → 20).
    case card(Double)
    /// An ordinal word's cardinal value ("fifth" → 5); a fraction's denominator.
    case ordinal(Double)
    /// A fraction word and its denominator ("half" → 2, "quarter" → 4).
    case fraction(Double)
    /// A scale word's factor ("hundred" → 100, "dozen" → 12, "million" → 1 000 000).
    case scale(Double)
    /// "a"/"an": the numerator 1, first in a number or after "and".
    case article
    /// "and" inside a number.
    case and
    /// A hyphen inside a number ("twenty-one", "fifty - two").
    case hyphen
    /// "point" before spelled decimal digits.
    case point

    var isDenominator: Bool {
      switch self {
      case .ordinal, .fraction: return true
      default: return false
      }
    }

    var cardValue: Double? { if case .card(let v) = self { return v } else { return nil } }
  }

  private enum Rank: Equatable {
    case start, article, unit, teen, tens, hundred, big, dozen
  }

  private static func rank(_ value: Double) -> Rank {
    if value < 10 { return .unit }
    if value < 20 { return .teen }
    return .tens
  }

  /// The longest prefix of `elements` that is a cardinal number, with its value and how many elements it
  /// takes (never ending on "and", a hyphen or "point"); nil when the first element starts no number.
  ///
  /// Units follow tens ("twenty-one"), hundreds follow units and teens, scale words follow any group and
  /// must shrink ("twenty-one trillion three hundred"); two units in a row end the number ("one one").
  /// A dozen multiplies only the group after the last "and" ("three hundred and two dozens" → 324).
  static func cardinal(_ elements: ArraySlice<Element>) -> (value: Double, count: Int)? {
    var total = 0.0
    var current = 0.0
    var group = 0.0
    var last = Rank.start
    var lastBig = Double.infinity
    var pendingAnd = false
    var pendingHyphen = false
    var best: (value: Double, count: Int)?
    var index = elements.startIndex
    while index < elements.endIndex {
      let element = elements[index]
      switch element {
      case .article:
        guard last == .start else { return best }
        last = .article
        current = 1
        group = 1
      case .and:
        guard !pendingAnd, !pendingHyphen, [.hundred, .big, .tens].contains(last) else { return best }
        pendingAnd = true
      case .hyphen:
        guard !pendingAnd, !pendingHyphen, last == .tens else { return best }
        pendingHyphen = true
      case .card(let value):
        let r = rank(value)
        switch last {
        case .start: break
        case .tens:
          guard r == .unit else { return best }
        case .hundred, .big:
          guard !pendingHyphen else { return best }
        default: return best
        }
        // The group a dozen multiplies: the words since the last "and", hundred or scale word.
        group = last == .tens && !pendingAnd ? group + value : value
        current += value
        last = r
        pendingAnd = false
        pendingHyphen = false
        best = (total + current, elements.distance(from: elements.startIndex, to: index) + 1)
      case .scale(let factor):
        guard !pendingAnd, !pendingHyphen else { return best }
        if factor == 100 {
          guard [.unit, .teen, .tens, .article].contains(last), current < 100 else { return best }
          current *= 100
          group = 0
          last = .hundred
        } else if factor < 100 {
          guard [.unit, .teen, .tens, .article].contains(last) else { return best }
          current = current - group + group * factor
          group = 0
          last = .dozen
        } else {
          guard [.unit, .teen, .tens, .hundred, .article, .dozen].contains(last), factor < lastBig else { return best }
          total += current * factor
          current = 0
          group = 0
          lastBig = factor
          last = .big
        }
        best = (total + current, elements.distance(from: elements.startIndex, to: index) + 1)
      case .point:
        guard !pendingAnd, !pendingHyphen, ![.start, .article].contains(last) else { return best }
        var digits = ""
        var cursor = elements.index(after: index)
        var taken = cursor
        while cursor < elements.endIndex, let value = elements[cursor].cardValue, value < 100 {
          var chunk = Int(value)
          var next = elements.index(after: cursor)
          // "seventy-one" after the point is the digits 7 and 1.
          if rank(value) == .tens, next < elements.endIndex, elements[next] == .hyphen,
            elements.index(after: next) < elements.endIndex,
            let unit = elements[elements.index(after: next)].cardValue, unit < 10
          {
            chunk += Int(unit)
            next = elements.index(next, offsetBy: 2)
          }
          digits += String(chunk)
          taken = next
          cursor = next
        }
        guard !digits.isEmpty, let fraction = Double("0." + digits) else { return best }
        return (total + current + fraction, elements.distance(from: elements.startIndex, to: taken))
      case .ordinal, .fraction:
        return best
      }
      index = elements.index(after: index)
    }
    return best
  }

  /// The value of `elements` read as a fraction, when its last element is a denominator ("fifths",
  /// "half") and all of them take part; nil otherwise.
  ///
  /// - A mixed number ends in "and" + one unit or "a" + denominator: "one hundred and three quarters" →
  ///   100.75, "one and a half" → 1.5.
  /// - Otherwise the numerator comes first, and the denominator takes the words that bind to its
  ///   ordinal: a tens word ("one hundred thirty fifths" → 100/35, but "one hundred and thirty fifths" →
  ///   130/5) or "N hundred" ("one one hundred fifth" → 1/105).
  /// - "first" and "second" alone are no denominators (one says "half"); a lone "half" is ½.
  static func fraction(_ elements: ArraySlice<Element>) -> Double? {
    guard let last = elements.last, last.isDenominator else { return nil }
    let n = elements.count
    let items = Array(elements)
    let denominatorValue: Double
    switch last {
    case .ordinal(let v), .fraction(let v): denominatorValue = v
    default: return nil
    }
    // Mixed number: whole "and" (a | unit) denominator.
    if n >= 4, items[n - 3] == .and {
      let numerator: Double?
      switch items[n - 2] {
      case .article: numerator = 1
      case .card(let v) where v < 10: numerator = v
      default: numerator = nil
      }
      if let numerator, let whole = cardinal(items[0..<(n - 3)]), whole.count == n - 3 {
        return whole.value + numerator / denominatorValue
      }
    }
    var denominatorStart = n - 1
    var denominator = denominatorValue
    if case .ordinal(let ordinal) = last, ordinal < 10 {
      var k = n - 2
      if k >= 0, items[k] == .hyphen { k -= 1 }
      if k >= 1, let tens = items[k].cardValue, rank(tens) == .tens, items[k - 1] != .and {
        denominatorStart = k
        denominator = tens + ordinal
      } else {
        var s = n - 2
        if s >= 0, items[s] == .and { s -= 1 }
        if s >= 2, case .scale(let factor) = items[s], factor >= 100, let unit = items[s - 1].cardValue, unit < 10,
          items[s - 2] != .hyphen
        {
          denominatorStart = s - 1
          denominator = unit * factor + ordinal
        }
      }
    }
    if denominatorStart == n - 1, case .ordinal(let ordinal) = last, ordinal <= 2 { return nil }
    let numerator = items[0..<denominatorStart]
    if numerator.isEmpty {
      if case .fraction(2) = last { return 0.5 }
      return nil
    }
    if numerator.count == 1, numerator.first == .article { return 1 / denominator }
    guard let value = cardinal(numerator), value.count == numerator.count else { return nil }
    return value.value / denominator
  }
}
