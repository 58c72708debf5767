/// A light English stemmer for cue matching: folds plural and verb inflections ("reduces", "reduced",
/// "reducing" → "reduc"), nothing more. Words with anything but lowercase ASCII letters, and words of
/// three letters or fewer, are their own stem.
///
/// ```swift
/// Stemmer.stem("studies")   // "study"
/// Stemmer.stem("cutting")   // "cut"
/// ```
public enum Stemmer {
  public static func stem(_ word: String) -> String {
    var utf8 = word
    return utf8.withUTF8 { bytes in
      guard let (length, y) = stem(bytes) else { return word }
      if y { return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self) + "y" }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
    }
  }

  /// The stem of the UTF-8 `word` as the length of the word's prefix it keeps and whether a `y` follows
  /// it ("studies" → 4 + y); nil when the word is its own stem. Allocates nothing.
  @inline(__always)
  static func stem(_ w: UnsafeBufferPointer<UInt8>) -> (length: Int, y: Bool)? {
    let n = w.count
    guard n > 3 else { return nil }
    // Most words end in none of the suffixes: leave them before looking at every letter.
    let last = w[n - 1]
    guard last == 0x73 || last == 0x64 || last == 0x67 || last == 0x65 else { return nil }  // s d g e
    for byte in w where byte < 0x61 || byte > 0x7A { return nil }
    var k = n
    var y = false
    func ends(_ suffix: StaticString) -> Bool {
      let m = suffix.utf8CodeUnitCount
      guard n > m else { return false }
      let p = suffix.utf8Start
      for j in 0..<m where w[n - m + j] != p[j] { return false }
      return true
    }
    func undouble() {
      if k >= 3, w[k - 1] == w[k - 2] {
        switch w[k - 1] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
          UInt8(ascii: "y"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z"):
          break
        default: k -= 1
        }
      }
    }
    if ends("ies") || ends("ied") {
      k -= 3
      y = true
    } else if ends("ing"), n > 5 {
      k -= 3
      undouble()
    } else if ends("ed"), n > 4, !ends("eed") {
      k -= 2
      undouble()
    } else if ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes") {
      k -= 2
    } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
      k -= 1
    }
    if !y, k > 3, w[k - 1] == UInt8(ascii: "e") { k -= 1 }
    return k == n && !y ? nil : (k, y)
  }
}
