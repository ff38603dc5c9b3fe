import Dispatch
import Foundation

/// Runs async work from synchronous code (the play loop's delivery worker, a command) and
/// waits for it.
///
/// The work runs as a task on a thread of its own (``LRSExecutor``), never on Swift's
/// cooperative pool: the waiting caller may itself hold a pool thread (a test, say), and
/// on a machine with two cores the pool has only two.
enum Blocking {
    static func run<T: Sendable, Failure: Error>(_ operation: @escaping @Sendable () async throws(Failure) -> T) throws(Failure) -> T {
        let box = ResultBox<T, Failure>()
        let done = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: LRSExecutor.shared) {
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

/// A task executor with one thread of its own, for the learning-record work.
final class LRSExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = LRSExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [unowned self] in run() }
        thread.name = "twofold-lrs"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
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
