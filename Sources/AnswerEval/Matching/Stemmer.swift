/// A deliberately conservative English suffix stripper, applied alike to cue words and to answer tokens
/// so that one phrase matches its inflections: reduce, reduces, reduced, reducing → "reduc";
/// cut, cuts, cutting → "cut"; tradeoff, tradeoffs → "tradeoff".
///
/// It only folds inflections (-s, -es, -ed, -ing, -ies, -ied and a final -e); derivations stay apart
/// ("improvement" ≠ "improve"). Words of three letters or fewer, and words with characters other than
/// ASCII letters, are left as they are.
public enum Stemmer {
  public static func stem(_ word: String) -> String {
    let utf8 = word.utf8
    guard utf8.count > 3, utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
    // Most words end in none of the suffixes: return them without copying.
    guard let last = utf8.last, last == 0x73 || last == 0x64 || last == 0x67 || last == 0x65 else { return word }
    var s = Array(utf8)
    func ends(_ suffix: String) -> Bool {
      s.count > suffix.utf8.count && s.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
    func undouble() {
      if s.count >= 3, s[s.count - 1] == s[s.count - 2], !"aeiouylsz".utf8.contains(s[s.count - 1]) { s.removeLast() }
    }
    if ends("ies") || ends("ied") {
      s.removeLast(3)
      s.append(0x79)  // y
    } else if ends("ing"), s.count > 5 {
      s.removeLast(3)
      undouble()
    } else if ends("ed"), s.count > 4, !ends("eed") {
      s.removeLast(2)
      undouble()
    } else if ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes") {
      s.removeLast(2)
    } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
      s.removeLast()
    }
    if s.count > 3, s.last == 0x65 { s.removeLast() }  // e
    return String(decoding: s, as: UTF8.self)
  }
}
