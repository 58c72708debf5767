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
    public var entries: Entries
    /// Files seen but not selected (other extensions, excluded, links to folders).
    public var skipped: Int

    public init(entries: Entries, skipped: Int) {
      self.entries = entries
      self.skipped = skipped
    }

    public init(entries: [Entry], skipped: Int) {
      self.init(entries: Entries(entries), skipped: skipped)
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
  ///
  /// A folder's names are sorted, folders as if their name ended in `/`, and folders are walked where they
  /// sort, so the entries come out in the order of their relative paths without sorting them all at the
  /// end (and only one folder's names are held at a time). A folder that cannot be opened is listed where
  /// its files would have been.
  /// - Complexity: O(n log n) for n files; one `lstat` per directory entry.
  public func list(_ roots: [String]) -> Listing {
    var entries = Entries()
    var skipped = 0
    for root in roots {
      let shown = Self.trimmingTrailingSlashes(root)
      var info = stat()
      if stat(root, &info) != 0 {
        let code = errno
        let problem: InputError =
          code == ELOOP
          ? .symlinkLoop(path: shown)
          : lstat(root, &info) == 0 ? .brokenLink(path: shown) : Self.error(code, shown)
        entries.startRoot(shown: shown, mirrorHead: "")
        entries.append(relativePath: "", problem: problem)
        continue
      }
      if (info.st_mode & S_IFMT) != S_IFDIR {
        let problem: InputError? =
          (info.st_mode & S_IFMT) == S_IFREG ? nil : .notRegularFile(path: shown, kind: Self.kind(info.st_mode))
        entries.startRoot(shown: shown, mirrorHead: Self.lastComponent(shown))
        entries.append(relativePath: "", problem: problem)
        continue
      }
      entries.startRoot(shown: shown, mirrorHead: roots.count == 1 ? "" : Self.folderName(root) + "/")
      walk(folder: shown, relative: "", into: &entries, skipped: &skipped)
    }
    return Listing(entries: entries, skipped: skipped)
  }

  /// One name in a folder, with what `lstat` said of it.
  private struct Item {
    var name: String
    var valid: Bool
    var info: stat?
    var code: Int32
    /// The name as it sorts: UTF-8, with `/` after a folder's.
    var key: [UInt8]
  }

  private func walk(folder: String, relative: String, into entries: inout Entries, skipped: inout Int) {
    guard let dir = opendir(folder) else {
      entries.append(relativePath: relative, problem: Self.error(errno, folder))
      return
    }
    var items: [Item] = []
    while let item = readdir(dir) {
      let (name, valid) = withUnsafePointer(to: &item.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { pointer in
          if let name = String(validatingCString: pointer) { return (name, true) }
          return (String(cString: pointer), false)
        }
      }
      if name == "." || name == ".." { continue }
      var info = stat()
      let found = lstat(folder + "/" + name, &info) == 0
      let code = found ? 0 : errno
      var key = Array(name.utf8)
      if found && (info.st_mode & S_IFMT) == S_IFDIR { key.append(0x2F) }
      items.append(Item(name: name, valid: valid, info: found ? info : nil, code: code, key: key))
    }
    closedir(dir)
    items.sort { $0.key.lexicographicallyPrecedes($1.key) }
    for item in items {
      let name = item.name
      let rel = relative.isEmpty ? name : relative + "/" + name
      let path = folder + "/" + name
      guard let info = item.info else {
        if selects(rel) {
          entries.append(relativePath: rel, problem: Self.error(item.code, path))
        } else {
          skipped += 1
        }
        continue
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        if exclude.contains(where: { $0.matches(rel) }) { continue }
        if let id = FileID(path: path), excludedFolders.contains(id) { continue }
        if !item.valid {
          entries.append(relativePath: rel, problem: .undecodableName(path: path))
          continue
        }
        walk(folder: path, relative: rel, into: &entries, skipped: &skipped)
      case S_IFLNK:
        var target = stat()
        let resolved = stat(path, &target) == 0
        let code = errno
        if (resolved && (target.st_mode & S_IFMT) == S_IFDIR) || !selects(rel) {
          skipped += 1
        } else if !resolved {
          entries.append(relativePath: rel, problem: code == ELOOP ? .symlinkLoop(path: path) : .brokenLink(path: path))
        } else {
          entries.append(relativePath: rel, problem: Self.problem(target.st_mode, valid: item.valid, path: path))
        }
      default:
        if selects(rel) {
          entries.append(relativePath: rel, problem: Self.problem(info.st_mode, valid: item.valid, path: path))
        } else {
          skipped += 1
        }
      }
    }
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
