/// Checks that bytes are well-formed UTF-8, in bulk: runs of ASCII go eight bytes a step,
/// and each multi-byte sequence is checked against the well-formed byte ranges of the
/// Unicode Standard (table 3-7), which rule out overlong forms, surrogates and scalars
/// past U+10FFFF without decoding any scalar.
enum UTF8Validation {
    /// The offset of the first byte that breaks UTF-8 in `from..<to`, or nil when valid.
    static func firstInvalid(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            if i + 8 <= to, ByteWord.load(base + i) & ByteWord.highs == 0 {
                i += 8
                continue
            }
            // The commonest sequences in CJK text first: runs of three-byte characters with
            // lead E1-EC or EE-EF (whose second byte may be any continuation byte), checked
            // two at a time with one eight-byte load, then one at a time.
            while i + 8 <= to {
                let word = ByteWord.load(base + i)
                // Bytes 0 and 3: 1110xxxx; bytes 1, 2, 4, 5: 10xxxxxx.
                guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { break }
                let first = UInt8(truncatingIfNeeded: word), second = UInt8(truncatingIfNeeded: word >> 24)
                guard first != 0xE0, first != 0xED, second != 0xE0, second != 0xED else { break }
                i += 6
            }
            guard i < to else { break }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            if lead & 0xF0 == 0xE0, lead != 0xE0, lead != 0xED, i + 3 <= to {
                guard base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 else { return i }
                i += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xED: length = 3; high = 0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; low = 0x90
            case 0xF4: length = 4; high = 0x8F
            case 0xF1...0xF3: length = 4
            default: return i
            }
            guard i + length <= to, base[i + 1] >= low, base[i + 1] <= high else { return i }
            for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
