import Foundation

/// Turns byte offsets into 1-based lines and columns, in O(1) amortised per position.
///
/// Columns count Unicode scalars from the start of the line, so a column matches what
/// an author sees in an editor even after accented letters or emoji.
///
/// Nothing is computed until a position is asked for, and then only as far as needed.
/// Positions asked for in increasing order (the linter sorts its findings first) are
/// counted onwards from the last one, newlines and scalars eight bytes at a time: N
/// positions cost one pass over the bytes before the last of them, however they fall.
/// Any other position comes from a line table that grows (by `memchr`) up to the
/// furthest offset asked about, and on a line longer than one block, from the column at
/// the nearest block start (computed once per long line). Either way N positions on one
/// long line cost O(line + N) or O(line + N × block), never O(N × line): machine-written
/// files are often a single line, and a column counted from the start of the line once
/// per diagnostic would make every diagnostic cost the whole file.
struct SourceText {
    /// Bytes per block of a long line; a column is never counted over more than this.
    static let blockSize = 4096

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Start offsets of the lines found so far (line 1 starts at 0).
    private var lineStarts: [Int] = [0]
    /// How far the line table has been built: every line start below this is known.
    private var scannedTo = 0
    /// Per long line (by index in `lineStarts`): the column at the start of each block.
    private var blockColumns: [Int: [Int32]] = [:]
    /// The last position counted onwards to, and where its line starts.
    private var cursor: SourceLocation
    private var cursorLineStart = 0
    /// Bytes read to answer positions so far (tests check that it stays linear).
    private(set) var bytesExamined = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is no character an editor shows: counting starts after it.
        let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        cursor = SourceLocation(line: 1, column: 1, offset: hasMark ? 3 : 0)
    }

    mutating func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        if clamped >= cursor.offset {
            cursor = onwards(to: clamped)
            return cursor
        }
        extendLines(through: clamped)
        let line = lineIndex(of: clamped)
        let lineStart = lineStarts[line]
        var column = 1
        var from = lineStart
        if clamped - lineStart > SourceText.blockSize {
            let block = (clamped - lineStart) / SourceText.blockSize
            from = lineStart + block * SourceText.blockSize
            column = Int(blockStarts(ofLine: line)[block])
        }
        column += scalarCount(from, clamped)
        if lineStart == 0, clamped > 0, hasByteOrderMark { column -= 1 }
        return SourceLocation(line: line + 1, column: column, offset: clamped)
    }

    private var hasByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The position at `offset`, counted on from the cursor (which is not after it).
    private mutating func onwards(to offset: Int) -> SourceLocation {
        guard let base = bytes.baseAddress else { return cursor }
        var line = cursor.line
        var lineStart = cursorLineStart
        var index = cursor.offset
        while index + 8 <= offset {
            let newlines = ~ByteWord.differs(ByteWord.load(base + index), 0x0A) & ByteWord.highs
            if newlines != 0 {
                line += newlines.nonzeroBitCount
                lineStart = index + 8 - (newlines.leadingZeroBitCount >> 3)  // after the word's last newline
            }
            index += 8
        }
        while index < offset {
            if base[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        bytesExamined += offset - cursor.offset
        let column = lineStart == cursorLineStart
            ? cursor.column + scalarCount(cursor.offset, offset)
            : 1 + scalarCount(lineStart, offset)
        cursorLineStart = lineStart
        return SourceLocation(line: line, column: column, offset: offset)
    }

    /// Finds line starts up to and including `offset` (the byte at `offset` included).
    private mutating func extendLines(through offset: Int) {
        guard scannedTo <= offset, let base = bytes.baseAddress else { return }
        var position = scannedTo
        let end = min(bytes.count, offset + 1)
        while position < end, let found = memchr(base + position, 0x0A, end - position) {
            let newline = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            lineStarts.append(newline + 1)
            position = newline + 1
        }
        bytesExamined += end - scannedTo
        scannedTo = end
    }

    /// The index of the last line start at or before `offset`.
    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The column at the start of every block of a long line, computed on first use.
    private mutating func blockStarts(ofLine line: Int) -> [Int32] {
        if let known = blockColumns[line] { return known }
        let start = lineStarts[line]
        var end = start
        if let base = bytes.baseAddress, start < bytes.count {
            let found = memchr(base + start, 0x0A, bytes.count - start)
            end = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
            bytesExamined += end - start
        }
        var columns: [Int32] = [1]
        var position = start
        while position + SourceText.blockSize <= end {
            let next = position + SourceText.blockSize
            columns.append(columns[columns.count - 1] + Int32(scalarCount(position, next)))
            position = next
        }
        blockColumns[line] = columns
        return columns
    }

    /// The number of Unicode scalars that start in `from..<to` (bytes that are not
    /// UTF-8 continuation bytes), eight bytes at a time.
    private mutating func scalarCount(_ from: Int, _ to: Int) -> Int {
        guard from < to, let base = bytes.baseAddress else { return 0 }
        bytesExamined += to - from
        var continuation = 0
        var index = from
        while index + 8 <= to {
            let word = ByteWord.load(base + index)
            // A continuation byte is 10xxxxxx: its top bit set and the next bit clear.
            continuation += (word & ~(word << 1) & ByteWord.highs).nonzeroBitCount
            index += 8
        }
        while index < to {
            if base[index] & 0xC0 == 0x80 { continuation += 1 }
            index += 1
        }
        return (to - from) - continuation
    }
}
