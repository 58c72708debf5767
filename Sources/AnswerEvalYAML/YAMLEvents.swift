internal import CYaml

/// libyaml's event stream, read before anything is composed into nodes.
///
/// Yams builds on libyaml (its `CYaml` module) and keeps the events to itself. This small module is the only
/// code that reads them, and it imports neither Foundation nor libxml2: a module that sees both
/// Foundation's ICU and the system ICU (through libxml2's headers) and also imports a C module fails to build
/// ("'UErrorCode' has different definitions in different modules").
public enum YAMLEvents {
  /// Where the first anchor (`&name`) or alias (`*name`) of `text` is, as 1-based line and column (in
  /// Unicode scalars); nil when there is none before the end, or before a syntax error.
  ///
  /// ```swift
  /// YAMLEvents.firstAnchorOrAlias(in: "a: &x 1\nb: *x\n")   // (line: 1, column: 4)
  /// YAMLEvents.firstAnchorOrAlias(in: "title: R&D *and* Q&A")   // nil
  /// ```
  ///
  /// - Complexity: O(n) in the length of the text: nothing is composed, so an alias bomb is never expanded.
  public static func firstAnchorOrAlias(in text: String) -> (line: Int, column: Int)? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        let anchored: Bool
        switch event.type {
        case YAML_ALIAS_EVENT: anchored = true
        case YAML_SCALAR_EVENT: anchored = event.data.scalar.anchor != nil
        case YAML_SEQUENCE_START_EVENT: anchored = event.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: anchored = event.data.mapping_start.anchor != nil
        case YAML_STREAM_END_EVENT: return nil
        default: anchored = false
        }
        if anchored { return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1) }
      }
      return nil
    }
  }
}
