import Foundation

/// Everything that can go wrong while turning bytes into an ``AnalyzedText``.
///
/// Each message names the input (a path, `<stdin>` or a `--stdin-name` label) and says how to fix it.
public enum TextError: LocalizedError, Equatable, Sendable {
  /// The bytes are not valid UTF-8. `byteOffset` is the first byte of the first bad sequence;
  /// `line`/`column` locate it among the characters before it.
  case invalidUTF8(source: String, byteOffset: Int, byte: UInt8, line: Int, column: Int)
  /// A UTF-16 input (recognized by its byte-order mark or its zero bytes) is malformed. `line`/`column`
  /// (0 when unknown) locate the problem among the characters before it.
  case invalidUTF16(source: String, byteOffset: Int, line: Int = 0, column: Int = 0)
  /// The input looks like binary data rather than text. `line`/`column` (0 when unknown) locate the first
  /// NUL or control character.
  case notText(source: String, reason: String, line: Int = 0, column: Int = 0)
  /// An ICU call failed. `operation` names what was being done.
  case icu(operation: String, status: Int32, name: String)

  public var errorDescription: String? {
    switch self {
    case .invalidUTF8(let source, let offset, let byte, let line, let column):
      return "\(source):\(line):\(column): error: [text.utf8] invalid UTF-8 at byte offset \(offset) "
        + "(byte 0x\(String(byte, radix: 16, uppercase: true))); save the file as UTF-8, "
        + "or pass --lossy to replace bad bytes with U+FFFD"
    case .invalidUTF16(let source, let offset, let line, let column):
      return "\(Self.place(source, line, column)): error: [text.utf16] malformed UTF-16 at byte offset \(offset) "
        + "(an odd number of bytes or an unpaired surrogate); save the file as UTF-8"
    case .notText(let source, let reason, let line, let column):
      return "\(Self.place(source, line, column)): error: [text.binary] not a text file: \(reason); "
        + "give a plain-text or Markdown answer (UTF-8 or UTF-16)"
    case .icu(let operation, let status, let name):
      return "error: [text.icu] ICU failed while \(operation): \(name) (\(status))"
    }
  }

  /// `source:line:column`, or `source` when the line is unknown (0).
  private static func place(_ source: String, _ line: Int, _ column: Int) -> String {
    line > 0 ? "\(source):\(line):\(column)" : source
  }
}
