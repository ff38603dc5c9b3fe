/// Turns byte offsets into 1-based lines and columns, lazily.
///
/// Columns count Unicode scalars from the start of the line, so a column matches what
/// an author sees in an editor even after accented letters or emoji.
struct SourceText {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var lineStarts: [Int] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func location(of offset: Int) -> SourceLocation {
        if lineStarts.isEmpty {
            lineStarts.append(0)
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                lineStarts.append(index + 1)
            }
        }
        let clamped = max(0, min(offset, bytes.count))
        // The last line start that is <= clamped.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let lineStart = lineStarts[low]
        var column = 1
        var index = lineStart
        // A UTF-8 byte-order mark is no character an editor shows.
        if lineStart == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = min(3, clamped) }
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: low + 1, column: column, offset: clamped)
    }
}
