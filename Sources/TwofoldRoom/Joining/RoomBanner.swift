/// What the facilitator's terminal shows about the room, and keeps on screen: the join
/// line (`Join: <url>`, which tools read), the code, the QR code of the address, and the
/// presenter view's address with its key — shown here and nowhere else.
public enum RoomBanner {
    /// The banner's lines; `qr` draws the QR code (in colour or not), nil leaves it out.
    public static func lines(joinURL: String, code: String, presenterURL: String, qr colour: Bool?) -> [String] {
        var lines = ["Join: \(joinURL)", "Code: \(spaced(code))"]
        if let colour, let qr = QRCode(joinURL) {
            lines += qr.terminalLines(colour: colour)
        }
        lines.append("Presenter view (keep this to yourself): \(presenterURL)")
        return lines
    }

    /// `K7M QX4`: a code read aloud in two halves.
    public static func spaced(_ code: String) -> String {
        code.count == 6 ? "\(code.prefix(3)) \(code.suffix(3))" : code
    }
}
