import Foundation
import Testing
@testable import TwofoldCore

@Suite("JSONReader")
struct JSONReaderTests {
    /// Runs `body` on a reader over `text`.
    private func read<T>(_ text: String, _ body: (inout JSONReader) throws -> T) throws -> T {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            return try body(&reader)
        }
    }

    @Test("pulls the wanted fields and skips the rest")
    func pull() throws {
        let text = #"{"skip": {"deep": [1, {"x": "y"}, null]}, "name": "Ana \"A\" Silva", "n": -12, "ok": true, "none": null, "list": [1, 2, 3]}"#
        let result = try read(text) { reader -> (String, Int, Bool, Bool, Int) in
            var name = "", n = 0, ok = false, none = false, count = 0
            try reader.beginObject()
            while let key = try reader.nextKey() {
                if key == "name" { name = try reader.string() }
                else if key == "n" { n = try reader.int() }
                else if key == "ok" { ok = try reader.bool() }
                else if key == "none" { none = try reader.null() }
                else if key == "list" {
                    try reader.beginArray()
                    while try reader.nextElement() { _ = try reader.int(); count += 1 }
                } else { try reader.skipValue() }
            }
            try reader.expectEnd()
            return (name, n, ok, none, count)
        }
        #expect(result.0 == "Ana \"A\" Silva" && result.1 == -12 && result.2 && result.3 && result.4 == 3)
    }

    @Test("keys with escapes compare by their text; empty containers end at once")
    func keys() throws {
        let names = try read(#"{"na\u006De": {}, "b": [], "\u00e9": 1}"#) { reader -> [String] in
            var names: [String] = []
            try reader.beginObject()
            while let key = try reader.nextKey() {
                names.append(key.string)
                #expect((key == "name") == (names.count == 1))
                if try reader.kind() == .object {
                    try reader.beginObject()
                    #expect(try reader.nextKey() == nil)
                } else if try reader.kind() == .array {
                    try reader.beginArray()
                    #expect(try !reader.nextElement())
                } else {
                    try reader.skipValue()
                }
            }
            return names
        }
        #expect(names == ["name", "b", "é"])
    }

    @Test("failures carry a line and column", arguments: [
        ("{\n  \"a\": tru\n}", 2, 8),
        ("{\"a\": 1,}", 1, 9),
        ("[1 2]", 1, 4),
        ("", 1, 1),
        ("[1,\n        ]", 2, 9),
        ("{\"a\": [1, {\"b\": 2,        }]}", 1, 27),
        ("{\"a\": 1 \"b\": 2}", 1, 9),
        ("[1,", 1, 4),
    ])
    func failures(_ text: String, _ line: Int, _ column: Int) throws {
        do {
            try read(text) { reader in
                try reader.skipValue()
                try reader.expectEnd()
            }
            Issue.record("no failure for \(text.debugDescription)")
        } catch let failure as JSONReader.Failure {
            #expect(failure.line == line && failure.column == column, "\(failure)")
        }
    }

    @Test("skipping agrees with the scanner on well-formed and broken documents")
    func skipAgrees() throws {
        let documents = ["{}", "[]", "{ \"a\" : [ 1 , 2.5e3 , true , null , \"x\\u00e9\" ] }", "[[],[{}],{\"k\":{}}]",
                         "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\"}", "{\"a\":}", "[\"\u{1}\"]", "[01]", "[1.]",
                         "[\"\\q\"]", "[tru]", "{\"a\":1}}", "        \n  [ 1 ,\n          2 ]  "]
        for text in documents {
            let bytes = Array(text.utf8)
            let mine: Bool = bytes.withUnsafeBufferPointer { buffer in
                var reader = JSONReader(buffer)
                do { try reader.skipValue(); try reader.expectEnd(); return true } catch { return false }
            }
            let theirs: Bool = bytes.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer, maxDepth: 64)
                do { try scanner.skipValue(); try scanner.expectEnd(); return true } catch { return false }
            }
            #expect(mine == theirs, "\(text.debugDescription)")
        }
    }

    @Test("skipping strings agrees with the scanner, byte for byte, on random and broken text")
    func skipStringsAgree() {
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x22], [0x5C], [0x5C, 0x22], [0x0A], [0x01], [0x7F], [0xC3, 0xA9],
                                 [0xE2, 0x80, 0x99], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x99, 0x82],
                                 [0x80], [0xE2, 0x80], Array("plain text ".utf8)]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % 1_000_003)
        }
        for _ in 0..<4000 {
            var bytes: [UInt8] = Array("[\"".utf8)
            for _ in 0..<(next() % 30) { bytes += pieces[next() % pieces.count] }
            bytes += Array("\", 1]".utf8)
            let mine: Int? = bytes.withUnsafeBufferPointer { buffer in
                var reader = JSONReader(buffer)
                do { try reader.skipValue(); try reader.expectEnd(); return reader.offset } catch { return nil }
            }
            let theirs: Int? = bytes.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer, maxDepth: 64)
                do { try scanner.skipValue(); try scanner.expectEnd(); return scanner.pos } catch { return nil }
            }
            #expect(mine == theirs, "\(bytes)")
        }
    }

    @Test("type checks: a fraction is no integer, a string is no number")
    func types() throws {
        #expect(throws: JSONReader.Failure.self) { try read("2.5") { try $0.int() } }
        #expect(try read("2.0") { try $0.int() } == 2)
        #expect(throws: JSONReader.Failure.self) { try read("\"2\"") { try $0.int() } }
        #expect(throws: JSONReader.Failure.self) { try read("3") { try $0.string() } }
        #expect(try read("  \"x\"") { try $0.kind() } == .string)
        #expect(try read("[[[[1]]]]") { reader -> Bool in
            do { try reader.skipValue() } catch { return true }
            return false
        } == false)
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONReader.Failure.self) { try read(deep) { try $0.skipValue() } }
    }

    @Test("integers reach both ends of Int; numbers read as Double only when finite")
    func numberRange() throws {
        #expect(try read("9223372036854775807") { try $0.int() } == Int.max)
        #expect(try read("-9223372036854775808") { try $0.int() } == Int.min)
        #expect(throws: JSONReader.Failure.self) { try read("9223372036854775808") { try $0.int() } }
        #expect(throws: JSONReader.Failure.self) { try read("-9223372036854775809") { try $0.int() } }
        #expect(try read(" 42.5") { try $0.double() } == 42.5)
        #expect(try read("-1e308") { try $0.double() } == -1e308)
        #expect(try read("7") { try $0.double() } == 7)
        #expect(throws: JSONReader.Failure.self) { try read("1e400") { try $0.double() } }
        #expect(throws: JSONReader.Failure.self) { try read("\"1\"") { try $0.double() } }
        #expect(try read("[1.5, 2]") { reader -> [Double] in
            var values: [Double] = []
            try reader.beginArray()
            while try reader.nextElement() { values.append(try reader.double()) }
            return values
        } == [1.5, 2])
    }
}
