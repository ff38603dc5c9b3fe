import Foundation
import TwofoldTestSupport

/// The built `twofold` executable that the end-to-end tests run.
///
/// SwiftPM builds it into the same folder as the test bundle (`.build/<triple>/<config>`),
/// whatever the scratch path. `TWOFOLD_BINARY` overrides the search.
let twofoldBinary: URL = locateBuiltExecutable("twofold", override: "TWOFOLD_BINARY")

/// The built `twofold-fuzz` replayer (`TWOFOLD_FUZZ_BINARY` overrides the search).
let fuzzReplayer: URL = locateBuiltExecutable("twofold-fuzz", override: "TWOFOLD_FUZZ_BINARY")

/// Looks for the executable `name` beside the running test executable or bundle, then a
/// few folders up (a macOS `.xctest` bundle nests its executable three folders deep).
func locateBuiltExecutable(_ name: String, override variable: String) -> URL {
    let environment = ProcessInfo.processInfo.environment
    if let override = environment[variable], !override.isEmpty {
        return URL(fileURLWithPath: override)
    }
    var starts: [URL] = []
    if let executable = Bundle.main.executableURL {
        starts.append(executable.deletingLastPathComponent())
    }
    if let first = CommandLine.arguments.first {
        starts.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        starts.append(bundle.bundleURL.deletingLastPathComponent())
    }
    for start in starts {
        var folder = start.standardizedFileURL.resolvingSymlinksInPath()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name, isDirectory: false)
            if isExecutableFile(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
    }
    // Not found: point at the default debug build so the failure names a real place.
    return repositoryRoot.appendingPathComponent(".build/debug/\(name)", isDirectory: false)
}

/// Whether `url` is an executable regular file (not a folder such as `Sources/twofold`).
private func isExecutableFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
        && FileManager.default.isExecutableFile(atPath: url.path)
}
