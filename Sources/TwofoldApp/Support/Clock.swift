import Foundation

/// Where the application gets the time: the system clock in the program, a fixed or
/// stepping clock in tests, so reports and saved sessions are reproducible.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The system's wall clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}
