import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the answers of a batch: walks folders recursively and lists the files to grade, in a deterministic
/// order (roots in the order given, then by relative path compared byte by byte as UTF-8).
///
/// - A file is selected when no `exclude` pattern matches its relative path and an `include` pattern does
///   (by default: names ending in `.md` or `.txt`, in any case). Other files are skipped and counted.
/// - A folder that an `exclude` pattern matches is not entered; neither is a folder in `excludedFolders`
///   (the `--out` folder, when it lies inside an input folder).
/// - Symbolic links to files are followed; symbolic links to folders are not (no cycles), and count as
///   skipped. A selected name that cannot be read as a file — a broken link, a FIFO, a folder that cannot
///   be opened, a name that is not UTF-8 — is listed with its ``InputError``, so the batch reports it.
/// - A root that is a file is listed as itself, whatever its name.
///
/// ```swift
/// FileWalker().list(["answers"]).entries.map(\.path)
/// // ["answers/a.md", "answers/b/c.txt"]   (and answers/notes.pdf counted in `skipped`)
/// ```
public struct FileWalker: Sendable {
  /// A file's identity, to recognize a folder whatever path leads to it.
  public struct FileID: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of the file at `path` (symbolic links followed); nil when it does not exist.
    public init?(path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
    }
  }

  /// One answer to grade (or an input that will be reported as failed).
  public struct Entry: Sendable, Equatable {
    /// The path as messages and reports show it: the root as given, then the relative path.
    public var path: String
    /// The path relative to its root, components joined with `/` ("" for a root that is a file or
    /// cannot be listed).
    public var relativePath: String
    /// Where its report goes under `--out`, before the format's extension: the relative path; with several
    /// roots, prefixed with the root's folder name (`labelled/a.md`); for a root that is a file, its name.
    public var mirroredPath: String
    /// Why it cannot be graded, when the walk already knows.
    public var problem: InputError?

    public init(path: String, relativePath: String, mirroredPath: String, problem: InputError?) {
      self.path = path
      self.relativePath = relativePath
      self.mirroredPath = mirroredPath
      self.problem = problem
    }
  }

  /// What a walk found.
  public struct Listing: Sendable, Equatable {
    public var entries: [Entry]
    /// Files seen but not selected (other extensions, excluded, links to folders).
    public var skipped: Int

    public init(entries: [Entry], skipped: Int) {
      self.entries = entries
      self.skipped = skipped
    }
  }

  /// The patterns used when no `include` pattern is given.
  public static let defaultInclude = [
    GlobPattern("*.md", ignoringCase: true), GlobPattern("*.txt", ignoringCase: true),
  ]

  public var include: [GlobPattern]
  public var exclude: [GlobPattern]
  public var excludedFolders: Set<FileID>

  public init(include: [GlobPattern] = [], exclude: [GlobPattern] = [], excludedFolders: Set<FileID> = []) {
    self.include = include
    self.exclude = exclude
    self.excludedFolders = excludedFolders
  }

  /// Whether a file at `relativePath` is graded.
  public func selects(_ relativePath: String) -> Bool {
    !exclude.contains { $0.matches(relativePath) }
      && (include.isEmpty ? Self.defaultInclude : include).contains { $0.matches(relativePath) }
  }

  /// Lists the answers under `roots`.
  /// - Complexity: O(n log n) for n files; one `lstat` per directory entry.
  public func list(_ roots: [String]) -> Listing {
    var listing = Listing(entries: [], skipped: 0)
    for root in roots {
      let shown = Self.trimmingTrailingSlashes(root)
      var info = stat()
      if stat(root, &info) != 0 {
        let code = errno
        let problem: InputError =
          code == ELOOP
          ? .symlinkLoop(path: shown)
          : lstat(root, &info) == 0 ? .brokenLink(path: shown) : Self.error(code, shown)
        listing.entries.append(Entry(path: shown, relativePath: "", mirroredPath: "", problem: problem))
        continue
      }
      if (info.st_mode & S_IFMT) != S_IFDIR {
        let name = Self.lastComponent(shown)
        let problem: InputError? =
          (info.st_mode & S_IFMT) == S_IFREG ? nil : .notRegularFile(path: shown, kind: Self.kind(info.st_mode))
        listing.entries.append(Entry(path: shown, relativePath: "", mirroredPath: name, problem: problem))
        continue
      }
      let prefix = roots.count == 1 ? "" : Self.folderName(root) + "/"
      var found: [Entry] = []
      walk(folder: shown, relative: "", prefix: prefix, into: &found, skipped: &listing.skipped)
      found.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
      listing.entries += found
    }
    return listing
  }

  private func walk(folder: String, relative: String, prefix: String, into found: inout [Entry], skipped: inout Int) {
    guard let dir = opendir(folder) else {
      found.append(
        Entry(
          path: folder, relativePath: relative, mirroredPath: prefix + relative,
          problem: Self.error(errno, folder)))
      return
    }
    defer { closedir(dir) }
    while let item = readdir(dir) {
      let (name, valid) = withUnsafePointer(to: &item.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { pointer in
          if let name = String(validatingCString: pointer) { return (name, true) }
          return (String(cString: pointer), false)
        }
      }
      if name == "." || name == ".." { continue }
      let rel = relative.isEmpty ? name : relative + "/" + name
      let path = folder + "/" + name
      let entry = Entry(path: path, relativePath: rel, mirroredPath: prefix + rel, problem: nil)
      var info = stat()
      guard lstat(path, &info) == 0 else {
        if selects(rel) { found.append(with(entry, Self.error(errno, path))) } else { skipped += 1 }
        continue
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        if exclude.contains(where: { $0.matches(rel) }) { continue }
        if let id = FileID(path: path), excludedFolders.contains(id) { continue }
        if !valid {
          found.append(with(entry, .undecodableName(path: path)))
          continue
        }
        walk(folder: path, relative: rel, prefix: prefix, into: &found, skipped: &skipped)
      case S_IFLNK:
        var target = stat()
        let resolved = stat(path, &target) == 0
        let code = errno
        if (resolved && (target.st_mode & S_IFMT) == S_IFDIR) || !selects(rel) {
          skipped += 1
        } else if !resolved {
          found.append(with(entry, code == ELOOP ? .symlinkLoop(path: path) : .brokenLink(path: path)))
        } else {
          found.append(with(entry, Self.problem(target.st_mode, valid: valid, path: path)))
        }
      default:
        if selects(rel) {
          found.append(with(entry, Self.problem(info.st_mode, valid: valid, path: path)))
        } else {
          skipped += 1
        }
      }
    }
  }

  private func with(_ entry: Entry, _ problem: InputError?) -> Entry {
    var entry = entry
    entry.problem = problem
    return entry
  }

  private static func problem(_ mode: mode_t, valid: Bool, path: String) -> InputError? {
    if (mode & S_IFMT) != S_IFREG { return .notRegularFile(path: path, kind: kind(mode)) }
    return valid ? nil : .undecodableName(path: path)
  }

  private static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: return "named pipe"
    case S_IFSOCK: return "socket"
    case S_IFCHR: return "character device"
    case S_IFBLK: return "block device"
    case S_IFDIR: return "folder"
    default: return "special file"
    }
  }

  private static func error(_ code: Int32, _ path: String) -> InputError {
    switch code {
    case ENOENT, ENOTDIR: return .missing(path: path)
    case EACCES, EPERM: return .permissionDenied(path: path)
    case ELOOP: return .symlinkLoop(path: path)
    default: return .unreadable(path: path, reason: String(cString: strerror(code)))
    }
  }

  static func trimmingTrailingSlashes(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
  }

  static func lastComponent(_ path: String) -> String {
    String(path.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(path))
  }

  /// The name of a root folder in mirrored paths: its last component, after resolving `.` and links.
  public static func folderName(_ root: String) -> String {
    let name = lastComponent(trimmingTrailingSlashes(root))
    if name != "." && name != ".." && name != "/" { return name }
    return lastComponent(URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path)
  }
}
