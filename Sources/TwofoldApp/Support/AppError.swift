import TwofoldCore

/// A failure a command reports as one line on standard error (`twofold: error: …`) with
/// an exit status. The wording of the application's failures lives here and in
/// ``FileError``, so every command says the same thing the same way.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line shown after `twofold: error: `, already safe to print.
    public var message: String
    /// Exit status: 1 when a command fails, 64 for bad usage, 65 for bad input data,
    /// 66 for missing input, 73 when output cannot be created, 74 for the records store.
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }

    public init(_ error: FileError) { self.init(error.description, exitCode: error.exitCode) }

    /// Any failure as one line: file and application failures keep their wording and
    /// status, anything else is shown as it describes itself (made safe to print).
    public static func from(_ error: any Error) -> AppError {
        switch error {
        case let error as AppError: return error
        case let error as FileError: return AppError(error)
        default: return AppError(TextSafety.message("\(error)"))
        }
    }

    // MARK: Scenarios

    static func noSuchScenario(_ reference: String) -> AppError {
        AppError("no scenario \"\(TextSafety.message(reference))\" in the library; `twofold list` shows the ids", exitCode: 66)
    }

    static func scenarioHasErrors(_ path: String) -> AppError {
        AppError("\(TextSafety.message(path)) has errors; fix them (see `twofold lint \(TextSafety.message(path))`) and try again")
    }

    // MARK: The records store

    static func store(_ error: any Error) -> AppError {
        AppError(TextSafety.message("\(error)"), exitCode: 74)
    }

    /// A step of a session in progress could not be saved; what came before it was.
    /// `earlier` names what is kept ("decisions", "steps").
    public static func stepNotSaved(_ error: any Error, earlier: String) -> AppError {
        AppError("your last step could not be saved (\(TextSafety.message("\(error)"))). Your \(earlier) before it are saved: "
                 + "make room on the disk, then continue with `twofold resume`", exitCode: 74)
    }

    // MARK: Reports

    static func unreadableReport(_ path: String, _ reason: any Error) -> AppError {
        AppError("\(TextSafety.message(path)): \(TextSafety.message("\(reason)"))", exitCode: 65)
    }
}

/// Wraps a failure to build something internally consistent (a report of a session
/// that does not replay, say); shown like any other failure.
public struct InternalFailure: Error, CustomStringConvertible {
    public var description: String
}
