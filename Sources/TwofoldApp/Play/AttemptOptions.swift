import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// How an attempt was started, kept with its saved session so `twofold resume` writes
/// the same reports to the same place: the report folder and formats, the cohort, the
/// learner's e-mail and the mode.
public struct AttemptOptions: Codable, Sendable, Equatable {
    public var cohort: String?
    /// The folder for report files; nil for the default reports folder.
    public var out: String?
    public var formats: [ReportFormat]
    public var email: String?
    public var mode: AttemptMode

    public init(cohort: String? = nil, out: String? = nil, formats: [ReportFormat] = ReportFormat.defaults,
                email: String? = nil, mode: AttemptMode = .practice) {
        self.cohort = cohort.flatMap { $0.isEmpty ? nil : $0 }
        self.out = out.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.formats = formats
        self.email = email.flatMap { $0.isEmpty ? nil : $0 }
        self.mode = mode
    }

    /// These options with any given on the command line at resume taking their place.
    public func overridden(by changes: Overrides) -> AttemptOptions {
        var options = self
        if let out = changes.out { options.out = URL(fileURLWithPath: out).standardizedFileURL.path }
        if let formats = changes.formats { options.formats = formats }
        if let email = changes.email { options.email = email }
        if let cohort = changes.cohort { options.cohort = cohort }
        return options
    }

    /// Options given again when a session is resumed.
    public struct Overrides: Sendable, Equatable {
        public var out: String?
        public var formats: [ReportFormat]?
        public var email: String?
        public var cohort: String?

        public init(out: String? = nil, formats: [ReportFormat]? = nil, email: String? = nil, cohort: String? = nil) {
            self.out = out
            self.formats = formats
            self.email = email
            self.cohort = cohort
        }

        public var isEmpty: Bool { out == nil && formats == nil && email == nil && cohort == nil }

        /// `--out, --format` for the note a resume prints.
        public var names: [String] {
            [out.map { _ in "--out" }, formats.map { _ in "--format" }, email.map { _ in "--learner-email" },
             cohort.map { _ in "--cohort" }].compactMap { $0 }
        }
    }

    func encoded() -> Data? { try? JSONEncoder().encode(self) }

    static func decode(_ data: Data?) -> AttemptOptions? { data.flatMap { try? JSONDecoder().decode(AttemptOptions.self, from: $0) } }

    /// The options a saved session was started with (for a session saved before options
    /// were kept: its cohort, `mode` — by default what its kind says — and the defaults).
    public static func saved(in record: SessionRecord, mode: AttemptMode? = nil) -> AttemptOptions {
        decode(record.options) ?? AttemptOptions(cohort: record.cohort, mode: mode ?? (record.kind == "group" ? .group : .practice))
    }
}

extension ReportFormat: Codable {}
