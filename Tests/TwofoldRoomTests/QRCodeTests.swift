import Foundation
import Testing
@testable import TwofoldRoom
import TwofoldTestSupport

/// The join QR code, checked by a real decoder: the terminal's half-block drawing is read
/// back into an image and handed to ZBar's `zbarimg` (Debian's zbar-tools).
@Suite("Room: QR code")
struct QRCodeTests {
    static let url = "http://192.168.1.23:41234/?code=K7MQ4X"

    @Test("the terminal drawing decodes to the join address, with and without colour")
    func decodes() throws {
        let code = try #require(QRCode(Self.url))
        #expect(try Self.decode(code.terminalLines(colour: false), glyphIsDark: false) == Self.url)
        #expect(try Self.decode(code.terminalLines(colour: true), glyphIsDark: true) == Self.url)
    }

    @Test("the drawing has the quiet zone and two module rows per line")
    func shape() throws {
        let code = try #require(QRCode(Self.url))
        let lines = code.terminalLines(colour: false)
        let side = code.size + 2 * QRCode.quietZone
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.count == side })
        #expect(lines.first == String(repeating: "█", count: side), "the quiet zone is light all round")
        #expect(code.size >= 21 && (code.size - 17) % 4 == 0)
    }

    @Test("the SVG for the presenter view is the same matrix")
    func svg() throws {
        let code = try #require(QRCode(Self.url))
        let svg = code.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == code.modules.filter { $0 }.count)
    }

    /// Turns half-block lines back into a PGM image, four pixels per module, and decodes it.
    static func decode(_ lines: [String], glyphIsDark: Bool) throws -> String {
        let scale = 4
        let plain = lines.map { $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) }
        let width = (plain.first?.count ?? 0) * scale
        var pixels: [UInt8] = []
        for line in plain {
            for half in 0..<2 {
                var row: [UInt8] = []
                for character in line {
                    let glyph = character == "█" || (half == 0 ? character == "▀" : character == "▄")
                    row += Array(repeating: glyph == glyphIsDark ? 0 : 255, count: scale)
                }
                for _ in 0..<scale { pixels += row }
            }
        }
        let height = pixels.count / width
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("twofold-qr-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: file) }
        try (Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)).write(to: file)
        let scan = try ChildProcess.run("/usr/bin/zbarimg", arguments: ["--raw", "-q", file.path],
                                        environment: ProcessInfo.processInfo.environment)
        return scan.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
