/// Renders a scenario's branch structure as Graphviz DOT or a Mermaid flowchart.
///
/// Scenes are nodes (endings drawn apart, coloured by their kind; routers as diamonds),
/// choices are edges labelled with the choice id and its deltas, a router's outcomes are
/// dotted edges labelled with their profile. All scenario text is escaped for the
/// target language, so no label can break out of its quotes.
public enum GraphExport {
    public static func dot(_ scenario: Scenario) -> String {
        var lines = ["digraph \(dotQuoted(scenario.id)) {"]
        lines.append("  label=\(dotQuoted(scenario.title)); labelloc=t; fontname=\"Helvetica\";")
        lines.append("  rankdir=TB;")
        lines.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f4f4\", fontname=\"Helvetica\", fontsize=11];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9];")
        for (index, scene) in scenario.scenes.enumerated() {
            let startMark = index == scenario.startIndex ? ", penwidth=2" : ""
            if let ending = scene.ending {
                lines.append("  \(dotQuoted(scene.id)) [label=\(dotQuoted("\(scene.id)\n\(ending.title)")), shape=doubleoctagon, fillcolor=\"\(colour(ending.kind))\"\(startMark)];")
            } else if scene.isRouter {
                lines.append("  \(dotQuoted(scene.id)) [label=\(dotQuoted("\(scene.id)\nby profile")), shape=diamond, fillcolor=\"#ffffff\"\(startMark)];")
            } else {
                lines.append("  \(dotQuoted(scene.id)) [label=\(dotQuoted("\(scene.id)\n\(excerpt(scene.text))"))\(startMark)];")
            }
        }
        for scene in scenario.scenes {
            for choice in scene.choices where choice.target >= 0 {
                let label = "\(choice.id)\n\(deltas(choice.scores, scenario.axes))"
                let style = choice.condition != nil ? ", style=dashed" : ""
                lines.append("  \(dotQuoted(scene.id)) -> \(dotQuoted(choice.next)) [label=\(dotQuoted(label))\(style)];")
            }
            for outcome in scene.outcomes where outcome.target >= 0 {
                lines.append("  \(dotQuoted(scene.id)) -> \(dotQuoted(outcome.next)) [label=\(dotQuoted(outcome.profile.rawValue)), style=dotted];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func mermaid(_ scenario: Scenario) -> String {
        var lines = ["flowchart TD"]
        for (index, scene) in scenario.scenes.enumerated() {
            if let ending = scene.ending {
                lines.append("  s\(index){{\"\(mermaidText(scene.id + ": " + ending.title))\"}}:::\(ending.kind?.rawValue ?? "ending")")
            } else if scene.isRouter {
                lines.append("  s\(index){\"\(mermaidText(scene.id))\"}")
            } else {
                lines.append("  s\(index)[\"\(mermaidText(scene.id))\"]")
            }
        }
        for (index, scene) in scenario.scenes.enumerated() {
            for choice in scene.choices where choice.target >= 0 {
                let arrow = choice.condition != nil ? "-.->" : "-->"
                lines.append("  s\(index) \(arrow)|\"\(mermaidText(choice.id + " " + deltas(choice.scores, scenario.axes)))\"| s\(choice.target)")
            }
            for outcome in scene.outcomes where outcome.target >= 0 {
                lines.append("  s\(index) -.->|\"\(outcome.profile.rawValue)\"| s\(outcome.target)")
            }
        }
        for kind in ProfileKey.allCases {
            lines.append("  classDef \(kind.rawValue) fill:\(colour(kind)),stroke:#555")
        }
        lines.append("  classDef ending fill:\(colour(nil)),stroke:#555")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func deltas(_ scores: Scores, _ axes: [Axis]) -> String {
        axes.map { axis in
            let value = scores[axis]
            let letter = axis.name == "manager" ? "M" : axis.name == "leader" ? "L" : axis.name
            return "\(letter)\(value >= 0 ? "+" : "")\(value)"
        }.joined(separator: " ")
    }

    private static func colour(_ kind: ProfileKey?) -> String {
        switch kind {
        case .both: return "#cdebd0"
        case .manager: return "#d6e4f5"
        case .leader: return "#f7e3c4"
        case .emerging: return "#eeeeee"
        case nil: return "#e8e0f0"
        }
    }

    /// The first words of a text, for node labels.
    private static func excerpt(_ text: String, limit: Int = 40) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// A DOT double-quoted string: unsafe characters dropped (``TextSafety``), quotes and
    /// backslashes escaped, line breaks as `\n`.
    static func dotQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in TextSafety.document(text, keepNewlines: true).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Text for inside a Mermaid quoted label: unsafe characters dropped (``TextSafety``),
    /// characters Mermaid treats specially as entities.
    static func mermaidText(_ text: String) -> String {
        var out = ""
        for scalar in TextSafety.document(text).unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "|": out += "#124;"
            case "`": out += "#96;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
