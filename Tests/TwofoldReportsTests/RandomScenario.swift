import Foundation
import TwofoldTestSupport

/// Small random scenarios as format-1 JSON text, always free of lint errors: decisions
/// lead forward to later decisions or endings, some choices carry conditions and effects
/// (a flag and a counter), and some decisions have a zero-score "ask for more" loop.
enum RandomScenario {
    static func make(seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        let decisions = Int.random(in: 2...6, using: &rng)
        let endings = Int.random(in: 1...3, using: &rng)
        var scenes: [String] = []
        var loops: [Int] = []
        for k in 0..<decisions {
            let targets = ((k + 1)..<decisions).map { "s\($0)" } + (0..<endings).map { "e\($0)" }
            var choices: [String] = []
            for c in 0..<Int.random(in: 1...3, using: &rng) {
                var fields = [
                    "\"id\": \"c\(c)\"", "\"text\": \"Choice \(c) at \(k)\"", "\"feedback\": \"Feedback \(c) at \(k).\"",
                    "\"next\": \"\(targets.randomElement(using: &rng)!)\"", "\"scores\": \(scores(&rng))",
                ]
                if c > 0, Int.random(in: 0..<4, using: &rng) == 0 {
                    fields.append(["\"when\": {\"flag\": \"f\"}", "\"when\": {\"notFlag\": \"f\"}",
                                   "\"when\": {\"counter\": \"n\", \"atLeast\": 1}",
                                   "\"when\": {\"counter\": \"n\", \"atMost\": 0}"].randomElement(using: &rng)!)
                }
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    fields.append(["\"set\": [\"f\"]", "\"clear\": [\"f\"]", "\"add\": {\"n\": 1}", "\"add\": {\"n\": -1}"]
                        .randomElement(using: &rng)!)
                }
                choices.append("{" + fields.joined(separator: ", ") + "}")
            }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                loops.append(k)
                let position = Int.random(in: 0...choices.count, using: &rng)
                choices.insert("{\"id\": \"ask\", \"text\": \"Ask for more at \(k)\", \"feedback\": \"You learn more.\", \"next\": \"i\(k)\", \"scores\": {\"manager\": 0}}",
                               at: Swift.max(1, position))
            }
            scenes.append("{\"id\": \"s\(k)\", \"text\": \"Decision \(k)\", \"choices\": [\(choices.joined(separator: ", "))]}")
        }
        for k in loops {
            let effect = Bool.random(using: &rng) ? ", \"set\": [\"f\"]" : ""
            scenes.append("{\"id\": \"i\(k)\", \"text\": \"More information \(k)\", \"choices\": [{\"id\": \"back\", \"text\": \"Go back\", \"feedback\": \"Back to it.\", \"next\": \"s\(k)\"\(effect)}]}")
        }
        for e in 0..<endings {
            scenes.append("{\"id\": \"e\(e)\", \"text\": \"Ending \(e)\", \"ending\": {\"title\": \"Ending \(e)\"}}")
        }
        let threshold = [50, 60, 60, 75].randomElement(using: &rng)!
        return """
        {"format": 1, "id": "random-\(seed)", "title": "Random \(seed)", "domain": "test", "summary": "Random.",
         "profileThreshold": \(threshold), "flags": ["f"], "counters": {"n": 0}, "start": "s0",
         "scenes": [\(scenes.joined(separator: ",\n"))], "reflection": ["Why?"]}
        """
    }

    private static func scores(_ rng: inout SeededGenerator) -> String {
        let manager = Int.random(in: -3...3, using: &rng), leader = Int.random(in: -3...3, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return "{\"manager\": \(manager)}"
        case 1: return "{\"leader\": \(leader)}"
        default: return "{\"manager\": \(manager), \"leader\": \(leader)}"
        }
    }
}
