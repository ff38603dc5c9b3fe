/// The six characters a participant types (or scans) to enter a room.
///
/// Drawn from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V),
/// so a code read off a projector is typed right the first time. Codes are compared
/// ignoring case, spaces and dashes.
public struct JoinCode: Sendable, Hashable, CustomStringConvertible {
    /// The characters a code is made of.
    public static let alphabet = Array("34679ACDEFGHJKMNPQRTWXY")
    public static let length = 6

    /// The code in its canonical form (upper case, no separators).
    public let value: String

    /// A new random code from the system's random number generator.
    public static func random() -> JoinCode {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A new code from `generator` (seeded in tests).
    public static func random(using generator: inout some RandomNumberGenerator) -> JoinCode {
        JoinCode(unchecked: String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
    }

    /// Reads a code as a person typed it; nil when it is not six characters of the alphabet.
    public init?(_ typed: String) {
        let canonical = String(typed.uppercased().filter { $0 != " " && $0 != "-" })
        guard canonical.count == JoinCode.length, canonical.allSatisfy(JoinCode.alphabet.contains) else { return nil }
        value = canonical
    }

    private init(unchecked value: String) { self.value = value }

    public var description: String { value }
}
