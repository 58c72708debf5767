import AnswerEval
import Testing

@Suite struct ProgressMeterTests {
  typealias Progress = BatchRunner.Progress

  @Test func lineShowsDoneRateEtaAndFailures() {
    #expect(
      ProgressMeter.render(Progress(done: 250, total: 1000, failed: 2), elapsed: 2.5)
        == "250/1000 answers, 100.0/s, ETA 0:08, 2 failed")
  }

  @Test func beforeAnythingIsDoneThereIsNoEta() {
    #expect(
      ProgressMeter.render(Progress(done: 0, total: 10, failed: 0), elapsed: 0)
        == "0/10 answers, 0.0/s, ETA --, 0 failed")
  }

  @Test func finishedLineShowsTheTimeTaken() {
    #expect(
      ProgressMeter.render(Progress(done: 10, total: 10, failed: 1), elapsed: 3725)
        == "10/10 answers, 0.0/s, in 1:02:05, 1 failed")
  }

  @Test func redrawsAtMostOncePerIntervalButAlwaysAtTheEnd() {
    var meter = ProgressMeter(start: 100, interval: 0.1)
    #expect(meter.line(Progress(done: 1, total: 3, failed: 0), now: 100.01) != nil)
    #expect(meter.line(Progress(done: 2, total: 3, failed: 0), now: 100.05) == nil)
    #expect(meter.line(Progress(done: 2, total: 3, failed: 0), now: 100.12) != nil)
    #expect(meter.line(Progress(done: 3, total: 3, failed: 0), now: 100.13) != nil)
  }

  @Test func clockFormats() {
    #expect(ProgressMeter.render(Progress(done: 1, total: 601, failed: 0), elapsed: 1).contains("ETA 10:00"))
  }
}
