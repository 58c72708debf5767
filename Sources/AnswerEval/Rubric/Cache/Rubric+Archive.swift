/// Rubrics in the cache's archive (``RubricCache``). Every stored property is written and read back;
/// `RubricCacheTests` compares a rubric read back with the one written, property by property (through
/// `Mirror`), so that a property added later and forgotten here fails a test instead of vanishing.
extension ArchiveWriter {
  mutating func rubric(_ rubric: Rubric) {
    string(rubric.id)
    string(rubric.version)
    string(rubric.language)
    string(rubric.title)
    string(rubric.description)
    optionalString(rubric.extends)
    array(rubric.levels) {
      $0.string($1.level)
      $0.double($1.min)
    }
    array(rubric.criteria) { $0.criterion($1) }
    array(rubric.packs) { $0.pack($1) }
    string(rubric.file)
  }

  private mutating func criterion(_ criterion: Criterion) {
    string(criterion.id)
    string(criterion.title)
    string(criterion.detector)
    double(criterion.weight)
    bool(criterion.cap != nil)
    if let cap = criterion.cap { double(cap) }
    array(criterion.parameters.sorted { $0.key < $1.key }) { writer, entry in
      writer.string(entry.key)
      switch entry.value {
      case .string(let s):
        writer.uint(0)
        writer.string(s)
      case .number(let n):
        writer.uint(1)
        writer.double(n)
      case .bool(let b):
        writer.uint(2)
        writer.bool(b)
      case .strings(let list):
        writer.uint(3)
        writer.array(list) { $0.string($1) }
      }
    }
    string(criterion.feedback.present)
    string(criterion.feedback.partial)
    string(criterion.feedback.missing)
    location(criterion.location)
    array(criterion.parameterLocations.sorted { $0.key < $1.key }) {
      $0.string($1.key)
      $0.location($1.value)
    }
  }

  private mutating func pack(_ pack: CuePack) {
    string(pack.id)
    string(pack.detector)
    string(pack.language)
    string(pack.description)
    array(pack.cues) { $0.cue($1) }
    string(pack.file)
    array(pack.wording.sorted { $0.key < $1.key }) {
      $0.string($1.key)
      $0.string($1.value)
    }
  }

  private mutating func cue(_ cue: Cue) {
    string(cue.id)
    string(cue.signal)
    double(cue.weight)
    optionalString(cue.value)
    array(cue.phrases) { $0.phrase($1) }
    array(cue.exceptions) { $0.phrase($1) }
    array(cue.matchExamples) { $0.example($1) }
    array(cue.noMatchExamples) { $0.example($1) }
    location(cue.location)
  }

  private mutating func example(_ example: CueExample) {
    string(example.text)
    location(example.location)
  }

  private mutating func phrase(_ phrase: PhrasePattern) {
    string(phrase.source)
    array(phrase.elements) { writer, element in
      switch element {
      case .gap(let max):
        writer.uint(0)
        writer.int(max)
      case .alternatives(let alternatives):
        writer.uint(1)
        writer.array(alternatives) { $0.array($1) { $0.test($1) } }
      }
    }
  }

  private mutating func test(_ test: PhrasePattern.Test) {
    switch test {
    case .stem(let s):
      uint(0)
      string(s)
    case .exact(let s):
      uint(1)
      string(s)
    case .prefix(let s):
      uint(2)
      string(s)
    case .suffix(let s):
      uint(3)
      string(s)
    case .number: uint(4)
    case .any: uint(5)
    }
  }

  private mutating func location(_ location: FileLocation) {
    string(location.file)
    int(location.line)
    int(location.column)
  }
}

extension ArchiveReader {
  mutating func rubric() throws(Damaged) -> Rubric {
    Rubric(
      id: try string(), version: try string(), language: try string(), title: try string(),
      description: try string(), extends: try optionalString(),
      levels: try array { r throws(Damaged) in LevelBand(level: try r.string(), min: try r.double()) },
      criteria: try array { r throws(Damaged) in try r.criterion() },
      packs: try array { r throws(Damaged) in try r.pack() },
      file: try string())
  }

  private mutating func criterion() throws(Damaged) -> Criterion {
    let id = try string(), title = try string(), detector = try string(), weight = try double()
    let cap = try bool() ? try double() : nil
    var parameters: [String: Criterion.Parameter] = [:]
    for _ in 0..<(try length()) {
      let name = try string()
      switch try uint() {
      case 0: parameters[name] = .string(try string())
      case 1: parameters[name] = .number(try double())
      case 2: parameters[name] = .bool(try bool())
      case 3: parameters[name] = .strings(try array { r throws(Damaged) in try r.string() })
      default: throw Damaged()
      }
    }
    let feedback = FeedbackTemplates(present: try string(), partial: try string(), missing: try string())
    var criterion = Criterion(
      id: id, title: title, detector: detector, weight: weight, cap: cap, parameters: parameters, feedback: feedback,
      location: try location())
    for _ in 0..<(try length()) { criterion.parameterLocations[try string()] = try location() }
    return criterion
  }

  private mutating func pack() throws(Damaged) -> CuePack {
    var pack = CuePack(
      id: try string(), detector: try string(), language: try string(), description: try string(),
      cues: try array { r throws(Damaged) in try r.cue() }, file: try string())
    for _ in 0..<(try length()) {
      let key = try string()
      pack.wording[key] = try string()
    }
    return pack
  }

  private mutating func cue() throws(Damaged) -> Cue {
    let id = try string(), signal = try string(), weight = try double(), value = try optionalString()
    let phrases = try array { r throws(Damaged) in try r.phrase() }
    let exceptions = try array { r throws(Damaged) in try r.phrase() }
    let matchExamples = try array { r throws(Damaged) in try r.example() }
    let noMatchExamples = try array { r throws(Damaged) in try r.example() }
    return Cue(
      id: id, signal: signal, weight: weight, phrases: phrases, exceptions: exceptions, matchExamples: matchExamples,
      noMatchExamples: noMatchExamples, location: try location(), value: value)
  }

  private mutating func example() throws(Damaged) -> CueExample {
    CueExample(text: try string(), location: try location())
  }

  private mutating func phrase() throws(Damaged) -> PhrasePattern {
    let source = try string()
    let elements = try array { r throws(Damaged) -> PhrasePattern.Element in
      switch try r.uint() {
      case 0: return .gap(try r.int())
      case 1:
        return .alternatives(
          try r.array { r throws(Damaged) in try r.array { r throws(Damaged) in try r.test() } })
      default: throw Damaged()
      }
    }
    return PhrasePattern(source: source, elements: elements)
  }

  private mutating func test() throws(Damaged) -> PhrasePattern.Test {
    switch try uint() {
    case 0: return .stem(try string())
    case 1: return .exact(try string())
    case 2: return .prefix(try string())
    case 3: return .suffix(try string())
    case 4: return .number
    case 5: return .any
    default: throw Damaged()
    }
  }

  private mutating func location() throws(Damaged) -> FileLocation {
    FileLocation(file: try string(), line: try int(), column: try int())
  }
}
