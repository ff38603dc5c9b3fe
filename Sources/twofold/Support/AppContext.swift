import Foundation
import TwofoldCore
import TwofoldStore
import TwofoldTerminal

/// What every command that plays or records needs: where files go and the records store.
struct AppContext {
    let paths: Paths
    let store: RecordsStore

    static func open() throws -> AppContext {
        let paths = Paths()
        do {
            let store = try RecordsStore(path: paths.databaseFile)
            return AppContext(paths: paths, store: store)
        } catch {
            throw CLIError(message: "cannot open the records store: \(error)", exitCode: 74)
        }
    }

    /// A screen on standard output, sized (and resized) and coloured for the terminal.
    static func screen() -> Screen {
        Screen.terminal(colour: TerminalInfo.useColour) { text in
            Terminal.standardOutput.write(text)
        }
    }
}
