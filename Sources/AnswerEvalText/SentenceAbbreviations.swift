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
    // The word is ASCII letters and dots: lowercase it into the bytes of one integer.
    var key: UInt64 = 0
    for i in start..<range.upperBound {
      let u = text[i]
      key = key << 8 | UInt64(u == 0x2E ? u : u | 0x20)
    }
    return englishKeys.contains(key)
  }

  /// ``english`` as integers, one byte per character (all are ASCII and at most 8 long).
  static let englishKeys: Set<UInt64> = Set(
    english.map { word in word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })
}
