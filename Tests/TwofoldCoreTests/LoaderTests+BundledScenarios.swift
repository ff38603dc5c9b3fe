import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// The loader reads every bundled scenario exactly as Foundation does.
extension LoaderTests {
    // MARK: Agreement with Foundation on the bundled scenarios

    /// The bundled scenarios as `domain/file.json` (none if `Scenarios/` cannot be read,
    /// which ``thereAreBundledScenarios()`` catches).
    static let bundledScenarios: [String] = ((try? bundledScenarioURLs()) ?? []).map {
        "\($0.deletingLastPathComponent().lastPathComponent)/\($0.lastPathComponent)"
    }

    @Test func thereAreBundledScenarios() {
        #expect(LoaderTests.bundledScenarios.count >= 4)
    }

    @Test(arguments: LoaderTests.bundledScenarios)
    func bundledScenarioAgreesWithJSONSerialization(_ relative: String) throws {
        let data = try Data(contentsOf: bundledScenarioFolder.appendingPathComponent(relative))
        let result = ScenarioLoader.load(data, file: relative)
        #expect(!result.hasErrors, "\(result.listing)")
        let model = try #require(result.scenario)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        #expect(model.format == json["format"] as? Int)
        #expect(model.id == json["id"] as? String)
        #expect(model.title == json["title"] as? String)
        #expect(model.domain == json["domain"] as? String)
        #expect(model.summary == json["summary"] as? String)
        #expect(model.briefing == json["briefing"] as? String)
        #expect(model.start == json["start"] as? String)
        #expect(model.reflection == (json["reflection"] as? [String] ?? []))
        #expect(model.facilitatorNote == json["facilitatorNote"] as? String)
        let setting = json["setting"] as? [String: String]
        #expect(model.setting?.country == setting?["country"])
        #expect(model.setting?.currency == setting?["currency"])
        #expect(model.setting?.season == setting?["season"])
        let scenes = try #require(json["scenes"] as? [[String: Any]])
        #expect(model.scenes.count == scenes.count)
        for (scene, object) in zip(model.scenes, scenes) {
            #expect(scene.id == object["id"] as? String)
            #expect(scene.text == (object["text"] as? String ?? ""))  // a router may have none
            if let prompts = object["discussion"] as? [String: Any] {
                #expect(scene.discussion.before == (prompts["before"] as? [String] ?? []))
                #expect(scene.discussion.after == (prompts["after"] as? [String] ?? []))
            } else {
                #expect(scene.discussion.before.isEmpty)
                #expect(scene.discussion.after == (object["discussion"] as? [String] ?? []))
            }
            let outcomes = object["outcomes"] as? [String: String] ?? [:]
            #expect(Dictionary(uniqueKeysWithValues: scene.outcomes.map { ($0.profile.rawValue, $0.next) }) == outcomes)
            let endingObject = object["ending"] as? [String: Any]
            #expect(scene.ending?.title == endingObject?["title"] as? String)
            #expect(scene.ending?.kind?.rawValue == endingObject?["kind"] as? String)
            let choices = object["choices"] as? [[String: Any]] ?? []
            #expect(scene.choices.count == choices.count)
            for (modelChoice, choiceObject) in zip(scene.choices, choices) {
                #expect(modelChoice.id == choiceObject["id"] as? String)
                #expect(modelChoice.text == choiceObject["text"] as? String)
                #expect(modelChoice.feedback == choiceObject["feedback"] as? String)
                #expect(modelChoice.next == choiceObject["next"] as? String)
                #expect(model.scenes.indices.contains(modelChoice.target) && model.scenes[modelChoice.target].id == modelChoice.next)
                let scores = choiceObject["scores"] as? [String: Any] ?? [:]
                #expect(modelChoice.scores.manager == (scores["manager"] as? Int ?? 0))
                #expect(modelChoice.scores.leader == (scores["leader"] as? Int ?? 0))
                for axis in model.axes.dropFirst(2) {
                    #expect(modelChoice.scores[axis] == (scores[axis.name] as? Int ?? 0))
                }
            }
        }
        #expect(model.scene(id: model.start)?.id == model.start)
    }
}
