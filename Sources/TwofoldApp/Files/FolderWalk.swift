import Foundation

/// The files a command reads from paths given to it, in a fixed order, found without
/// holding more than one folder's names at a time.
///
/// Paths are taken in the order given. A file path is taken whatever its name; a folder
/// is walked depth-first with the names of each folder in byte order, yielding the files
/// its ``Selection`` wants and skipping hidden names (`.git`, temporary files) and
/// symbolic links to folders (no cycles). An entry the selection wants by name that is
/// not a regular file — a FIFO, a device, a dangling link — is yielded as a problem,
/// never opened, so the caller can name and count it. Each folder's names are kept
/// packed in one byte buffer while it is walked, about 50 bytes a file, so a flat folder
/// of 100,000 reports costs a few megabytes.
public struct FolderWalk: IteratorProtocol {
    /// A file to read, or a path that cannot be.
    public enum Item: Sendable, Equatable {
        /// `named`: given as a path, not found in a folder.
        case file(path: String, named: Bool)
        case problem(path: String, reason: String)
    }

    /// Which files and folders a walk takes.
    public struct Selection: Sendable {
        /// Files whose names end in `suffix`, except those ending in one of `excluded`.
        public var suffix: String
        public var excluded: [String]
        /// Folder names not walked into.
        public var skippedFolders: Set<String>

        public init(suffix: String, excluded: [String] = [], skippedFolders: Set<String> = []) {
            self.suffix = suffix
            self.excluded = excluded
            self.skippedFolders = skippedFolders
        }

        /// Scenario files: `*.json`, passing over `schema` folders (the JSON Schema lives there).
        public static let scenarios = Selection(suffix: ".json", skippedFolders: ["schema"])
        /// Learner reports: `*.json` except xAPI exports (`*.xapi.json`), which sit beside them.
        public static let reports = Selection(suffix: ".json", excluded: [".xapi.json"])

        func wants(_ name: [UInt8]) -> Bool {
            Self.hasSuffix(name, suffix) && !excluded.contains { Self.hasSuffix(name, $0) }
        }

        static func hasSuffix(_ name: [UInt8], _ suffix: String) -> Bool {
            let tail = Array(suffix.utf8)
            return name.count >= tail.count && name[(name.count - tail.count)...].elementsEqual(tail)
        }
    }

    private let selection: Selection
    private var paths: [(path: String, named: Bool)]
    private var nextPath = 0
    private var stack: [Folder] = []

    public init(paths: [String], selection: Selection, named: Bool = true) {
        self.selection = selection
        self.paths = paths.map { ($0, named) }
    }

    /// Adds paths to read after the others, quiet like files found in a folder (the
    /// records store's report files, say).
    public mutating func append(quiet files: [String]) {
        paths += files.map { ($0, false) }
    }

    public mutating func next() -> Item? {
        while true {
            if var folder = stack.popLast() {
                guard let entry = folder.next() else { continue }
                let path = folder.path.hasSuffix("/") ? folder.path + entry.name : folder.path + "/" + entry.name
                stack.append(folder)
                switch entry.kind {
                case .folder:
                    switch Folder.open(path, selection: selection) {
                    case .success(let child): stack.append(child)
                    case .failure(let error): return .problem(path: path, reason: error.reason)
                    }
                    continue
                case .file:
                    return .file(path: path, named: false)
                case .other(let what):
                    return .problem(path: path, reason: "not a regular file (\(what)); skipped")
                }
            }
            guard nextPath < paths.count else { return nil }
            let (path, named) = paths[nextPath]
            nextPath += 1
            switch FileSystem.kind(of: path) {
            case nil:
                return .problem(path: path, reason: "no such file or folder")
            case .folder?:
                switch Folder.open(path, selection: selection) {
                case .success(let folder): stack.append(folder)
                case .failure(let error): return .problem(path: path, reason: error.reason)
                }
            case .file?:
                return .file(path: path, named: named)
            case .other(let what)?:
                return .problem(path: path, reason: "not a regular file (\(what))")
            }
        }
    }

    /// Every item at once, for the few commands whose inputs are small (lint, the library).
    public static func all(_ paths: [String], selection: Selection) -> [Item] {
        var walk = FolderWalk(paths: paths, selection: selection)
        var items: [Item] = []
        while let item = walk.next() { items.append(item) }
        return items
    }

    /// One folder's wanted entries, sorted, packed into one buffer.
    private struct Folder {
        enum EntryKind { case file, folder, other(String) }

        let path: String
        private var bytes: [UInt8] = []
        /// Start of each name in `bytes`, with its end and kind, in sorted order.
        private var entries: [(start: Int32, end: Int32, kind: EntryKind)] = []
        private var position = 0

        mutating func next() -> (name: String, kind: EntryKind)? {
            guard position < entries.count else { return nil }
            let entry = entries[position]
            position += 1
            let name = bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.end)]), as: UTF8.self)
            }
            return (name, entry.kind)
        }

        static func open(_ path: String, selection: Selection) -> Result<Folder, FolderError> {
            guard let handle = opendir(path) else { return .failure(FolderError(reason: String(cString: strerror(errno)))) }
            defer { closedir(handle) }
            var folder = Folder(path: path)
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                    Array(raw.prefix(strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)))
                }
                guard !name.isEmpty, name[0] != UInt8(ascii: ".") else { continue }
                guard let kind = kind(of: entry.pointee.d_type, name: name, in: path) else { continue }
                switch kind {
                case .folder where selection.skippedFolders.contains(String(decoding: name, as: UTF8.self)): continue
                case .file, .other: if !selection.wants(name) { continue }
                case .folder: break
                }
                let start = Int32(folder.bytes.count)
                folder.bytes += name
                folder.entries.append((start, Int32(folder.bytes.count), kind))
            }
            folder.bytes.withUnsafeBufferPointer { buffer in
                folder.entries.sort { a, b in
                    let (la, lb) = (Int(a.end - a.start), Int(b.end - b.start))
                    let order = memcmp(buffer.baseAddress! + Int(a.start), buffer.baseAddress! + Int(b.start), min(la, lb))
                    return order != 0 ? order < 0 : la < lb
                }
            }
            return .success(folder)
        }

        /// A folder, a regular file, or something else (a FIFO, a device, a dangling
        /// link); nil for a symbolic link to a folder, which is never followed.
        private static func kind(of type: UInt8, name: [UInt8], in folder: String) -> EntryKind? {
            switch Int32(type) {
            case Int32(DT_DIR): return .folder
            case Int32(DT_REG): return .file
            default:
                let path = folder + "/" + String(decoding: name, as: UTF8.self)
                var info = stat()
                guard lstat(path, &info) == 0 else { return .other("cannot be examined") }
                if info.st_mode & S_IFMT == S_IFLNK {
                    guard stat(path, &info) == 0 else { return .other("a dangling link") }
                    if info.st_mode & S_IFMT == S_IFDIR { return nil }
                }
                switch FileSystem.kind(mode: info.st_mode) {
                case .folder: return .folder
                case .file: return .file
                case .other(let what): return .other(what)
                }
            }
        }
    }

    struct FolderError: Error {
        var reason: String
    }
}
