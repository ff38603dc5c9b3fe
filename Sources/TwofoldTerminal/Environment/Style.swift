/// Produces SGR (Select Graphic Rendition) escape sequences, or nothing when colour is off:
/// the one styling of everything Twofold prints (``Screen`` and ``Console`` both use it).
public struct Style: Sendable, Equatable {
    /// A text attribute.
    public enum Attribute: String, Sendable, CaseIterable {
        case reset = "0"
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    /// Whether sequences are produced at all.
    public let enabled: Bool

    /// A style that colours when `enabled` is true.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// The escape sequence that turns `attribute` on, or `""` when colour is off.
    public func code(_ attribute: Attribute) -> String {
        enabled ? "\u{1B}[\(attribute.rawValue)m" : ""
    }

    /// `text` with `attributes` on and reset after it; `text` unchanged when colour is off
    /// or no attribute is given.
    public func apply(_ text: String, _ attributes: Attribute...) -> String {
        guard enabled, !attributes.isEmpty else { return text }
        let codes = attributes.map(\.rawValue).joined(separator: ";")
        return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }

    /// The sequence that turns bold on.
    public var bold: String { code(.bold) }
    /// The sequence that turns dim on.
    public var dim: String { code(.dim) }
    /// The sequence that turns red on.
    public var red: String { code(.red) }
    /// The sequence that turns green on.
    public var green: String { code(.green) }
    /// The sequence that turns yellow on.
    public var yellow: String { code(.yellow) }
    /// The sequence that turns cyan on.
    public var cyan: String { code(.cyan) }
    /// The sequence that turns every attribute off.
    public var reset: String { code(.reset) }
}
