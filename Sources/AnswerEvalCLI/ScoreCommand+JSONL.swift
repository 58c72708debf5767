import AnswerEval
import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `answer-eval score --input jsonl FILE…|-`: a worker for pipelines. Each line in is a request
/// `{"id": …, "text": …, "rubric": …}`; each line out is one compact JSON report (`source.path` = the id),
/// or `{"error": {"code": …, "message": …}, "id": …}`, written as soon as it is ready (see ``JSONLWorker``).
extension ScoreCommand {
  enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
  }

  func runJSONLines() throws {
    if format == .text {
      throw ValidationError("--input jsonl writes JSON Lines; drop --format text.")
    }
    let grader = try Grader()
    var failed = false
    for path in files {
      let name = input.label(for: path)
      let worker = JSONLWorker(name: name)
      let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
      if fd < 0 {
        let error: InputError =
          errno == ENOENT ? .missing(path: name) : .unreadable(path: name, reason: String(cString: strerror(errno)))
        Diagnostics.error(describe(error))
        failed = true
        continue
      }
      defer { if fd != 0 { close(fd) } }
      var reader = LineReader(fileDescriptor: fd, name: name)
      var number = 0
      do {
        while let line = try reader.next() {
          number += 1
          guard let response = worker.respond(to: line, number: number, grader: grader) else { continue }
          Output.write(try response.line())
          if case .failure(_, let diagnostic) = response {
            Diagnostics.error(diagnostic.line)
            failed = true
          }
        }
      } catch {
        Diagnostics.error(describe(error))
        failed = true
      }
    }
    if failed { throw ExitStatus.failed }
  }
}
