import Testing
@testable import TwofoldTerminal

@Suite("Terminal information")
struct TerminalInfoTests {
    @Test("columns come from the window, then COLUMNS, then 80, clamped to 20...120")
    func columns() {
        #expect(TerminalInfo.columns(windowColumns: 100, environment: ["COLUMNS": "60"]) == 100)
        #expect(TerminalInfo.columns(windowColumns: nil, environment: ["COLUMNS": "60"]) == 60)
        #expect(TerminalInfo.columns(windowColumns: nil, environment: [:]) == 80)
        #expect(TerminalInfo.columns(windowColumns: nil, environment: ["COLUMNS": "wide"]) == 80)
        #expect(TerminalInfo.columns(windowColumns: 0, environment: [:]) == 80)
        #expect(TerminalInfo.columns(windowColumns: 30, environment: [:]) == 30)
        #expect(TerminalInfo.columns(windowColumns: 12, environment: [:]) == 20)
        #expect(TerminalInfo.columns(windowColumns: 300, environment: [:]) == 120)
        #expect(TerminalInfo.columnRange.contains(TerminalWindow.size.columns))
    }

    @Test("colour needs a terminal, no NO_COLOR and a TERM other than dumb")
    func colour() {
        #expect(TerminalInfo.useColour(outputIsTerminal: true, environment: ["TERM": "xterm"]))
        #expect(TerminalInfo.useColour(outputIsTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!TerminalInfo.useColour(outputIsTerminal: false, environment: [:]))
        #expect(!TerminalInfo.useColour(outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalInfo.useColour(outputIsTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test("styles produce SGR sequences only when colour is on")
    func style() {
        let on = Style(enabled: true)
        let off = Style(enabled: false)
        #expect(on.bold == "\u{1B}[1m")
        #expect(on.reset == "\u{1B}[0m")
        #expect(on.apply("ok", .bold, .green) == "\u{1B}[1;32mok\u{1B}[0m")
        for attribute in Style.Attribute.allCases {
            #expect(off.code(attribute) == "")
        }
        #expect(off.apply("ok", .red) == "ok")
    }
}
