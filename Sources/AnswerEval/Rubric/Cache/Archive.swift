/// A small binary format for the compiled-rubric cache (``RubricCache``): integers as LEB128 varints
/// (zigzag for signed values), doubles as their bit patterns, each distinct string once in a table and
/// then by number, arrays of fixed-size values as their raw bytes (in memory layout and byte order, which
/// is safe because an entry is only ever read by the executable that wrote it).
///
/// ```swift
/// var writer = ArchiveWriter()
/// writer.int(-3); writer.string("grammar.en"); writer.string("grammar.en")   // the string is stored once
/// var reader = try ArchiveReader(writer.finish())
/// try reader.int()      // -3
/// try reader.string()   // "grammar.en"
/// ```
struct ArchiveWriter {
  private var body: [UInt8] = []
  private var strings: [String] = []
  private var stringIndex: [String: Int] = [:]

  init() {}

  mutating func uint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      body.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    body.append(UInt8(v))
  }

  mutating func int(_ value: Int) {
    let v = Int64(value)
    uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
  }

  mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

  mutating func double(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { body += $0 } }

  mutating func string(_ value: String) {
    if let index = stringIndex[value] {
      uint(UInt64(index))
      return
    }
    stringIndex[value] = strings.count
    uint(UInt64(strings.count))
    strings.append(value)
  }

  mutating func optionalString(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  /// A count, then each element.
  mutating func array<T>(_ values: [T], _ element: (inout ArchiveWriter, T) -> Void) {
    uint(UInt64(values.count))
    for value in values { element(&self, value) }
  }

  /// An array of fixed-size values (integers, or structs of them) as their raw bytes. `T` must have no
  /// padding: its bytes go as they are in memory, and padding holds whatever was there before, so the same
  /// values would not always give the same archive. Split a padded struct into one array per field.
  mutating func raw<T: BitwiseCopyable>(_ values: [T]) {
    assert(MemoryLayout<T>.size == MemoryLayout<T>.stride, "\(T.self) has padding at its end")
    uint(UInt64(values.count))
    values.withUnsafeBytes { body += $0 }
  }

  /// The archive: the string table, then the body.
  func finish() -> [UInt8] {
    var table = ArchiveWriter()
    table.uint(UInt64(strings.count))
    for string in strings {
      table.uint(UInt64(string.utf8.count))
      table.body += string.utf8
    }
    return table.body + body
  }
}

/// Reads what ``ArchiveWriter`` wrote, checking every length against the bytes left: damaged bytes throw
/// ``Damaged``, never read out of bounds.
struct ArchiveReader {
  struct Damaged: Error {}

  private let bytes: [UInt8]
  private var offset = 0
  private var strings: [String] = []

  /// Reads `bytes` from `start` on.
  init(_ bytes: [UInt8], from start: Int = 0) throws(Damaged) {
    self.bytes = bytes
    offset = start
    let count = try length()
    strings.reserveCapacity(count)
    for _ in 0..<count {
      let n = try length()
      guard n <= bytes.count - offset else { throw Damaged() }
      strings.append(
        bytes.withUnsafeBufferPointer {
          String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + n]), as: UTF8.self)
        })
      offset += n
    }
  }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func uint() throws(Damaged) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw Damaged() }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  mutating func int() throws(Damaged) -> Int {
    let v = try uint()
    return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
  }

  /// A count or length: never more than the bytes left could hold.
  mutating func length() throws(Damaged) -> Int {
    let v = try uint()
    guard v <= UInt64(bytes.count - offset) else { throw Damaged() }
    return Int(v)
  }

  mutating func bool() throws(Damaged) -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
    offset += 1
    return bytes[offset - 1] == 1
  }

  mutating func double() throws(Damaged) -> Double {
    guard bytes.count - offset >= 8 else { throw Damaged() }
    var bits: UInt64 = 0
    for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
    offset += 8
    return Double(bitPattern: bits)
  }

  mutating func string() throws(Damaged) -> String {
    let index = try uint()
    guard index < UInt64(strings.count) else { throw Damaged() }
    return strings[Int(index)]
  }

  mutating func optionalString() throws(Damaged) -> String? { try bool() ? try string() : nil }

  /// What ``ArchiveWriter/array(_:_:)`` wrote.
  mutating func array<T>(_ element: (inout ArchiveReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
    let count = try length()
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try element(&self)) }
    return values
  }

  /// What ``ArchiveWriter/raw(_:)`` wrote.
  mutating func raw<T: BitwiseCopyable>(_ type: T.Type) throws(Damaged) -> [T] {
    let count = try length()
    let size = count * MemoryLayout<T>.stride
    guard size <= bytes.count - offset else { throw Damaged() }
    // With a capacity of 0, `Array(unsafeUninitializedCapacity:)` stores its count into the standard
    // library's shared empty array: the thread sanitizer reports that as a race between threads.
    if count == 0 { return [] }
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { source in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
      }
      initialized = count
    }
    offset += size
    return values
  }
}
