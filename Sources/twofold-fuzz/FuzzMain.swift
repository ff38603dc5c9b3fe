import Foundation

/// `twofold-fuzz TARGET [ARGUMENTS...]`: one fuzz target, run by libFuzzer or replayed.
///
/// Built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING` (see `Scripts/fuzz`), it hands
/// its arguments after TARGET to libFuzzer (corpus folders, `-max_total_time=60`, …).
/// Built normally, it replays files instead: every file given, and every file inside a
/// folder given, in name order, once each; an input that breaks the target stops the
/// process, after its path was printed on standard error. `--list` names the targets.
@main
struct FuzzMain {
    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count == 2 && arguments[1] == "--list" {
            for target in FuzzTarget.all { print("\(target.name)\t\(target.summary)") }
            return
        }
        guard arguments.count >= 2, let target = FuzzTarget.named(arguments[1]) else {
            let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: twofold-fuzz TARGET [ARGUMENTS...] (targets: \(names)), or --list\n".utf8))
            exit(64)
        }
        exit(run(target, arguments: [arguments[0]] + arguments.dropFirst(2)))
    }
}

#if FUZZING
/// libFuzzer's entry point for a program that has its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The target the callback runs; set once, before libFuzzer starts.
nonisolated(unsafe) private var current: FuzzTarget?

/// Runs one input through the current target. Also exported under the name libFuzzer's
/// own `main` (linked in with `-sanitize=fuzzer`, unused here) refers to, so the link
/// finds it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    current?.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// Runs `target` under libFuzzer with `arguments` (the program name first).
func run(_ target: FuzzTarget, arguments: [String]) -> Int32 {
    current = target
    var argc = Int32(arguments.count)
    var pointers = arguments.map { strdup($0) } + [nil]
    return pointers.withUnsafeMutableBufferPointer { buffer in
        var argv = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
    }
}
#else
/// Replays every file among `arguments` (after the program name) through `target`.
func run(_ target: FuzzTarget, arguments: [String]) -> Int32 {
    var files: [String] = []
    for path in arguments.dropFirst() {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            FileHandle.standardError.write(Data("twofold-fuzz: \(path): no such file or folder\n".utf8))
            return 66
        }
        if isFolder.boolValue {
            let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
            for name in names where !name.hasPrefix(".") && !name.contains("/.") {
                let file = (path as NSString).appendingPathComponent(name)
                var nested: ObjCBool = false
                if FileManager.default.fileExists(atPath: file, isDirectory: &nested), !nested.boolValue { files.append(file) }
            }
        } else {
            files.append(path)
        }
    }
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("twofold-fuzz: \(file): cannot be read\n".utf8))
            return 66
        }
        FileHandle.standardError.write(Data("\(target.name): \(file)\n".utf8))
        data.withUnsafeBytes { target.run($0) }
    }
    print("\(target.name): \(files.count) input\(files.count == 1 ? "" : "s") replayed")
    return 0
}
#endif
