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
                guard let second = try? SetupLock.acquire(for: database, timeout: 5) else { return }
                firstReleased.record(sawRelease: firstReleased.isSet)
                second.release()
            }
            waiter.start()
            usleep(100_000)
            firstReleased.set()
            first.release()
            while firstReleased.observed == nil { usleep(5_000) }
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

/// A flag shared with a thread, and what the thread saw.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var seen: Bool?

    var isSet: Bool { lock.withLock { value } }
    var observed: Bool? { lock.withLock { seen } }
    func set() { lock.withLock { value = true } }
    func record(sawRelease: Bool) { lock.withLock { seen = sawRelease } }
}
