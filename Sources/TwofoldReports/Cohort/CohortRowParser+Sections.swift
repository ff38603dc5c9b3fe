import Foundation
import TwofoldCore

// The report's sections, each read into the row with its fields checked like
// `LearnerReport.decodeJSON` checks them.
extension CohortRowParser {
    mutating func learner() throws {
        var name: String?, email = false
        try object("learner") { parser, key in
            if key == LearnerReport.Learner.CodingKeys.name { try FieldProblem.once(name != nil, "learner.name"); name = try parser.string("learner.name") }
            else if key == LearnerReport.Learner.CodingKeys.email {
                try FieldProblem.once(email, "learner.email")
                parser.row.email = try parser.optionalString("learner.email")
                email = true
            } else { try parser.reader.skipValue() }
        }
        guard let name else { throw FieldProblem.missing("learner.name") }
        row.learner = name
    }

    mutating func scenario() throws {
        var id: String?, title: String?, domain = false, threshold = false
        try object("scenario") { parser, key in
            if key == LearnerReport.ScenarioInfo.CodingKeys.id { try FieldProblem.once(id != nil, "scenario.id"); id = try parser.string("scenario.id") }
            else if key == LearnerReport.ScenarioInfo.CodingKeys.title { try FieldProblem.once(title != nil, "scenario.title"); title = try parser.string("scenario.title") }
            else if key == LearnerReport.ScenarioInfo.CodingKeys.domain {
                try FieldProblem.once(domain, "scenario.domain")
                try parser.skipString("scenario.domain")
                domain = true
            } else if key == LearnerReport.ScenarioInfo.CodingKeys.profileThreshold {
                try FieldProblem.once(threshold, "scenario.profileThreshold")
                if try !parser.reader.null() { parser.row.profileThreshold = try parser.int("scenario.profileThreshold") }
                threshold = true
            } else { try parser.reader.skipValue() }
        }
        guard let id else { throw FieldProblem.missing("scenario.id") }
        guard let title else { throw FieldProblem.missing("scenario.title") }
        guard domain else { throw FieldProblem.missing("scenario.domain") }
        row.scenarioId = id
        row.scenarioTitle = title
    }

    mutating func decisions() throws {
        try expect(.array, "decisions", "an array")
        try reader.beginArray()
        var index = 0
        var picks: [CohortRow.Pick] = []
        typealias Field = LearnerReport.DecisionEntry.CodingKeys
        while try reader.nextElement() {
            var scene: String?, choice: String?, hasScene = false, hasChoice = false, hasScores = false
            var vote: String??, hasVote = false
            var seconds = 0.0, hasSeconds = false
            var badDelta: (axis: String, value: Int)?  // the first by axis name, as ReportNumbers checks them
            var pathScores = Scores(), takenBack = 0
            var alternatives: [(choice: String, scores: Scores)] = []
            try object("decisions[\(index)]") { parser, key in
                if key == Field.scene {
                    try FieldProblem.once(hasScene, "decisions[\(index)].scene")
                    if parser.includeChoices { scene = try parser.string("decisions[\(index)].scene") }
                    else { try parser.skipString("decisions[\(index)].scene") }
                    hasScene = true
                } else if key == Field.choice {
                    try FieldProblem.once(hasChoice, "decisions[\(index)].choice")
                    if parser.includeChoices { choice = try parser.string("decisions[\(index)].choice") }
                    else { try parser.skipString("decisions[\(index)].choice") }
                    hasChoice = true
                } else if key == Field.scores {
                    try FieldProblem.once(hasScores, "decisions[\(index)].scores")
                    try parser.object("decisions[\(index)].scores") { parser, key in
                        let value = try parser.int("decisions[\(index)].scores.\(key.string)")
                        if ReportNumbers.delta(value) != nil, badDelta == nil || key.string < badDelta!.axis {
                            badDelta = (key.string, value)
                        }
                        if key == Axis.manager.name { pathScores.manager = value }
                        else if key == Axis.leader.name { pathScores.leader = value }
                        else { pathScores.extra[key.string] = value }
                    }
                    hasScores = true
                } else if key == Field.seconds {
                    try FieldProblem.once(hasSeconds, "decisions[\(index)].seconds")
                    if try !parser.reader.null() { seconds = try parser.number("decisions[\(index)].seconds") }
                    hasSeconds = true
                } else if key == Field.vote {
                    try FieldProblem.once(hasVote, "decisions[\(index)].vote")
                    if try !parser.reader.null() { vote = .some(try parser.vote("decisions[\(index)].vote")) }
                    hasVote = true
                } else if key == Field.alternatives && parser.includeChoices {
                    alternatives = try parser.alternatives("decisions[\(index)].alternatives")
                } else if key == Field.takenBack && parser.includeChoices {
                    takenBack = try parser.count(array: "decisions[\(index)].takenBack")
                } else {
                    try parser.reader.skipValue()
                }
            }
            guard hasScene else { throw FieldProblem.missing("decisions[\(index)].scene") }
            guard hasChoice else { throw FieldProblem.missing("decisions[\(index)].choice") }
            guard hasScores else { throw FieldProblem.missing("decisions[\(index)].scores") }
            if includeChoices, let scene, let choice {
                let learnerChoice = LearnerReport.DecisionEntry.learnerChoice(choice: choice, vote: vote)
                let scores = learnerChoice.map { id in id == choice ? pathScores : alternatives.first { $0.choice == id }?.scores ?? Scores() } ?? Scores()
                picks.append(CohortRow.Pick(scene: scene, choice: learnerChoice, scores: scores, takenBack: takenBack))
            }
            if numberProblem == nil {
                do {
                    try ReportNumbers.check(decision: index, scores: badDelta.map { [$0.axis: $0.value] } ?? [:], seconds: seconds)
                } catch {
                    numberProblem = error
                }
            }
            index += 1
        }
        row.decisionCount = index
        row.choices = picks
    }

    /// A decision's deltas: every axis an integer, missing axes 0.
    mutating func deltas(_ path: @autoclosure () -> String) throws -> Scores {
        var scores = Scores()
        try object(path()) { parser, key in
            let value = try parser.int(path() + ".\(key.string)")
            if key == Axis.manager.name { scores.manager = value }
            else if key == Axis.leader.name { scores.leader = value }
            else { scores.extra[key.string] = value }
        }
        return scores
    }

    /// The other choices offered at a decision: each one's id and deltas.
    mutating func alternatives(_ path: @autoclosure () -> String) throws -> [(choice: String, scores: Scores)] {
        try expect(.array, path(), "an array")
        try reader.beginArray()
        var found: [(choice: String, scores: Scores)] = []
        var index = 0
        while try reader.nextElement() {
            var choice = "", scores = Scores()
            try object(path() + "[\(index)]") { parser, key in
                if key == LearnerReport.Alternative.CodingKeys.choice { choice = try parser.string(path() + "[\(index)].choice") }
                else if key == LearnerReport.Alternative.CodingKeys.scores { scores = try parser.deltas(path() + "[\(index)].scores") }
                else { try parser.reader.skipValue() }
            }
            found.append((choice, scores))
            index += 1
        }
        return found
    }

    /// How many strings an array holds.
    mutating func count(array path: @autoclosure () -> String) throws -> Int {
        try expect(.array, path(), "an array")
        try reader.beginArray()
        var count = 0
        while try reader.nextElement() {
            try skipString(path() + "[\(count)]")
            count += 1
        }
        return count
    }

    /// A group vote's choice (nil for an abstention); `participant` is required.
    mutating func vote(_ path: @autoclosure () -> String) throws -> String? {
        var participant = false, choice: String?, hasChoice = false
        try object(path()) { parser, key in
            if key == ParticipantVote.CodingKeys.participant {
                try FieldProblem.once(participant, path() + ".participant")
                try parser.skipString(path() + ".participant")
                participant = true
            } else if key == ParticipantVote.CodingKeys.choice {
                try FieldProblem.once(hasChoice, path() + ".choice")
                choice = try parser.optionalString(path() + ".choice")
                hasChoice = true
            } else { try parser.reader.skipValue() }
        }
        guard participant else { throw FieldProblem.missing(path() + ".participant") }
        return choice
    }

    mutating func scores() throws {
        var manager: AxisScore?, leader: AxisScore?
        try object("scores") { parser, key in
            if key == Axis.manager.name { try FieldProblem.once(manager != nil, "scores.manager"); manager = try parser.axis("scores.manager") }
            else if key == Axis.leader.name { try FieldProblem.once(leader != nil, "scores.leader"); leader = try parser.axis("scores.leader") }
            else {
                let name = key.string
                try FieldProblem.once(parser.extraAxes.contains { $0.name == name }, "scores.\(name)")
                parser.extraAxes.append((name, try parser.axis("scores.\(name)")))
            }
        }
        guard let manager else { throw FieldProblem.missing("scores.manager") }
        guard let leader else { throw FieldProblem.missing("scores.leader") }
        row.manager = manager
        row.leader = leader
    }

    mutating func axis(_ path: @autoclosure () -> String) throws -> AxisScore {
        var raw: Int?, min: Int?, max: Int?, percent: Int?
        try object(path()) { parser, key in
            if key == AxisScore.CodingKeys.raw { try FieldProblem.once(raw != nil, path() + ".raw"); raw = try parser.int(path() + ".raw") }
            else if key == AxisScore.CodingKeys.min { try FieldProblem.once(min != nil, path() + ".min"); min = try parser.int(path() + ".min") }
            else if key == AxisScore.CodingKeys.max { try FieldProblem.once(max != nil, path() + ".max"); max = try parser.int(path() + ".max") }
            else if key == AxisScore.CodingKeys.percent { try FieldProblem.once(percent != nil, path() + ".percent"); percent = try parser.int(path() + ".percent") }
            else { try parser.reader.skipValue() }
        }
        guard let raw else { throw FieldProblem.missing(path() + ".raw") }
        guard let min else { throw FieldProblem.missing(path() + ".min") }
        guard let max else { throw FieldProblem.missing(path() + ".max") }
        guard let percent else { throw FieldProblem.missing(path() + ".percent") }
        return AxisScore(raw: raw, min: min, max: max, percent: percent)
    }

    mutating func profile() throws {
        var found: ProfileKey?
        try object("profile") { parser, key in
            if key == LearnerReport.ProfileInfo.CodingKeys.key {
                try FieldProblem.once(found != nil, "profile.key")
                let text = try parser.string("profile.key")
                guard let profile = ProfileKey(rawValue: text) else {
                    throw FieldProblem(path: "profile.key", reason: "\"\(text)\" is not a profile (both, manager, leader or emerging)")
                }
                found = profile
            } else {
                try parser.reader.skipValue()
            }
        }
        guard let found else { throw FieldProblem.missing("profile.key") }
        row.profile = found
    }

    mutating func ending() throws {
        var scene: String?, title: String?
        try object("ending") { parser, key in
            if key == LearnerReport.EndingInfo.CodingKeys.scene { try FieldProblem.once(scene != nil, "ending.scene"); scene = try parser.string("ending.scene") }
            else if key == LearnerReport.EndingInfo.CodingKeys.title { try FieldProblem.once(title != nil, "ending.title"); title = try parser.string("ending.title") }
            else { try parser.reader.skipValue() }
        }
        guard let scene else { throw FieldProblem.missing("ending.scene") }
        guard let title else { throw FieldProblem.missing("ending.title") }
        row.endingScene = scene
        row.endingTitle = title
    }

    mutating func session() throws {
        if try reader.null() { return }
        var kind: LearnerReport.Session.Kind?, group = false
        try object("session") { parser, key in
            if key == LearnerReport.Session.CodingKeys.kind {
                try FieldProblem.once(kind != nil, "session.kind")
                let text = try parser.string("session.kind")
                guard let value = LearnerReport.Session.Kind(rawValue: text) else {
                    throw FieldProblem(path: "session.kind", reason: "\"\(text)\" is not a session kind (solo or group)")
                }
                kind = value
            } else if key == LearnerReport.Session.CodingKeys.groupSessionId {
                try FieldProblem.once(group, "session.groupSessionId")
                parser.row.groupSessionId = try parser.optionalString("session.groupSessionId")
                group = true
            } else {
                try parser.reader.skipValue()
            }
        }
        guard let kind else { throw FieldProblem.missing("session.kind") }
        row.session = kind
    }

    mutating func integrity() throws {
        if try reader.null() { return }
        var mode: AttemptMode?
        try object("integrity") { parser, key in
            typealias Field = LearnerReport.Integrity.CodingKeys
            if key == Field.mode {
                let text = try parser.string("integrity.mode")
                guard let value = AttemptMode(rawValue: text) else {
                    throw FieldProblem(path: "integrity.mode", reason: "\"\(text)\" is not a mode (practice, assessed or group)")
                }
                mode = value
            } else if key == Field.takeBacks {
                parser.row.integrity.takeBacks = try parser.count("integrity.takeBacks")
            } else if key == Field.restarts {
                parser.row.integrity.restarts = try parser.count("integrity.restarts")
            } else {
                try parser.reader.skipValue()
            }
        }
        guard let mode else { throw FieldProblem.missing("integrity.mode") }
        row.integrity.mode = mode
        integrityRecorded = true
    }

    /// A count: an integer of zero or more.
    mutating func count(_ path: @autoclosure () -> String) throws -> Int {
        let value = try int(path())
        guard value >= 0 else { throw FieldProblem(path: path(), reason: "expected a count of zero or more") }
        return value
    }

    /// The balanced path's percents; the rest of it is left unread.
    mutating func balancedPath() throws {
        if try reader.null() { return }
        var manager: Int?, leader: Int?
        try object("balancedPath") { parser, key in
            guard key == LearnerReport.BalancedPathInfo.CodingKeys.scores else { return try parser.reader.skipValue() }
            try parser.object("balancedPath.scores") { parser, key in
                let axis = key.string
                var percent: Int?
                try parser.object("balancedPath.scores.\(axis)") { parser, key in
                    if key == LearnerReport.BalancedPathInfo.Score.CodingKeys.percent {
                        percent = try parser.int("balancedPath.scores.\(axis).percent")
                    } else {
                        try parser.reader.skipValue()
                    }
                }
                if axis == Axis.manager.name { manager = percent } else if axis == Axis.leader.name { leader = percent }
            }
        }
        if let manager, let leader { row.balanced = AxisValues(manager: manager, leader: leader) }
    }
}
