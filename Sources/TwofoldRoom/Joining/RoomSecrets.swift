import Foundation

/// The room's secrets: participants' tokens and the presenter key.
///
/// Each is 256 bits from the system's random number generator (`getrandom` on Linux),
/// written in base64url without padding, so it is safe in a header and in a WebSocket
/// sub-protocol name. Nothing about one secret says anything about another or about the
/// join code.
public enum RoomSecrets {
    /// Bytes of randomness in each secret.
    public static let byteCount = 32

    /// A new participant token.
    public static func token() -> String { random() }

    /// A new presenter key.
    public static func presenterKey() -> String { random() }

    private static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: byteCount)
        for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two secrets in time that depends only on their lengths, so a client
    /// cannot find a token one character at a time.
    public static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
