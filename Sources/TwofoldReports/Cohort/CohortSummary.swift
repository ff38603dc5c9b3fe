import Foundation
import TwofoldCore

/// The debrief of a cohort, built one attempt at a time.
///
/// ``add(_:)`` folds a ``CohortRow`` into per-scenario tallies and keeps nothing else of
/// it: percents go into 101-bin histograms (exact mean, median and quartiles in constant
/// memory), profiles, endings, choices and chart positions into counters bounded by the
/// scenario's size, and each learner keeps a few numbers per attempt for the learners
/// table. So memory grows with the number of learners, never with the size of reports,
/// and feeding rows one by one gives the same summary as any other order.
public struct CohortSummary: Sendable {
    /// Attempts merged.
    public private(set) var attempts = 0
    /// Files named on standard error and left out (not reports, newer versions, unknown scenarios).
    public var skippedFiles = 0
    /// Attempts left out because an earlier file held the same attempt.
    public var duplicateAttempts = 0
    /// The filter the attempts passed.
    public var filter: CohortFilter

    private var outlines: [String: ScenarioOutline]
    private var tallies: [String: ScenarioTally] = [:]
    private var learnerNames = Set<String>()

    /// A summary that will use `outlines` (from the scenario library) for choice and
    /// ending texts and for the order of decisions.
    public init(outlines: [ScenarioOutline] = [], filter: CohortFilter = CohortFilter()) {
        self.outlines = Dictionary(outlines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.filter = filter
    }

    /// Folds one attempt in.
    public mutating func add(_ row: CohortRow) {
        attempts += 1
        learnerNames.insert(row.learnerKey)
        if tallies[row.scenarioId] == nil {
            tallies[row.scenarioId] = ScenarioTally(row: row, outline: outlines[row.scenarioId])
        }
        tallies[row.scenarioId]!.add(row)
    }

    /// Distinct learners over every scenario (see ``CohortRow/learnerKey``).
    public var learners: Int { learnerNames.count }

    /// One summary per scenario, by title then id.
    public var scenarios: [ScenarioSummary] {
        tallies.values.map(\.summary).sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }
}

/// The running counts of one scenario.
struct ScenarioTally: Sendable {
    let id: String
    /// The library's title, else the smallest title the reports give (so order never matters).
    var title: String
    /// The library's threshold, else the lowest the reports give.
    var threshold: Int
    let outline: ScenarioOutline?
    var attempts = 0
    var manager = PercentHistogram()
    var leader = PercentHistogram()
    var profiles = [Int](repeating: 0, count: ProfileKey.allCases.count)
    /// Ending scene → (the smallest title seen, count).
    var endings: [String: (title: String, count: Int)] = [:]
    /// Scene → choice id (nil: abstention) → picks.
    var picks: [String: [String?: Int]] = [:]
    /// Chart position (manager × 101 + leader) → attempts there.
    var points: [Int: Int] = [:]
    var learners: [String: LearnerTrack] = [:]
    var balanced: AxisValues<Int>?
    var takeBacks = 0
    var attemptsWithTakeBacks = 0
    var restarts = 0

    init(row: CohortRow, outline: ScenarioOutline?) {
        id = row.scenarioId
        title = outline?.title ?? row.scenarioTitle
        threshold = outline?.profileThreshold ?? row.profileThreshold
        self.outline = outline
    }

    mutating func add(_ row: CohortRow) {
        attempts += 1
        if outline == nil {
            if row.scenarioTitle < title { title = row.scenarioTitle }
            threshold = Swift.min(threshold, row.profileThreshold)
        }
        manager.add(row.manager.percent)
        leader.add(row.leader.percent)
        profiles[ProfileKey.allCases.firstIndex(of: row.profile)!] += 1
        endings[row.endingScene, default: (row.endingTitle, 0)].count += 1
        if row.endingTitle < endings[row.endingScene]!.title { endings[row.endingScene]!.title = row.endingTitle }
        for pick in row.choices {
            picks[pick.scene, default: [:]][pick.choice, default: 0] += 1
        }
        let position = clamp(row.manager.percent) * 101 + clamp(row.leader.percent)
        points[position, default: 0] += 1
        learners[row.learnerKey, default: LearnerTrack()].add(row)
        takeBacks += row.integrity.takeBacks
        if row.integrity.takeBacks > 0 { attemptsWithTakeBacks += 1 }
        restarts += row.integrity.restarts
        // The scenario's balanced path is the same in every report of one version of it;
        // keep the highest seen, so the order of reports never matters.
        if let landing = row.balanced, balanced.map({ (landing.manager, landing.leader) > ($0.manager, $0.leader) }) ?? true {
            balanced = landing
        }
    }

    private func clamp(_ percent: Int) -> Int { Swift.max(0, Swift.min(100, percent)) }
}

/// One learner's attempts at one scenario: a few numbers each.
struct LearnerTrack: Sendable {
    var name = ""
    var email: String?
    var cohort: String?
    var attempts: [Brief] = []

    struct Brief: Sendable {
        var attemptId: String
        var finishedAt: Date
        var manager: Int
        var leader: Int
        var profile: ProfileKey
        var endingScene: String
        var session: LearnerReport.Session.Kind
    }

    mutating func add(_ row: CohortRow) {
        name = row.learner
        email = row.email
        let brief = Brief(attemptId: row.attemptId, finishedAt: row.finishedAt, manager: row.manager.percent,
                          leader: row.leader.percent, profile: row.profile, endingScene: row.endingScene,
                          session: row.session)
        // Kept in finishing order; the cohort shown is the latest attempt's.
        let index = attempts.firstIndex { ($0.finishedAt, $0.attemptId) > (brief.finishedAt, brief.attemptId) } ?? attempts.endIndex
        attempts.insert(brief, at: index)
        if index == attempts.endIndex - 1 { cohort = row.cohort }
    }
}
