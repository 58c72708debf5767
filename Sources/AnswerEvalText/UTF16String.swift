extension Array where Element == UInt16 {
  /// The string of `range`, decoded from contiguous storage (the fast path; decoding an `ArraySlice`
  /// generically costs several times more).
  @inline(__always)
  func string(_ range: Range<Int>) -> String {
    withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF16.self) }
  }
}
