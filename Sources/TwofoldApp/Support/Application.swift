import Foundation
import TwofoldCore
import TwofoldLRS
import TwofoldReports
import TwofoldStore

/// Everything a command needs, built from where files go, the scenario library, a clock
/// and the environment: the records store (opened on first use, its folder made then), the
/// learning-record settings and delivery, the report sink, and the services over them.
/// Tests build one on a temporary folder.
public final class Application: @unchecked Sendable {
    public let paths: Paths
    public let library: ScenarioLibrary
    public let clock: any Clock
    /// Where the learning-record settings are read (with ``Paths/configFile``).
    public let environment: [String: String]
    private let lock = NSLock()
    private var opened: RecordsStore?
    private var settings: LRSSettings?
    private var records: LearningRecords?

    public init(paths: Paths = Paths(), library: ScenarioLibrary = .standard(), clock: any Clock = SystemClock(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.paths = paths
        self.library = library
        self.clock = clock
        self.environment = environment
    }

    /// The learning-record settings: the environment over the configuration file.
    /// - Throws: ``AppError`` with the one-line reason when either is malformed.
    public func lrsSettings() throws -> LRSSettings {
        try lock.withLock {
            if let settings { return settings }
            do {
                let path = paths.configFile
                let data: Data?
                do { data = try FileSystem.read(path, limit: ConfigFile.sizeLimit) } catch let error as FileError where error.kind == .notFound {
                    data = nil
                }
                let loaded = try LRSSettings.load(environment: environment, configFile: ConfigFile.Contents(path: path, data: data))
                settings = loaded
                return loaded
            } catch let error as FileError {
                throw AppError("learning record settings: " + error.description)
            } catch {
                throw AppError("learning record settings: " + TextSafety.message("\(error)"))
            }
        }
    }

    /// Where this process's learning records go (one for the process, its worker started
    /// by the first session that records).
    public func learningRecords() throws -> LearningRecords {
        let settings = try lrsSettings()
        let store = try self.store()
        return lock.withLock {
            if let records { return records }
            let made = LearningRecords(settings: settings, store: store, configFile: paths.configFile)
            records = made
            return made
        }
    }

    /// The IRI base of xAPI activities and extensions.
    /// - Throws: ``AppError`` when the learning-record settings are malformed.
    public func xAPIBaseIRI() throws -> String { try lrsSettings().xapiBase }

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

    /// Where reports are written, with the configured xAPI base.
    public func sink() throws -> ReportSink { ReportSink(defaultFolder: paths.reportsDirectory, xAPIBaseIRI: try xAPIBaseIRI()) }

    public func playService() throws -> PlayService {
        PlayService(store: try store(), sink: try sink(), clock: clock, records: try learningRecords())
    }

    public func groupService() throws -> GroupService {
        GroupService(store: try store(), sink: try sink(), clock: clock, records: try learningRecords())
    }

    public var cohortPipeline: CohortPipeline {
        CohortPipeline(library: library) { [self] in try store() }
    }
}
