import AnswerEvalText

extension Report {
  /// The report as JSON, byte for byte what `JSONEncoder` writes for it with the report conventions
  /// (``ReportFormat/encoder(pretty:)``: sorted keys, no escaped slashes, pretty or compact), without a
  /// final newline. `ReportJSONTests` holds the two to the same bytes.
  ///
  /// Members are written in sorted key order by hand; a field added to ``Report`` must be added here too.
  public func json(pretty: Bool) -> [UInt8] {
    var writer = JSONWriter(pretty: pretty, capacity: 16_384)
    write(to: &writer)
    return writer.bytes
  }

  /// Several reports as one JSON array, as `JSONEncoder` writes `[Report]`.
  public static func json(_ reports: [Report], pretty: Bool) -> [UInt8] {
    var writer = JSONWriter(pretty: pretty, capacity: 16_384 * max(1, reports.count))
    writer.openArray()
    for report in reports {
      writer.element()
      report.write(to: &writer)
    }
    writer.closeArray()
    return writer.bytes
  }

  func write(to json: inout JSONWriter) {
    json.openObject()
    json.key("criteria")
    json.openArray()
    for criterion in criteria {
      json.element()
      json.openObject()
      json.key("detected")
      json.bool(criterion.detected)
      json.key("evidence")
      Self.writeSpans(criterion.evidence, to: &json)
      json.key("feedback")
      json.string(criterion.feedback)
      json.key("id")
      json.string(criterion.id)
      json.key("score")
      json.number(criterion.score)
      json.key("weight")
      json.number(criterion.weight)
      json.closeObject()
    }
    json.closeArray()
    json.key("feedback")
    json.openArray()
    for item in feedback {
      json.element()
      json.openObject()
      json.key("criterion")
      json.string(item.criterion)
      json.key("message")
      json.string(item.message)
      json.key("severity")
      json.string(item.severity.rawValue)
      if let span = item.span {
        json.key("span")
        Self.writeSpan(span, to: &json)
      }
      json.closeObject()
    }
    json.closeArray()
    json.key("quantities")
    json.openArray()
    for quantity in quantities {
      json.element()
      json.openObject()
      // Keys in sorted order, optional ones only when present (as JSONEncoder writes them).
      if let approximate = quantity.approximate {
        json.key("approximate")
        json.bool(approximate)
      }
      if let high = quantity.high {
        json.key("high")
        json.number(high)
      }
      json.key("impact")
      json.bool(quantity.impact)
      json.key("kind")
      json.string(quantity.kind)
      if let reason = quantity.reason {
        json.key("reason")
        json.string(reason)
      }
      if let role = quantity.role {
        json.key("role")
        json.string(role)
      }
      json.key("span")
      Self.writeSpan(quantity.span, to: &json)
      json.key("text")
      json.string(quantity.text)
      json.key("unit")
      json.string(quantity.unit)
      json.key("value")
      json.number(quantity.value)
      json.closeObject()
    }
    json.closeArray()
    if let rubric {
      json.key("rubric")
      json.openObject()
      json.key("id")
      json.string(rubric.id)
      json.key("version")
      json.string(rubric.version)
      json.closeObject()
    }
    json.key("schema")
    json.string(schema)
    if let score {
      json.key("score")
      json.openObject()
      json.key("level")
      json.string(score.level)
      json.key("total")
      json.number(score.total)
      json.closeObject()
    }
    json.key("sections")
    json.openArray()
    for section in sections {
      json.element()
      json.openObject()
      json.key("confidence")
      json.number(section.confidence)
      json.key("label")
      json.string(section.label.rawValue)
      json.key("span")
      Self.writeSpan(section.span, to: &json)
      json.closeObject()
    }
    json.closeArray()
    json.key("source")
    json.openObject()
    json.key("characters")
    json.number(source.characters)
    json.key("paragraphs")
    json.number(source.paragraphs)
    json.key("path")
    json.string(source.path)
    json.key("sentences")
    json.number(source.sentences)
    json.key("words")
    json.number(source.words)
    json.closeObject()
    json.closeObject()
  }

  private static func writeSpans(_ spans: [AnswerEvalText.Span], to json: inout JSONWriter) {
    json.openArray()
    for span in spans {
      json.element()
      writeSpan(span, to: &json)
    }
    json.closeArray()
  }

  private static func writeSpan(_ span: AnswerEvalText.Span, to json: inout JSONWriter) {
    json.openObject()
    json.key("column")
    json.number(span.column)
    json.key("end")
    json.number(span.end)
    json.key("line")
    json.number(span.line)
    json.key("start")
    json.number(span.start)
    json.key("text")
    json.string(span.text)
    json.closeObject()
  }
}
