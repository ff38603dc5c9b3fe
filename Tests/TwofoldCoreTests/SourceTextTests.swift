import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// Lines and columns the slow, obvious way: the oracle for ``SourceText``.
private func naiveLocation(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<offset where bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
    }
    var column = 1
    var index = lineStart
    if lineStart == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = min(3, offset) }
    while index < offset {
        if bytes[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
    }
    return (line, column)
}

/// Text of `length` bytes or a little more: ASCII, accented letters, CJK and emoji, with
/// a line break now and then (or never, for a machine-written one-line file).
private func sampleText(length: Int, lineBreaks: Bool, using generator: inout SeededGenerator) -> [UInt8] {
    let pieces = ["scene ", "é", "決定", "👩‍💼", "\"id\":", "  ", "ø"]
    var bytes: [UInt8] = []
    while bytes.count < length {
        if lineBreaks, Int.random(in: 0..<40, using: &generator) == 0 { bytes.append(0x0A) }
        bytes += Array(pieces.randomElement(using: &generator)!.utf8)
    }
    return bytes
}

@Suite struct SourceTextTests {
    @Test func agreesWithCountingFromTheStartOfTheLine() {
        var generator = SeededGenerator(seed: 14)
        for round in 0..<40 {
            var bytes = sampleText(length: Int.random(in: 0...20_000, using: &generator), lineBreaks: round % 2 == 0, using: &generator)
            if round % 5 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            var offsets = (0..<50).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
            if round % 3 == 0 { offsets.sort() }  // as the linter asks: counted on from the last
            bytes.withUnsafeBufferPointer { buffer in
                var source = SourceText(buffer)
                for offset in offsets + [0, bytes.count] {
                    let location = source.location(of: offset)
                    let expected = naiveLocation(of: offset, in: bytes)
                    #expect(location.line == expected.line && location.column == expected.column, "offset \(offset), round \(round)")
                    #expect(location.offset == offset)
                }
            }
        }
    }

    @Test func outOfRangeOffsetsAreClamped() {
        let bytes = Array("ab\ncd".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var source = SourceText(buffer)
            #expect(source.location(of: -4) == SourceLocation(line: 1, column: 1, offset: 0))
            #expect(source.location(of: 99) == SourceLocation(line: 2, column: 3, offset: 5))
        }
    }

    /// N positions spread over one long line examine O(line + N × block) bytes, not
    /// O(N × line): counted at 1× and 4× (bytes and positions both), never timed. In
    /// increasing order (as the linter asks) each is counted on from the one before; in
    /// decreasing order they come from the line table and block columns.
    @Test(arguments: [false, true])
    func positionsOnOneLongLineCostLinearWork(reversed: Bool) {
        func examined(scale: Int) -> Int {
            var generator = SeededGenerator(seed: 7)
            let bytes = sampleText(length: 250_000 * scale, lineBreaks: false, using: &generator)
            let positions = 2_000 * scale
            return bytes.withUnsafeBufferPointer { buffer in
                var source = SourceText(buffer)
                let order = Array(1...positions)
                for k in reversed ? order.reversed() : order { _ = source.location(of: bytes.count * k / positions) }
                let bound = reversed ? 5 * bytes.count + positions * SourceText.blockSize : 2 * bytes.count
                #expect(source.bytesExamined <= bound)
                return source.bytesExamined
            }
        }
        let small = examined(scale: 1), large = examined(scale: 4)
        #expect(Double(large) / Double(small) <= 4.5, "\(small) → \(large) bytes examined")
    }

    /// A position near the start of a huge file (a syntax error in a flood of NUL bytes)
    /// reads only the bytes before it: the line table is built only as far as needed.
    @Test func anEarlyPositionReadsOnlyTheBytesBeforeIt() {
        let bytes = [UInt8](repeating: 0, count: 16 << 20)
        bytes.withUnsafeBufferPointer { buffer in
            var source = SourceText(buffer)
            #expect(source.location(of: 0) == SourceLocation(line: 1, column: 1, offset: 0))
            #expect(source.bytesExamined <= 1)
            _ = source.location(of: 100)
            #expect(source.bytesExamined <= 202)
        }
    }
}
