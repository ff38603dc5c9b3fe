/// A QR code drawn for a terminal or a page.
extension QRCode {
    /// The code in half-block characters, two module rows per text row, with the quiet
    /// zone around it.
    ///
    /// With `colour` the code is drawn black on white whatever the terminal's colours
    /// are. Without colour (NO_COLOR, or not a terminal) the light modules are drawn as
    /// blocks, which reads right on the usual light-on-dark terminal.
    public func terminalLines(colour: Bool) -> [String] {
        let quiet = QRCode.quietZone
        let span = -quiet..<(size + quiet)
        var lines: [String] = []
        for top in stride(from: -quiet, to: size + quiet, by: 2) {
            var line = ""
            for column in span {
                let upper = isDark(row: top, column: column)
                let lower = top + 1 < size + quiet && isDark(row: top + 1, column: column)
                line += colour ? Self.dark(upper, lower) : Self.light(upper, lower)
            }
            lines.append(colour ? "\u{1B}[30;107m" + line + "\u{1B}[0m" : line)
        }
        return lines
    }

    /// Foreground (black) marks the dark modules.
    private static func dark(_ upper: Bool, _ lower: Bool) -> String {
        switch (upper, lower) {
        case (true, true): return "█"
        case (true, false): return "▀"
        case (false, true): return "▄"
        case (false, false): return " "
        }
    }

    /// Foreground (the terminal's light text) marks the light modules.
    private static func light(_ upper: Bool, _ lower: Bool) -> String { dark(!upper, !lower) }

    /// The code as an SVG image, one unit per module, quiet zone included.
    public func svg() -> String {
        let quiet = QRCode.quietZone
        let side = size + 2 * quiet
        var path = ""
        for row in 0..<size {
            for column in 0..<size where isDark(row: row, column: column) {
                path += "M\(column + quiet) \(row + quiet)h1v1h-1z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}
