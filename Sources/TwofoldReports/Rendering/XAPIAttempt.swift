import Foundation

/// The attempt an xAPI statement belongs to: its registration, who played, which scenario,
/// the cohort and group session, and the IRI base.
///
/// Everything here is known when an attempt starts, so an `answered` statement can be built
/// at the moment of its step, and it is all in the finished report, so the report's export
/// builds the very same statement.
public struct XAPIAttempt: Sendable, Equatable {
    /// The attempt's id as the report has it.
    public let attemptId: String
    /// `context.registration`: the attempt id when it is a UUID (lowercase), else a UUID derived from it.
    public let registration: String
    public let learner: String
    public let email: String?
    public let cohort: String?
    public let groupSessionId: String?
    public let scenarioId: String
    public let scenarioTitle: String
    public let vocabulary: XAPIVocabulary
    /// The parts every statement of the attempt shares, made once.
    let actor: JSONValue
    let scenarioIRI: String
    private let contexts: [JSONValue]

    public init(attemptId: String, learner: String, email: String? = nil, cohort: String? = nil,
                groupSessionId: String? = nil, scenarioId: String, scenarioTitle: String,
                baseIRI: String = XAPIStatements.defaultBaseIRI) {
        self.attemptId = attemptId
        registration = XAPIStatements.registration(attemptId: attemptId)
        self.learner = learner
        self.email = email.flatMap { $0.isEmpty ? nil : $0 }
        self.cohort = cohort.flatMap { $0.isEmpty ? nil : $0 }
        self.groupSessionId = groupSessionId
        self.scenarioId = scenarioId
        self.scenarioTitle = scenarioTitle
        let vocabulary = XAPIVocabulary(base: baseIRI)
        self.vocabulary = vocabulary
        scenarioIRI = vocabulary.scenario(scenarioId)
        actor = Self.actor(learner: learner, email: self.email, vocabulary: vocabulary)
        var contexts: [JSONValue] = []
        for aboutActivity in [false, true] {
            for parent in [false, true] {
                contexts.append(Self.context(registration: registration, cohort: self.cohort, groupSessionId: groupSessionId,
                                             scenarioIRI: scenarioIRI, vocabulary: vocabulary, aboutActivity: aboutActivity,
                                             parent: parent))
            }
        }
        self.contexts = contexts
    }

    /// The attempt of a report.
    public init(_ report: LearnerReport, baseIRI: String = XAPIStatements.defaultBaseIRI) {
        self.init(attemptId: report.attemptId, learner: report.learner.name, email: report.learner.email,
                  cohort: report.cohort, groupSessionId: report.session.groupSessionId,
                  scenarioId: report.scenario.id, scenarioTitle: report.scenario.title, baseIRI: baseIRI)
    }

    /// The statement context: the registration, and the cohort and group session as extensions.
    /// `platform` and `language` belong to statements about an activity only.
    func context(aboutActivity: Bool = true, parent: Bool = false) -> JSONValue {
        contexts[(aboutActivity ? 2 : 0) + (parent ? 1 : 0)]
    }

    /// An Agent identified by email (`mbox`) when known, otherwise by an account on the base IRI.
    private static func actor(learner: String, email: String?, vocabulary: XAPIVocabulary) -> JSONValue {
        let name = ReportText.clean(learner)
        var agent: [String: JSONValue] = ["objectType": .string("Agent"), "name": .string(name)]
        if let email {
            agent["mbox"] = .string("mailto:" + ReportText.clean(email))
        } else {
            agent["account"] = .object(["homePage": .string(vocabulary.base), "name": .string(name)])
        }
        return .object(agent)
    }

    private static func context(registration: String, cohort: String?, groupSessionId: String?, scenarioIRI: String,
                                vocabulary: XAPIVocabulary, aboutActivity: Bool, parent: Bool) -> JSONValue {
        var context: [String: JSONValue] = ["registration": .string(registration)]
        if aboutActivity {
            context["platform"] = .string(XAPIVocabulary.platform)
            context["language"] = .string("en-US")
        }
        var extensions: [String: JSONValue] = [:]
        if let cohort { extensions[vocabulary.extensionIRI(.cohort)] = .string(ReportText.clean(cohort)) }
        if let groupSessionId { extensions[vocabulary.extensionIRI(.groupSession)] = .string(ReportText.clean(groupSessionId)) }
        if !extensions.isEmpty { context["extensions"] = .object(extensions) }
        if parent {
            context["contextActivities"] = .object(["parent": .array([.object([
                "objectType": .string("Activity"), "id": .string(scenarioIRI),
            ])])])
        }
        return .object(context)
    }
}
