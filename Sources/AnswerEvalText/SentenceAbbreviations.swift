/// Abbreviations after which ICU's sentence break iterator wrongly ends a sentence ("e.g. Kafka" is one
/// sentence). ICU's own suppression list (`@ss=standard`) misses several of these ("e.g.", "Dr.").
///
/// Words that often end a real sentence ("etc.", "min.", "no.") are deliberately not listed: a missed
/// merge splits one sentence in two, a wrong merge glues two stories together.
enum SentenceAbbreviations {
  /// Lowercase, with their dots.
  static let english: Set<String> = [
    "e.g.", "i.e.", "eg.", "ie.", "approx.", "appr.", "vs.", "v.", "dr.", "mr.", "mrs.", "ms.", "prof.", "sr.",
    "jr.", "st.", "cf.", "fig.", "vol.", "incl.", "esp.", "ca.", "dept.", "resp.", "w.r.t.", "a.k.a.", "aka.",
  ]

  /// Does the sentence in `range` end with one of ``english`` (preceded by a space, a bracket or nothing)?
  static func endsWithAbbreviation(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
    guard range.count >= 2, text[range.upperBound - 1] == 0x2E else { return false }
    var start = range.upperBound - 1
    while start > range.lowerBound {
      let u = text[start - 1]
      let isLetterOrDot = u == 0x2E || (u | 0x20 >= 0x61 && u | 0x20 <= 0x7A)
      if !isLetterOrDot { break }
      start -= 1
    }
    if range.upperBound - start > 8 { return false }
    let word = String(decoding: text[start..<range.upperBound], as: UTF16.self).lowercased()
    return english.contains(word)
  }
}
