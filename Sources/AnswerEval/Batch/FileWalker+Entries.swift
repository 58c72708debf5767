extension FileWalker {
  /// The entries of a walk, kept small so that listing a folder of a million answers costs a few megabytes:
  /// the relative paths, which come in sorted order, are stored front-coded (each as the length it shares
  /// with the one before and the bytes that differ), the roots once, and problems only where there is one.
  /// An ``Entry`` is built when it is read.
  ///
  /// ```swift
  /// let entries: FileWalker.Entries = [
  ///   .init(path: "in/a/b.md", relativePath: "a/b.md", mirroredPath: "a/b.md", problem: nil)
  /// ]
  /// entries[0].path   // "in/a/b.md"
  /// ```
  public struct Entries: RandomAccessCollection, ExpressibleByArrayLiteral, Equatable, Sendable {
    /// Where the entries from `first` on come from, up to the next root's `first`.
    struct Root: Sendable {
      /// The root as shown (trailing slashes dropped); an entry's path is this, `/` and its relative path.
      var shown: String
      /// What comes before an entry's relative path in its mirrored path.
      var mirrorHead: String
      var first: Int
      /// An entry made from an ``Entry`` whose parts do not fit together as a walk's do: `shown` and
      /// `mirrorHead` are its whole path and mirrored path.
      var verbatim = false
    }

    private var roots: [Root] = []
    private var relativePaths = FrontCodedList()
    private var problems: [Int: InputError] = [:]

    public init() {}

    public init(arrayLiteral elements: Entry...) {
      self.init(elements)
    }

    /// Entries holding exactly `elements`.
    public init(_ elements: some Sequence<Entry>) {
      for entry in elements { append(entry) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { relativePaths.count }

    public subscript(position: Int) -> Entry {
      precondition(position >= 0 && position < count, "entry index out of range")
      // The last root that starts at or before `position`.
      var low = 0, high = roots.count
      while high - low > 1 {
        let middle = (low + high) / 2
        if roots[middle].first <= position { low = middle } else { high = middle }
      }
      let root = roots[low]
      let relative = relativePaths[position]
      if root.verbatim {
        return Entry(
          path: root.shown, relativePath: relative, mirroredPath: root.mirrorHead, problem: problems[position])
      }
      return Entry(
        path: relative.isEmpty ? root.shown : root.shown + "/" + relative, relativePath: relative,
        mirroredPath: root.mirrorHead + relative, problem: problems[position])
    }

    public static func == (a: Entries, b: Entries) -> Bool { a.elementsEqual(b) }

    /// Starts the entries of a root: `shown` and `mirrorHead` as in ``Root``.
    mutating func startRoot(shown: String, mirrorHead: String) {
      roots.append(Root(shown: shown, mirrorHead: mirrorHead, first: count))
    }

    /// Appends an entry of the current root.
    mutating func append(relativePath: String, problem: InputError?) {
      if let problem { problems[count] = problem }
      relativePaths.append(relativePath)
    }

    /// Appends `entry`, as its own root unless it fits the current one. Parts are compared byte for byte,
    /// so that every path reads back exactly as it was given.
    mutating func append(_ entry: Entry) {
      let relative = Array(entry.relativePath.utf8)
      let path = Array(entry.path.utf8), mirrored = Array(entry.mirroredPath.utf8)
      func joined(_ head: String, slash: Bool) -> [UInt8] {
        Array(head.utf8) + (slash && !relative.isEmpty ? [0x2F] : []) + relative
      }
      if let root = roots.last, !root.verbatim, path == joined(root.shown, slash: true),
        mirrored == joined(root.mirrorHead, slash: false)
      {
        append(relativePath: entry.relativePath, problem: entry.problem)
        return
      }
      if relative.isEmpty {
        startRoot(shown: entry.path, mirrorHead: entry.mirroredPath)
      } else if path.count > relative.count, path.suffix(relative.count).elementsEqual(relative),
        path[path.count - relative.count - 1] == 0x2F, mirrored.suffix(relative.count).elementsEqual(relative)
      {
        startRoot(
          shown: String(decoding: path.dropLast(relative.count + 1), as: UTF8.self),
          mirrorHead: String(decoding: mirrored.dropLast(relative.count), as: UTF8.self))
      } else {
        roots.append(Root(shown: entry.path, mirrorHead: entry.mirroredPath, first: count, verbatim: true))
      }
      append(relativePath: entry.relativePath, problem: entry.problem)
    }
  }
}

/// Strings stored front-coded: each as the number of leading bytes it shares with the one before and the
/// bytes after those, with every 16th stored whole so that reading one decodes at most 15 others. Sorted
/// paths share most of their bytes ("cohort-00/group-1/candidate-00192.txt" after "…-00113.md" adds 7).
/// The bytes are kept in blocks of about 64 KiB (a group of 16 never spans two), so the list grows without
/// ever copying what it holds.
struct FrontCodedList: Sendable {
  private static let interval = 16
  private static let blockSize = 1 << 16
  private var blocks: [[UInt8]] = []
  /// Where every 16th string starts: its block and offset in it.
  private var restarts: [(block: UInt32, offset: UInt32)] = []
  private var previous: [UInt8] = []
  private(set) var count = 0

  mutating func append(_ string: String) {
    let utf8 = Array(string.utf8)
    var shared = 0
    if count % Self.interval == 0 {
      if blocks.isEmpty || blocks[blocks.count - 1].count >= Self.blockSize {
        var block: [UInt8] = []
        block.reserveCapacity(Self.blockSize + 1024)
        blocks.append(block)
      }
      restarts.append((UInt32(blocks.count - 1), UInt32(blocks[blocks.count - 1].count)))
    } else {
      let limit = min(utf8.count, previous.count)
      while shared < limit, utf8[shared] == previous[shared] { shared += 1 }
    }
    let last = blocks.count - 1
    Self.appendVarint(shared, to: &blocks[last])
    Self.appendVarint(utf8.count - shared, to: &blocks[last])
    blocks[last] += utf8[shared...]
    previous = utf8
    count += 1
  }

  subscript(index: Int) -> String {
    let restart = restarts[index / Self.interval]
    let bytes = blocks[Int(restart.block)]
    var offset = Int(restart.offset)
    var current: [UInt8] = []
    for _ in 0...(index % Self.interval) {
      let shared = Self.readVarint(bytes, &offset), length = Self.readVarint(bytes, &offset)
      current.removeSubrange(shared...)
      current += bytes[offset..<offset + length]
      offset += length
    }
    return String(decoding: current, as: UTF8.self)
  }

  private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
    var value = UInt(value)
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  private static func readVarint(_ bytes: [UInt8], _ offset: inout Int) -> Int {
    var value = 0, shift = 0
    while true {
      let byte = bytes[offset]
      offset += 1
      value |= Int(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }
}
