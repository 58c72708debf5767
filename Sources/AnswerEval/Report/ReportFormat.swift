import Foundation

/// The formats a report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// One pretty-printed JSON object with sorted keys.
  case json
  /// One compact JSON object per line (for pipelines).
  case jsonl

  /// The report rendered in this format, ending with a newline.
  public func render(_ report: Report) throws -> String {
    switch self {
    case .json: return String(decoding: try Self.encoder(pretty: true).encode(report), as: UTF8.self) + "\n"
    case .jsonl: return String(decoding: try Self.encoder(pretty: false).encode(report), as: UTF8.self) + "\n"
    }
  }

  /// Several reports in this format: a JSON array for `json`, one line each for `jsonl`.
  public func render(_ reports: [Report]) throws -> String {
    switch self {
    case .json: return String(decoding: try Self.encoder(pretty: true).encode(reports), as: UTF8.self) + "\n"
    case .jsonl: return try reports.map { try render($0) }.joined()
    }
  }

  /// The file name extension for a report in this format.
  public var fileExtension: String {
    switch self {
    case .json: return "json"
    case .jsonl: return "jsonl"
    }
  }

  /// A JSON encoder with the report conventions: sorted keys, no escaped slashes.
  public static func encoder(pretty: Bool) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
