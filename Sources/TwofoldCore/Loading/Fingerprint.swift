import Foundation

/// A content fingerprint of a scenario file's bytes, stored with every saved session so
/// a save made against an edited file is refused instead of replayed onto the wrong scenes.
///
/// FNV-1a, 64 bits: fast and stable across runs and platforms. It guards against
/// accidents (an edited file), not against an adversary.
public enum Fingerprint {
    public static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            for byte in raw {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension ScenarioDocument {
    /// The fingerprint of this file's bytes.
    public var fingerprint: String { Fingerprint.of(data) }
}
