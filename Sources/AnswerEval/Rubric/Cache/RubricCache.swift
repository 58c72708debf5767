import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Compiled rubrics kept on disk, so that a process grading one answer does not parse YAML, compile
/// phrases and build the cue trie again (two thirds of the time of `answer-eval score` on one answer).
///
/// An entry is used only when everything it was made from is unchanged: the same `answer-eval` executable
/// (path, size and modification time), working directory (file names in messages are relative to it),
/// rubric folders and rubric name or path; every name it looked up (the rubric, what it `extends`, its
/// packs) resolving to the same file; every file it read holding the same bytes (kept in the entry and
/// compared); and a checksum over the whole entry. Otherwise the rubric is compiled from its YAML as
/// always and the entry rewritten. Errors are never cached: a rubric that fails to load fails every time.
///
/// The folder is `ANSWER_EVAL_CACHE` (`off` turns the cache off), else `$XDG_CACHE_HOME/answer-eval`, else
/// `~/.cache/answer-eval`. There is one entry per executable path, rubric name (or path) and set of rubric
/// folders, so the folder stays small, and a debug and a release build do not keep replacing each other's.
/// Entries are written to a temporary file and renamed (``OutputDirectory``), so a reader never sees half
/// of one; a folder that cannot be written only means no cache.
///
/// ```swift
/// let cache = RubricCache(folder: "/tmp/answer-eval-cache")
/// cache.load("behavioral", catalog: catalog)   // nil the first time
/// ```
struct RubricCache: Sendable {
  let folder: String

  /// Bumped whenever the layout of an entry changes.
  static let formatVersion = 5

  /// The cache for this process's environment, or nil when it is turned off or there is no home folder.
  static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> RubricCache? {
    if let folder = environment["ANSWER_EVAL_CACHE"] {
      return folder.isEmpty || folder == "off" ? nil : RubricCache(folder: folder)
    }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return RubricCache(folder: xdg + "/answer-eval") }
    if let home = environment["HOME"], home.hasPrefix("/") { return RubricCache(folder: home + "/.cache/answer-eval") }
    return nil
  }

  /// The entry's file name for a rubric name or path (FNV-1a of the executable's path, the name and the
  /// rubric folders).
  func entryName(for nameOrPath: String, catalog: RubricCatalog) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in ([Self.executablePath ?? "", nameOrPath] + catalog.folders).joined(separator: "\n").utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    return "rubric-" + String(hash, radix: 16) + ".bin"
  }

  /// The entry's file for a rubric name or path.
  func path(for nameOrPath: String, catalog: RubricCatalog) -> String {
    folder + "/" + entryName(for: nameOrPath, catalog: catalog)
  }

  /// What an entry must have been made in to be used now.
  private static func context(_ nameOrPath: String, catalog: RubricCatalog) -> [String]? {
    guard let executable else { return nil }
    return [executable, FileManager.default.currentDirectoryPath, nameOrPath] + catalog.folders
  }

  /// The compiled rubric of the entry for `nameOrPath`, when there is one and it is still valid.
  func load(_ nameOrPath: String, catalog: RubricCatalog) -> CompiledRubric? {
    guard let context = Self.context(nameOrPath, catalog: catalog),
      let entry = try? InputReader.read(path(for: nameOrPath, catalog: catalog)), entry.count > 8
    else { return nil }
    let stored = entry.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    guard UInt64(littleEndian: stored) == entry.withUnsafeBytes({ Self.checksum(.init(rebasing: $0[8...])) }) else {
      return nil
    }
    do {
      var reader = try ArchiveReader(entry, from: 8)
      guard try reader.int() == Self.formatVersion,
        try reader.array({ r throws(ArchiveReader.Damaged) in try r.string() }) == context
      else { return nil }
      // Every name must still resolve to the same file…
      for _ in 0..<(try reader.length()) {
        let lookup = RubricSources.Lookup(
          kind: try reader.bool() ? .pack : .rubric, name: try reader.string(), near: try reader.optionalString(),
          file: try reader.optionalString())
        guard lookup.redone(in: catalog) == lookup.file else { return nil }
      }
      // …and every file read hold the same bytes.
      for _ in 0..<(try reader.length()) {
        let file = try reader.string(), bytes = try reader.raw(UInt8.self)
        guard let current = try? InputReader.read(file), current == bytes else { return nil }
      }
      let rubric = try reader.rubric()
      let matcher = try CueMatcher(packs: rubric.packs, archive: &reader)
      var numberWords: [String: Double?] = [:]
      for _ in 0..<(try reader.length()) {
        let word = try reader.string()
        numberWords.updateValue(try reader.bool() ? try reader.double() : nil, forKey: word)
      }
      guard reader.isAtEnd else { return nil }
      return CompiledRubric(rubric, matcher: matcher, numberWords: numberWords)
    } catch {
      return nil
    }
  }

  /// Writes the entry for `nameOrPath`, atomically (``OutputDirectory``). Silently nothing when the folder
  /// cannot be written, which is found out before the entry is built, so that it costs no time.
  func store(_ compiled: CompiledRubric, for nameOrPath: String, catalog: RubricCatalog, sources: RubricSources) {
    guard let context = Self.context(nameOrPath, catalog: catalog),
      let directory = try? OutputDirectory(creating: folder), access(folder, W_OK) == 0
    else { return }
    var writer = ArchiveWriter()
    writer.int(Self.formatVersion)
    writer.array(context) { $0.string($1) }
    writer.array(sources.lookups) {
      $0.bool($1.kind == .pack)
      $0.string($1.name)
      $0.optionalString($1.near)
      $0.optionalString($1.file)
    }
    writer.array(sources.files) {
      $0.string($1.path)
      $0.raw($1.bytes)
    }
    writer.rubric(compiled.rubric)
    compiled.matcher.archive(to: &writer)
    // The values of the pack's number words, read by ICU now so that no run reading the entry has to.
    writer.array(compiled.quantityLexicon.spelledWords(of: compiled.matcher)) {
      $0.string($1)
      let value = NumberWordValues.shared.value(of: $1)
      $0.bool(value != nil)
      if let value { $0.double(value) }
    }
    let body = writer.finish()
    var entry = withUnsafeBytes(of: body.withUnsafeBytes { Self.checksum($0) }.littleEndian) { Array($0) }
    entry += body
    try? directory.write(entry, to: entryName(for: nameOrPath, catalog: catalog))
  }

  /// A 64-bit checksum: FNV-1a over 8-byte words in four interleaved lanes (so that the multiplications do
  /// not wait on each other), then the tail bytes. It catches damaged bytes, not tampering.
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x100_0000_01B3
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xCBF2_9CE4_8422_2325, 1, 2, 3)
    var i = 0
    func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    while i + 32 <= bytes.count {
      lanes.0 = (lanes.0 ^ word(i)) &* prime
      lanes.1 = (lanes.1 ^ word(i + 8)) &* prime
      lanes.2 = (lanes.2 ^ word(i + 16)) &* prime
      lanes.3 = (lanes.3 ^ word(i + 24)) &* prime
      i += 32
    }
    var hash = lanes.0
    for lane in [lanes.1, lanes.2, lanes.3] { hash = (hash << 23 | hash >> 41) ^ lane &* prime }
    while i < bytes.count {
      hash = (hash ^ UInt64(bytes[i])) &* prime
      i += 1
    }
    return hash
  }

  /// The path of the running executable (nil when it cannot be told).
  static let executablePath: String? = {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: 4096)
      let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      guard count > 0 else { return nil }
      return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
      return Bundle.main.executablePath
    #endif
  }()

  /// The running executable as its path, size and modification time, so that a rebuilt binary never reads
  /// what another one wrote; nil (no cache) when it cannot be told.
  static let executable: String? = {
    guard let path = executablePath else { return nil }
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    let modified = OutputDirectory.FileTime(info)
    return "\(path) \(info.st_size) \(modified.seconds).\(modified.nanoseconds)"
  }()
}

/// What loading a rubric read, for ``RubricCache``: every file with its bytes, and every name looked up
/// with the file it resolved to.
final class RubricSources {
  struct Lookup: Equatable {
    enum Kind { case rubric, pack }
    var kind: Kind
    var name: String
    /// The file the name was looked up beside (nil: the catalog's folders only).
    var near: String?
    /// What it resolved to (nil: nothing).
    var file: String?

    /// The file the same lookup finds now.
    func redone(in catalog: RubricCatalog) -> String? {
      switch kind {
      case .rubric: return catalog.file(named: name, near: near)
      case .pack: return catalog.packFile(named: name, near: near ?? "")
      }
    }
  }

  var files: [(path: String, bytes: [UInt8])] = []
  var lookups: [Lookup] = []
}
