import TwofoldCore

/// Why a file could not be read or written, in words a person can act on.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case notFound
        /// A FIFO, a device, a socket or a folder where a file was expected.
        case notRegular(String)
        case tooLarge(limit: Int)
        case unreadable(String)
        case cannotCreateFolder(String)
        case cannotWrite(String)
        /// Every free name for a new file was taken.
        case noFreeName
    }

    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// One line: the path (made safe to print) and the reason.
    public var description: String {
        let shown = TextSafety.message(path)
        switch kind {
        case .notFound: return "\(shown): no such file or folder"
        case .notRegular(let what): return "\(shown): not a regular file (\(what))"
        case .tooLarge(let limit): return "\(shown): larger than \(FileError.size(limit)), so not read"
        case .unreadable(let reason): return "\(shown): cannot be read (\(reason))"
        case .cannotCreateFolder(let reason): return "cannot create the folder \(shown) (\(reason))"
        case .cannotWrite(let reason): return "cannot write \(shown) (\(reason))"
        case .noFreeName: return "cannot find a free file name like \(shown)"
        }
    }

    /// The exit status a command ends with for this failure
    /// (sysexits: 65 data error, 66 no input, 73 cannot create).
    public var exitCode: Int32 {
        switch kind {
        case .tooLarge: return 65  // there is a file, and it is too large to be what was asked for
        case .notFound, .notRegular, .unreadable: return 66
        case .cannotCreateFolder, .cannotWrite, .noFreeName: return 73
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }
}
