/// What a step reads of each scene and choice, packed into a few flat arrays, so stepping
/// costs the same in a scenario of any size.
///
/// A scene and its choices are large values spread over the heap; on a scenario of
/// 200,000 scenes each one a step touches is a cache miss. The index keeps, per scene,
/// its kind and where its choices are, and per choice, in one slot, its target, its
/// scores on the two profile axes, its id and the id of the scene it leads to (the very
/// string of that scene's id, so the session's "scene now shown" shares its storage).
/// Built once for an engine and shared by every engine made from it (restart, back,
/// replay); a step reads a choice's full value only for what the index leaves out:
/// conditions, effects and extra axes.
final class StepIndex: Sendable {
    enum Kind: UInt8, Sendable {
        case decision, ending, router
    }

    struct SceneStep: Sendable {
        var firstChoice: Int32
        var choiceCount: Int32
        var kind: Kind
        /// Some choice has a `when`: what is offered depends on flags and counters.
        var conditional: Bool
    }

    struct ChoiceStep: Sendable {
        var target: Int32
        var manager: Int16
        var leader: Int16
        var hasEffects: Bool
        var id: String
        /// The scene it leads to, as that scene's own id (or `next` when it names none).
        var next: String
    }

    let scenes: [SceneStep]
    let choices: [ChoiceStep]
    /// Scores are only manager and leader (no extra axes declared).
    let profileAxesOnly: Bool

    init(_ scenario: Scenario) {
        var scenes: [SceneStep] = []
        var choices: [ChoiceStep] = []
        scenes.reserveCapacity(scenario.scenes.count)
        for scene in scenario.scenes {
            let kind: Kind = scene.isEnding ? .ending : scene.isRouter ? .router : .decision
            scenes.append(SceneStep(firstChoice: Int32(choices.count), choiceCount: Int32(scene.choices.count), kind: kind,
                                    conditional: scene.choices.contains { $0.condition != nil }))
            for choice in scene.choices {
                let next = choice.target >= 0 ? scenario.scenes[choice.target].id : choice.next
                choices.append(ChoiceStep(target: Int32(truncatingIfNeeded: choice.target), manager: Int16(clamping: choice.scores.manager),
                                          leader: Int16(clamping: choice.scores.leader), hasEffects: !choice.effects.isEmpty,
                                          id: choice.id, next: next))
            }
        }
        self.scenes = scenes
        self.choices = choices
        profileAxesOnly = scenario.axes.count == 2
    }
}
