extension Finding.Outcome {
  /// The score of a pitfall with this outcome: absent (`missing`) 1, a warning (`partial`) 0.5, the full
  /// mistake (`present`) 0.
  public var pitfallScore: Double {
    switch self {
    case .missing: 1
    case .partial: 0.5
    case .present: 0
    }
  }
}
