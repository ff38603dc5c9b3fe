import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// Everything a command needs, built from where files go, the scenario library and a
/// clock: the records store (opened on first use, its folder made then), the report sink,
/// and the services over them. Tests build one on a temporary folder.
public final class Application: @unchecked Sendable {
    public let paths: Paths
    public let library: ScenarioLibrary
    public let clock: any Clock
    public let xAPIBaseIRI: String
    private let lock = NSLock()
    private var opened: RecordsStore?

    public init(paths: Paths = Paths(), library: ScenarioLibrary = .standard(), clock: any Clock = SystemClock(),
                xAPIBaseIRI: String = XAPIStatements.defaultBaseIRI) {
        self.paths = paths
        self.library = library
        self.clock = clock
        self.xAPIBaseIRI = xAPIBaseIRI
    }

    /// The records store, opened (and created, in a private folder) on first use.
    public func store() throws -> RecordsStore {
        try lock.withLock {
            if let opened { return opened }
            do {
                try FileSystem.createFolder(paths.dataDirectory, private: true)
                let store = try RecordsStore(path: paths.databaseFile)
                opened = store
                return store
            } catch let error as FileError {
                throw AppError("cannot open the records store: " + error.description, exitCode: 74)
            } catch {
                throw AppError("cannot open the records store: \(TextSafety.message("\(error)"))", exitCode: 74)
            }
        }
    }

    public var sink: ReportSink { ReportSink(defaultFolder: paths.reportsDirectory, xAPIBaseIRI: xAPIBaseIRI) }

    public func playService() throws -> PlayService { PlayService(store: try store(), sink: sink, clock: clock) }

    public func groupService() throws -> GroupService { GroupService(store: try store(), sink: sink, clock: clock) }

    public var cohortPipeline: CohortPipeline {
        CohortPipeline(library: library) { [self] in try store() }
    }
}
