/// "Did you mean …?": the known name closest to a misspelt one, when it is close enough
/// to be a typo.
///
/// Only names of plausible length are compared — at most ``maxLength`` scalars, and
/// within the allowed distance of each other in length (edit distance is at least the
/// difference in length) — so a megabyte-long key costs one pass to measure, not a
/// megabyte-squared table.
enum Suggestion {
    /// Names longer than this (in Unicode scalars) get no suggestion; ids are at most 64.
    static let maxLength = 64

    /// The closest candidate whose edit distance from `name` is at most
    /// `allowed(nameLength, candidateLength)`; the first in order wins a tie.
    static func closest<Candidates: Sequence<String>>(
        to name: String, among candidates: Candidates, ignoringCase: Bool = false,
        allowed: (_ nameLength: Int, _ candidateLength: Int) -> Int
    ) -> String? {
        var cells = 0
        return closest(to: name, among: candidates, ignoringCase: ignoringCase, cells: &cells, allowed: allowed)
    }

    /// ``closest(to:among:ignoringCase:allowed:)``, adding to `cells` the edit-distance
    /// table cells it computed (the work a test checks stays bounded).
    static func closest<Candidates: Sequence<String>>(
        to name: String, among candidates: Candidates, ignoringCase: Bool = false, cells: inout Int,
        allowed: (_ nameLength: Int, _ candidateLength: Int) -> Int
    ) -> String? {
        guard name.unicodeScalars.count <= maxLength else { return nil }
        let typed = Array((ignoringCase ? name.lowercased() : name).unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let known = Array((ignoringCase ? candidate.lowercased() : candidate).unicodeScalars)
            guard known.count <= maxLength else { continue }
            let limit = min(allowed(typed.count, known.count), best.map { $0.distance - 1 } ?? .max)
            guard abs(typed.count - known.count) <= limit else { continue }
            let distance = editDistance(typed, known)
            cells += typed.count * known.count
            if distance <= limit { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Levenshtein distance between two scalar sequences.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// "Did you mean …?" for the scene ids a file names but never defines, across the file:
/// each distinct name is looked up once (it is compared with every scene id), and past
/// ``limit`` distinct names no more are, so the notes stay linear in the file however
/// many broken links it has.
struct SceneIDSuggestions {
    static let limit = 1_000

    private let scenario: Scenario
    private var found: [String: String?] = [:]

    init(_ scenario: Scenario) { self.scenario = scenario }

    /// The note for a name that is no scene id, if there is one to give.
    mutating func note(for name: String) -> [String] {
        let close: String?
        if let known = found[name] {
            close = known
        } else if found.count < SceneIDSuggestions.limit {
            close = SceneIDSuggestions.closest(to: name, in: scenario)
            found[name] = close
        } else {
            close = nil
        }
        return close.map { ["did you mean \"\($0)\"?"] } ?? []
    }

    /// The scene id closest to a misspelt one (only in files of up to 5,000 scenes).
    static func closest(to id: String, in scenario: Scenario) -> String? {
        guard scenario.scenes.count <= 5_000 else { return nil }
        return Suggestion.closest(to: id, among: scenario.scenes.lazy.map(\.id).filter { !$0.isEmpty }) { typed, _ in max(2, typed / 3) }
    }
}
