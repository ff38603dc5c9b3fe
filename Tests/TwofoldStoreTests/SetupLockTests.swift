import Foundation
import Testing
@testable import TwofoldStore

@Suite("Setup lock")
struct SetupLockTests {
    @Test("a second holder waits until the first releases the lock")
    func excludesSecondHolder() async throws {
        try await withTemporaryFolder { folder throws in
            let database = folder.appendingPathComponent("records.sqlite").path
            let first = try SetupLock.acquire(for: database, timeout: 5)
            let firstReleased = Flag()
            let waiter = Thread {
                do {
                    let second = try SetupLock.acquire(for: database, timeout: 5)
                    firstReleased.record(sawRelease: firstReleased.isSet)
                    second.release()
                } catch {
                    firstReleased.record(failure: error)
                }
            }
            waiter.start()
            usleep(100_000)
            firstReleased.set()
            first.release()
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while !firstReleased.isSettled {
                guard ContinuousClock.now < deadline else {
                    Issue.record("the second holder neither took the lock nor gave up within 30 seconds")
                    break
                }
                usleep(5_000)
            }
            if let failure = firstReleased.failure { Issue.record(failure, "the second holder could not take the lock") }
            #expect(firstReleased.observed == true, "the second holder got the lock only after the first let go")
        }
    }

    @Test("a lock held past the timeout is refused with a reason naming the store")
    func timesOut() async throws {
        try await withTemporaryFolder { folder throws in
            let database = folder.appendingPathComponent("records.sqlite").path
            let first = try SetupLock.acquire(for: database, timeout: 5)
            defer { first.release() }
            #expect(throws: StoreError.cannotOpen(
                path: database, reason: "another twofold process has been setting it up for more than 0 seconds")) {
                _ = try SetupLock.acquire(for: database, timeout: 0.05)
            }
        }
    }
}

/// A flag shared with a thread, and what the thread saw or why it could not look.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var seen: Bool?
    private var error: (any Error)?

    var isSet: Bool { lock.withLock { value } }
    var observed: Bool? { lock.withLock { seen } }
    var failure: (any Error)? { lock.withLock { error } }
    /// Whether the thread has recorded what it saw or its failure.
    var isSettled: Bool { lock.withLock { seen != nil || error != nil } }
    func set() { lock.withLock { value = true } }
    func record(sawRelease: Bool) { lock.withLock { seen = sawRelease } }
    func record(failure: any Error) { lock.withLock { error = failure } }
}
