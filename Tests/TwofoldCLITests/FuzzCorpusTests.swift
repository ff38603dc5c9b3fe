import Foundation
import Testing
import TwofoldTestSupport

/// The committed fuzz corpus as a regression test: every seed and every input that once
/// broke a target, replayed through the normal build of `twofold-fuzz`.
@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    static let fuzzFolder = repositoryRoot.appendingPathComponent("Tests/Fuzz")

    /// The targets `twofold-fuzz --list` names.
    static func targets() throws -> [String] {
        let list = try ChildProcess.run(fuzzReplayer.path, arguments: ["--list"], environment: [:])
        #expect(list.status == 0, "\(list.stderr)")
        return list.stdout.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) }
    }

    @Test("every target has a seed corpus, and every corpus folder a target")
    func corpusPerTarget() throws {
        let targets = try Self.targets()
        #expect(targets.count >= 3)
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder.path)
            .filter { !$0.hasPrefix(".") && !$0.contains(".") }
        #expect(Set(folders) == Set(targets))
        for target in targets {
            let seeds = (try? FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder.appendingPathComponent("\(target)/corpus").path)) ?? []
            #expect(!seeds.isEmpty, "\(target) has seeds")
        }
    }

    @Test("every seed and regression input replays cleanly")
    func replay() throws {
        for target in try Self.targets() {
            let folder = Self.fuzzFolder.appendingPathComponent(target)
            let files = FileManager.default.enumerator(atPath: folder.path)?.allObjects.compactMap { $0 as? String }
                .filter { !$0.hasPrefix(".") && !$0.contains("/.") && !$0.hasSuffix("corpus") && !$0.hasSuffix("regressions") } ?? []
            let result = try ChildProcess.run(fuzzReplayer.path, arguments: [target, folder.path],
                                              environment: ["SWIFT_BACKTRACE": "enable=no"], timeout: .seconds(120))
            #expect(result.status == 0, "\(target): the last input named broke it:\n\(result.stderr.split(separator: "\n").suffix(3).joined(separator: "\n"))")
            #expect(result.stdout.contains("\(target): \(files.count) input"), "\(result.stdout)")
        }
    }
}
