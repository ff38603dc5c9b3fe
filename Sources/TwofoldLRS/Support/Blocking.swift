import Dispatch
import Foundation

/// Runs async work from synchronous code (the play loop, a command) and waits for it.
///
/// The work runs as a detached task; the calling thread waits on a semaphore, so it must
/// not be a thread of Swift's cooperative pool (the main thread and the delivery worker's
/// own thread are not).
enum Blocking {
    static func run<T: Sendable, Failure: Error>(_ operation: @escaping @Sendable () async throws(Failure) -> T) throws(Failure) -> T {
        let box = ResultBox<T, Failure>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do throws(Failure) {
                box.set(.success(try await operation()))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }
}

/// A result handed from the task to the waiting thread.
private final class ResultBox<T: Sendable, Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, Failure>?

    func set(_ value: Result<T, Failure>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() throws(Failure) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try result!.get()
    }
}
