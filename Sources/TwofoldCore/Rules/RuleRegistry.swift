/// Every lint rule, in the order they run. A test checks that together they emit every
/// graph-level code in the catalogue.
enum RuleRegistry {
    static let all: [any Rule] = [
        StartRule(),
        DanglingNextRule(),
        DuplicateIDRule(),
        SceneShapeRule(),
        RouterRule(),
        TrapRule(),
        ScoringCycleRule(),
        UnknownAxisRule(),
        StateDeclarationRule(),
        NoChoiceOfferedRule(),
        EndingKindRule(),
        UnreachableSceneRule(),
        IdenticalScoresRule(),
        ReflectionRule(),
    ]
}
