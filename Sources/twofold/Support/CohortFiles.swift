import Foundation

/// The files `twofold cohort` reads, in a fixed order, found without holding more than one
/// folder's names at a time.
///
/// Arguments are taken in the order given. A file argument is read whatever its name; a
/// folder is walked depth-first with the names of each folder in byte order, reading
/// `*.json` files except `*.xapi.json` (xAPI exports sit beside reports), and skipping
/// hidden names (`.git`, temporary files) and symbolic links to folders (no cycles).
/// Each folder's names are kept packed in one byte buffer while it is walked, about
/// 50 bytes a report, so a flat folder of 100,000 reports costs a few megabytes.
struct CohortFiles: IteratorProtocol {
    /// A file to read, or an argument that cannot be.
    enum Item {
        /// `named`: given as an argument, not found in a folder or the records store.
        case file(path: String, named: Bool)
        case problem(path: String, reason: String)
    }

    private var arguments: [(path: String, named: Bool)]
    private var nextArgument = 0
    private var stack: [Folder] = []

    init(paths: [String], named: Bool = true) {
        arguments = paths.map { ($0, named) }
    }

    /// Adds files named by the records store (read after the arguments, and quiet like
    /// files found in a folder).
    mutating func append(storeFiles: [String]) {
        arguments += storeFiles.map { ($0, false) }
    }

    mutating func next() -> Item? {
        while true {
            if var folder = stack.popLast() {
                guard let (name, isFolder) = folder.next() else { continue }
                let path = folder.path.hasSuffix("/") ? folder.path + name : folder.path + "/" + name
                stack.append(folder)
                if isFolder {
                    switch Folder.open(path) {
                    case .success(let child): stack.append(child)
                    case .failure(let error): return .problem(path: path, reason: error.reason)
                    }
                    continue
                }
                return .file(path: path, named: false)
            }
            guard nextArgument < arguments.count else { return nil }
            let (path, named) = arguments[nextArgument]
            nextArgument += 1
            var info = stat()
            guard stat(path, &info) == 0 else {
                return .problem(path: path, reason: errno == ENOENT ? "no such file or folder" : String(cString: strerror(errno)))
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                switch Folder.open(path) {
                case .success(let folder): stack.append(folder)
                case .failure(let error): return .problem(path: path, reason: error.reason)
                }
                continue
            }
            return .file(path: path, named: named)
        }
    }

    /// One folder's wanted entries, sorted, packed into one buffer.
    private struct Folder {
        let path: String
        private var bytes: [UInt8] = []
        /// Start of each name in `bytes`, with its end and kind, in sorted order.
        private var entries: [(start: Int32, end: Int32, isFolder: Bool)] = []
        private var position = 0

        mutating func next() -> (String, Bool)? {
            guard position < entries.count else { return nil }
            let entry = entries[position]
            position += 1
            let name = bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.end)]), as: UTF8.self)
            }
            return (name, entry.isFolder)
        }

        static func open(_ path: String) -> Result<Folder, FolderError> {
            guard let handle = opendir(path) else { return .failure(FolderError(String(cString: strerror(errno)))) }
            defer { closedir(handle) }
            var folder = Folder(path: path)
            while let entry = readdir(handle) {
                let (name, length) = withUnsafeBytes(of: entry.pointee.d_name) { raw -> ([UInt8], Int) in
                    let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                    return (Array(raw.prefix(length)), length)
                }
                guard length > 0, name[0] != UInt8(ascii: ".") else { continue }
                guard let isFolder = kind(of: entry.pointee.d_type, name: name, in: path) else { continue }
                if !isFolder && !(hasSuffix(name, ".json") && !hasSuffix(name, ".xapi.json")) { continue }
                let start = Int32(folder.bytes.count)
                folder.bytes += name
                folder.entries.append((start, Int32(folder.bytes.count), isFolder))
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

        /// True for a folder, false for a regular file, nil for anything else (and for a
        /// symbolic link to a folder).
        private static func kind(of type: UInt8, name: [UInt8], in folder: String) -> Bool? {
            switch Int32(type) {
            case Int32(DT_DIR): return true
            case Int32(DT_REG): return false
            default:
                let path = folder + "/" + String(decoding: name, as: UTF8.self)
                var info = stat()
                guard lstat(path, &info) == 0 else { return nil }
                if info.st_mode & S_IFMT == S_IFLNK {
                    guard stat(path, &info) == 0 else { return nil }
                    return info.st_mode & S_IFMT == S_IFREG ? false : nil
                }
                if info.st_mode & S_IFMT == S_IFDIR { return true }
                return info.st_mode & S_IFMT == S_IFREG ? false : nil
            }
        }

        private static func hasSuffix(_ name: [UInt8], _ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard name.count >= count else { return false }
            return name.withUnsafeBufferPointer { memcmp($0.baseAddress! + name.count - count, suffix.utf8Start, count) == 0 }
        }
    }

    struct FolderError: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
