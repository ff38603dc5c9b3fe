/// Eight bytes at a time ("SIMD within a register"): which bytes of a little-endian word
/// match a byte, fall below a limit, or are JSON white space.
///
/// A mask has the top bit of a byte set where the byte qualifies. `matches` and `below`
/// are exact for the lowest qualifying byte (the borrow of a subtraction can flag bytes
/// above it, never below), which is all a scanner looking for the next special byte needs;
/// `differs` and `notWhitespace` are exact for every byte.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `pointer`, first byte lowest.
    @inline(__always) static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Bytes equal to `byte` (exact for the lowest).
    @inline(__always) static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Bytes below `limit`, which must be at most 0x80 (exact for the lowest).
    @inline(__always) static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// Bytes that differ from `byte` (exact for every byte).
    @inline(__always) static func differs(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (((x & ~highs) &+ ~highs) | x) & highs
    }

    /// Bytes that are not JSON white space (space, tab, line feed, carriage return).
    @inline(__always) static func notWhitespace(_ word: UInt64) -> UInt64 {
        differs(word, 0x20) & differs(word, 0x0A) & differs(word, 0x0D) & differs(word, 0x09)
    }

    /// Bytes that end a run of plain string content: a quote, a backslash or a control
    /// character (exact for the lowest). Non-ASCII bytes are plain.
    @inline(__always) static func stringSpecials(_ word: UInt64) -> UInt64 {
        matches(word, 0x22) | matches(word, 0x5C) | below(word, 0x20)
    }

    /// The index (0...7) of the byte flagged by the lowest bit of a non-zero mask.
    @inline(__always) static func firstIndex(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount >> 3
    }
}
