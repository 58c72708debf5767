import AnswerEvalText
import Foundation

/// The values of spelled-out number words, read once by ICU's spell-out rules and remembered for the
/// whole process: "twenty" → 20, "fifth" → 5, "hundredth" → 100, "thirds" → 3.
///
/// Words come normalized (lowercase, one word each), so ICU's strict parse reads them: the lenient one
/// gives the same values for every number word of the bundled pack (tested) but spends 9 ms building a
/// collator on its first call, which would be a third of grading one answer. Only the words the
/// `quantities` pack names as number words or ordinals are ever asked, and each only once. Thread-safe.
///
/// ```swift
/// NumberWordValues.shared.value(of: "twenty")    // 20
/// NumberWordValues.shared.value(of: "fifths")    // 5
/// ```
final class NumberWordValues: @unchecked Sendable {
  static let shared = NumberWordValues()

  // Guarded by `lock`: the parser is not thread-safe and the cache is shared.
  private let lock = NSLock()
  private var parser: SpelloutParser?
  private var parserFailed = false
  /// Every word asked so far, with its value (nil: none), so that ICU reads each word once.
  private(set) var cache: [String: Double?] = [:]

  /// The value of one normalized number word; nil when ICU cannot read it (or has no rules for English).
  ///
  /// An ordinal that ICU reads only with a number in front ("hundredth") is read as "one hundredth"; a
  /// plural ordinal ("fifths") as its singular.
  func value(of word: String) -> Double? {
    lock.lock()
    defer { lock.unlock() }
    if let known = cache[word] { return known }
    if parser == nil && !parserFailed {
      parser = try? SpelloutParser(locale: "en")
      parserFailed = parser == nil
    }
    guard let parser else { return nil }
    var value = parser.value(of: word) ?? parser.value(of: "one " + word)
    if value == nil, word.hasSuffix("s") {
      let singular = String(word.dropLast())
      value = parser.value(of: singular) ?? parser.value(of: "one " + singular)
    }
    // Not `cache[word] = value`: assigning nil through the subscript would remove the word, not remember it.
    cache.updateValue(value, forKey: word)
    return value
  }
}
