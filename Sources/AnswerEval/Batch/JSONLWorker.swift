import Foundation

/// Grades a stream of JSON Lines requests, one compact JSON line out per line in, so that other programs
/// (GNU parallel, Spark's `RDD.pipe`, Hadoop Streaming) can use `answer-eval` as a worker.
///
/// A request is `{"id": "a-17", "text": "…", "rubric": "behavioral"}`: `text` is required; `id` (a string
/// or a number) is optional and becomes the report's `source.path` (without one, `source.path` is
/// `NAME:LINE`, e.g. `<stdin>:3`); `rubric` is optional (see ``RubricSelection``). Blank lines are ignored.
/// A request that cannot be graded gets an error line with its id instead of a report, and the stream goes
/// on:
///
/// ```
/// {"id":"a-17","text":"We cut p95 latency by 40%."}  →  {"criteria":[],…,"source":{"path":"a-17",…}}
/// {"id":"a-18"}                                      →  {"error":{"code":"input.jsonl","message":"…"},"id":"a-18"}
/// ```
public struct JSONLWorker {
  /// A request's id, echoed as it came.
  public enum RequestID: Codable, Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)

    /// The id as a `source.path`.
    public var label: String {
      switch self {
      case .string(let s): return s
      case .integer(let i): return String(i)
      case .number(let d): return String(d)
      }
    }

    public func encode(to encoder: Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .string(let s): try container.encode(s)
      case .integer(let i): try container.encode(i)
      case .number(let d): try container.encode(d)
      }
    }

    public init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if (try? container.decode(Bool.self)) != nil {
        throw DecodingError.typeMismatch(
          RequestID.self, .init(codingPath: decoder.codingPath, debugDescription: "a boolean"))
      }
      if let s = try? container.decode(String.self) {
        self = .string(s)
      } else if let i = try? container.decode(Int.self) {
        self = .integer(i)
      } else {
        self = .number(try container.decode(Double.self))
      }
    }
  }

  /// The error line for a request that failed.
  public struct ErrorLine: Encodable, Sendable, Equatable {
    public struct Body: Encodable, Sendable, Equatable {
      public var code: String
      public var message: String
    }
    /// Encoded as `null` when the request had none (or was not readable).
    public var id: RequestID?
    public var error: Body

    public func encode(to encoder: Encoder) throws {
      enum Key: String, CodingKey { case id, error }
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(id, forKey: .id)
      try container.encode(error, forKey: .error)
    }
  }

  /// The answer to one line.
  public enum Response: Sendable, Equatable {
    case report(Report, rubric: RubricSelection)
    case failure(ErrorLine, diagnostic: Diagnostic)

    /// The response as one compact JSON line, newline included.
    public func line() throws -> String {
      switch self {
      case .report(let report, _): return try ReportFormat.jsonl.render(report)
      case .failure(let error, _):
        return String(decoding: try ReportFormat.encoder(pretty: false).encode(error), as: UTF8.self) + "\n"
      }
    }
  }

  /// How messages name the input (`<stdin>` or a path).
  public var name: String
  /// The `--rubric` of the command line, used when a request names none.
  public var requestedRubric: String?

  public init(name: String, requestedRubric: String? = nil) {
    self.name = name
    self.requestedRubric = requestedRubric
  }

  /// The response to request line `number` (1-based); nil for a blank line.
  public func respond(to line: LineReader.Line, number: Int, grader: Grader) -> Response? {
    let bytes: [UInt8]
    switch line {
    case .tooLong(let count):
      return failure(
        nil, BatchError.jsonlRequest(source: name, line: number, reason: "the line is \(count) bytes, over the limit"))
    case .text(let text): bytes = text
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
    let request: Request
    do {
      request = try JSONDecoder().decode(Request.self, from: Data(bytes))
    } catch let error as RequestError {
      return failure(error.id, BatchError.jsonlRequest(source: name, line: number, reason: error.reason))
    } catch {
      return failure(nil, BatchError.jsonlRequest(source: name, line: number, reason: "not valid JSON"))
    }
    let label = request.id?.label ?? "\(name):\(number)"
    do {
      // Through the decoder, so binary content is refused as it is for files, and empty text as everywhere.
      let text = try grader.analyze(bytes: Array(request.text.utf8), source: label).text
      let rubric = RubricSelection(
        frontMatter: text.structure.frontMatter, requested: request.rubric ?? requestedRubric)
      return .report(grader.grade(text, rubric: try RubricLibrary.shared.compiled(rubric.name)), rubric: rubric)
    } catch {
      return failure(request.id, error)
    }
  }

  private func failure(_ id: RequestID?, _ error: Error) -> Response {
    let diagnostic = Diagnostic(error)
    return .failure(
      ErrorLine(id: id, error: .init(code: diagnostic.id, message: diagnostic.message)), diagnostic: diagnostic)
  }

  /// Why a request is not valid, with its id when it has one.
  private struct RequestError: Error {
    var id: RequestID?
    var reason: String
  }

  private struct Request: Decodable {
    var id: RequestID?
    var text: String
    var rubric: String?

    enum Key: String, CodingKey { case id, text, rubric }

    init(from decoder: Decoder) throws {
      guard let container = try? decoder.container(keyedBy: Key.self) else {
        throw RequestError(id: nil, reason: "the line is not a JSON object")
      }
      if container.contains(.id), !((try? container.decodeNil(forKey: .id)) ?? false) {
        guard let id = try? container.decode(RequestID.self, forKey: .id) else {
          throw RequestError(id: nil, reason: "\"id\" must be a string or a number")
        }
        self.id = id
      }
      guard container.contains(.text) else { throw RequestError(id: id, reason: "the request has no \"text\"") }
      guard let text = try? container.decode(String.self, forKey: .text) else {
        throw RequestError(id: id, reason: "\"text\" must be a string")
      }
      self.text = text
      if container.contains(.rubric), !((try? container.decodeNil(forKey: .rubric)) ?? false) {
        guard let rubric = try? container.decode(String.self, forKey: .rubric) else {
          throw RequestError(id: id, reason: "\"rubric\" must be a string")
        }
        self.rubric = rubric
      }
    }
  }
}
