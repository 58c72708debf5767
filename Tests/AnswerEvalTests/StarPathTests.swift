import AnswerEvalText
import Foundation
import TestSupport
import Testing

@testable import AnswerEval

/// `StarSegmenter.bestPath` against the textbook decoder it replaced: a forward pass that keeps a back
/// pointer for each state, taking a move only when it is strictly better, in state order.
@Suite struct StarPathTests {
  /// The reference decoder, and how many times a move tied with the best so far (the ties are what the
  /// two decoders could disagree on).
  static func referencePath(_ scores: [[Double]], forbidden: Int) -> (path: [Int], ties: Int) {
    let viterbi = StarSegmenter.Viterbi.shared
    let stateCount = viterbi.raw.count
    var best = [Double](repeating: -.infinity, count: stateCount)
    var back = [[Int]](repeating: [Int](repeating: -1, count: stateCount), count: scores.count)
    var ties = 0
    for label in 0..<6 where label == 0 || forbidden & (1 << (label - 1)) == 0 {
      let raw = StarSegmenter.Viterbi.index(label, label, forbidden | (label == 0 ? 0 : 1 << (label - 1)))
      best[Int(viterbi.compact[raw])] = scores[0][label]
    }
    for i in scores.indices.dropFirst() {
      var next = [Double](repeating: -.infinity, count: stateCount)
      for state in 0..<stateCount where best[state] > -.infinity {
        for m in Int(viterbi.moveStart[state])..<Int(viterbi.moveStart[state + 1]) {
          let move = viterbi.moves[m]
          let target = Int(move.target)
          let value = best[state] + move.cost + scores[i][Int(move.to)]
          if value == next[target] { ties += 1 }
          if value > next[target] {
            next[target] = value
            back[i][target] = state
          }
        }
      }
      best = next
    }
    var state = 0
    for k in 1..<stateCount where best[k] > best[state] { state = k }
    var path = [Int](repeating: 0, count: scores.count)
    for i in scores.indices.reversed() {
      path[i] = viterbi.raw[state] / 192
      if i > 0 { state = back[i][state] }
    }
    return (path, ties)
  }

  /// The emission rows of every answer of the labelled corpus and the mock responses, with two rubrics.
  static func corpusRows() throws -> [[[Double]]] {
    let loader = try RubricLoader(catalog: TestRubrics.catalog)
    let rubrics = try ["behavioral", "deployment-tradeoff"].map { try CompiledRubric(loader.load($0)) }
    var rows: [[[Double]]] = []
    for folder in ["Corpora/labelled", "Corpora/mock-responses"] {
      let path = Repository.path(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where name.hasSuffix(".md") {
        let answer = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
        for rubric in rubrics {
          let context = try TestRubrics.context(answer, rubric: rubric)
          let labels = context.text.sentences.indices.map { StarSegmenter.explicitLabel(in: $0, context: context) }
          let scores = StarSegmenter.emissions(context, labels: labels)
          if !scores.isEmpty { rows.append(scores) }
        }
      }
    }
    return rows
  }

  @Test func theCorpusDecodesAsTheTextbookDecoderDoes() throws {
    let answers = try Self.corpusRows()
    #expect(answers.count > 200)
    for scores in answers {
      for forbidden in [0, 0b00001, 0b01010] {
        #expect(
          StarSegmenter.bestPath(scores, forbidden: forbidden) == Self.referencePath(scores, forbidden: forbidden).path)
      }
    }
  }

  /// Rows of small whole numbers: labellings tie all the time, and the tie must go the same way — also
  /// across the blocks of rows that `bestPath` works out again on the way back (64 sentences each).
  @Test func tiesGoTheSameWay() {
    var seed: UInt64 = 0x5EED
    func next() -> Double {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(Int(seed >> 61)) - 2  // -2…5
    }
    var ties = 0
    #expect(StarSegmenter.pathBlock == 64)
    for length in Array(1...40) + [63, 64, 65, 66, 67, 127, 128, 129, 130, 200, 257, 1_000] {
      for _ in 0..<10 {
        let scores = (0..<length).map { _ in (0..<6).map { _ in next() } }
        for forbidden in [0, 0b10000, 0b00101] {
          let reference = Self.referencePath(scores, forbidden: forbidden)
          ties += reference.ties
          #expect(StarSegmenter.bestPath(scores, forbidden: forbidden) == reference.path, "\(scores)")
        }
      }
    }
    #expect(ties > 10_000)
  }
}
