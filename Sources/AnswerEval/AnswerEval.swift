/// answer-eval's version, printed by `answer-eval --version`.
public enum AnswerEvalVersion {
  public static let current = "0.1.0"
}
