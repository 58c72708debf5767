import Foundation

/// Loads and compiles rubrics by name or path once, for any number of threads.
///
/// ```swift
/// let rubric = try RubricLibrary.shared.compiled("deployment-tradeoff")
/// ```
public final class RubricLibrary: @unchecked Sendable {
  /// The rubric used when none is named.
  public static let defaultName = "behavioral"

  /// The library over ``RubricCatalog/standard(environment:)``.
  public static let shared = RubricLibrary(catalog: .standard())

  public let catalog: RubricCatalog
  // Guarded by `lock`: compiled rubrics are immutable values, the dictionary is not.
  private let lock = NSLock()
  private var cache: [String: CompiledRubric] = [:]

  public init(catalog: RubricCatalog) {
    self.catalog = catalog
  }

  /// The compiled rubric `nameOrPath`, loading it the first time.
  /// - Throws: ``RubricError`` when it cannot be found or is invalid.
  public func compiled(_ nameOrPath: String) throws -> CompiledRubric {
    lock.lock()
    defer { lock.unlock() }
    if let rubric = cache[nameOrPath] { return rubric }
    let rubric = CompiledRubric(try RubricLoader(catalog: catalog).load(nameOrPath))
    cache[nameOrPath] = rubric
    return rubric
  }
}
