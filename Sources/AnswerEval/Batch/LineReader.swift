#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file descriptor as they arrive, without waiting for more input than the next line
/// needs — so a program can send one request line and wait for its answer.
///
/// A line ends at `\n` (a `\r` before it is dropped); the last line need not end with one. A line longer
/// than `limit` bytes is not kept: it comes back as ``Line/tooLong(bytes:)``, and reading goes on after it.
///
/// ```swift
/// var reader = LineReader(fileDescriptor: 0, name: "<stdin>")
/// while let line = try reader.next() { … }   // .text([UInt8]) or .tooLong(bytes:)
/// ```
public struct LineReader {
  public enum Line: Equatable, Sendable {
    case text([UInt8])
    case tooLong(bytes: Int)
  }

  private let fd: Int32
  private let name: String
  private let limit: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var scanned = 0
  private var atEnd = false
  /// Bytes of an over-long line dropped so far, while looking for its end.
  private var dropped: Int?

  /// - Parameters:
  ///   - fileDescriptor: where to read (not closed by the reader).
  ///   - name: how errors name the input.
  ///   - limit: the longest line kept, in bytes.
  public init(fileDescriptor: Int32, name: String, limit: Int = InputReader.defaultLimit) {
    fd = fileDescriptor
    self.name = name
    self.limit = limit
  }

  /// The next line, or nil at the end of the input.
  /// - Throws: ``InputError/unreadable(path:reason:)`` when reading fails.
  public mutating func next() throws(InputError) -> Line? {
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        defer {
          start = newline + 1
          scanned = start
        }
        if let dropped {
          self.dropped = nil
          return .tooLong(bytes: dropped + newline - start)
        }
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        return .text(Array(buffer[start..<end]))
      }
      scanned = buffer.count
      if atEnd {
        guard start < buffer.count || dropped != nil else { return nil }
        defer {
          start = buffer.count
          scanned = start
        }
        if let dropped {
          self.dropped = nil
          return .tooLong(bytes: dropped + buffer.count - start)
        }
        var end = buffer.count
        if buffer[end - 1] == 0x0D { end -= 1 }
        return .text(Array(buffer[start..<end]))
      }
      if start > 0 {
        buffer.removeFirst(start)
        scanned -= start
        start = 0
      }
      if buffer.count > limit {
        dropped = (dropped ?? 0) + buffer.count
        buffer.removeAll(keepingCapacity: true)
        scanned = 0
      }
      try fill()
    }
  }

  private mutating func fill() throws(InputError) {
    let chunk = 1 << 16
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    var n = 0
    repeat {
      n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
    } while n < 0 && errno == EINTR
    if n < 0 {
      let reason = String(cString: strerror(errno))
      buffer.removeLast(chunk)
      throw InputError.unreadable(path: name, reason: reason)
    }
    buffer.removeLast(chunk - n)
    if n == 0 { atEnd = true }
  }
}
