import Foundation

/// Loads and compiles rubrics by name or path once, for any number of threads.
///
/// ```swift
/// let rubric = try RubricLibrary.shared.compiled("deployment-tradeoff")
/// ```
public final class RubricLibrary: @unchecked Sendable {
  /// The rubric used when none is named.
  public static let defaultName = "behavioral"

  /// The library over ``RubricCatalog/standard(environment:)``, with compiled rubrics kept on disk
  /// between processes (``RubricCache/standard(environment:)``).
  public static let shared = RubricLibrary(catalog: .standard(), diskCache: .standard())

  public let catalog: RubricCatalog
  /// Where compiled rubrics are kept between processes (nil: nowhere).
  let diskCache: RubricCache?
  // Guarded by `lock`: compiled rubrics are immutable values, the dictionary is not.
  private let lock = NSLock()
  private var cache: [String: CompiledRubric] = [:]

  /// A library that compiles each rubric once per process.
  public convenience init(catalog: RubricCatalog) {
    self.init(catalog: catalog, diskCache: nil)
  }

  /// A library that also keeps compiled rubrics in `diskCache`.
  init(catalog: RubricCatalog, diskCache: RubricCache?) {
    self.catalog = catalog
    self.diskCache = diskCache
  }

  /// The compiled rubric `nameOrPath`, loading it the first time.
  /// - Throws: ``RubricError`` when it cannot be found or is invalid.
  public func compiled(_ nameOrPath: String) throws -> CompiledRubric {
    lock.lock()
    defer { lock.unlock() }
    if let rubric = cache[nameOrPath] { return rubric }
    let rubric: CompiledRubric
    if let diskCache {
      if let cached = diskCache.load(nameOrPath, catalog: catalog) {
        rubric = cached
      } else {
        let sources = RubricSources()
        rubric = CompiledRubric(try RubricLoader(catalog: catalog, recording: sources).load(nameOrPath))
        diskCache.store(rubric, for: nameOrPath, catalog: catalog, sources: sources)
      }
    } else {
      rubric = CompiledRubric(try RubricLoader(catalog: catalog).load(nameOrPath))
    }
    cache[nameOrPath] = rubric
    return rubric
  }
}
