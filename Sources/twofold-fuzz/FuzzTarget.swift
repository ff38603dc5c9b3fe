import Foundation

/// One thing to fuzz: a name for the command line and a function that takes any bytes.
///
/// A target feeds the bytes to the code under test and checks what must hold whatever
/// they are; it stops the process (`fatalError`) when something does not, so that
/// libFuzzer records the input. Anything that throws a typed error is fine: refusing bad
/// input is the code doing its job. To add a target (a server's request decoder, say),
/// write its file beside these and add it to ``all``.
struct FuzzTarget: Sendable {
    /// The name `twofold-fuzz NAME` and `Scripts/fuzz` use; also its folder under `Tests/Fuzz`.
    var name: String
    /// What it covers, for `twofold-fuzz --list`.
    var summary: String
    /// Runs one input.
    var run: @Sendable (UnsafeRawBufferPointer) -> Void

    /// Every target, in the order `Scripts/fuzz` runs them.
    static let all: [FuzzTarget] = [.scenario, .report, .voteLine]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// Stops the process with `message` when `condition` does not hold, in every build (an
/// `assert` would vanish from an optimised one).
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
