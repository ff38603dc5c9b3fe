import Dispatch
import Foundation
import TwofoldCore
import TwofoldReports

/// Reads learner reports on every core and hands the outcomes over in file order.
///
/// Files go in batches to one worker per core; each worker reads a file into its own
/// buffer, takes the row out with the streaming reader (``CohortRow/read(_:includeChoices:)``),
/// applies the filter, and renders the row's output item. The
/// caller's thread only merges, in order, while the workers already read the next batch.
/// Nothing of a report outlives its batch.
struct CohortReader: Sendable {
    /// What became of one file.
    enum Outcome: Sendable {
        /// A learner attempt, with its rendered output item (nil when the format has none).
        case attempt(CohortRow, item: String?)
        /// Another kind of Twofold file.
        case other(CohortInput.OtherFile)
        /// A report the filter leaves out.
        case filtered
        /// Not a readable learner report, or one this debrief cannot use: the reason.
        case skipped(String)
    }

    let export: CohortExport
    let filter: CohortFilter
    let baseIRI: String
    var batchSize = 512
    var workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))

    /// A batch being read: its items in order, and where the workers put the outcomes.
    private struct Batch {
        var items: [FolderWalk.Item]
        var slots: Slots
        var done: DispatchGroup
    }

    /// Reads every file `files` yields; `merge` gets each file's outcome and `problem` each
    /// argument or folder that could not be opened, all in order.
    func run(_ files: inout FolderWalk, merge: (_ path: String, _ named: Bool, _ outcome: Outcome) throws -> Void,
             problem: (_ path: String, _ reason: String) -> Void) rethrows {
        var current = start(&files)
        while let batch = current {
            batch.done.wait()
            current = start(&files)  // the workers read the next batch while this one merges
            for (index, item) in batch.items.enumerated() {
                switch item {
                case .file(let path, let named): try merge(path, named, batch.slots.take(index))
                case .problem(let path, let reason): problem(path, reason)
                }
            }
        }
    }

    /// Takes the next batch of items and starts reading its files; nil when none are left.
    private func start(_ files: inout FolderWalk) -> Batch? {
        var items: [FolderWalk.Item] = []
        items.reserveCapacity(batchSize)
        while items.count < batchSize, let item = files.next() { items.append(item) }
        if items.isEmpty { return nil }
        let paths: [String?] = items.map { if case .file(let path, _) = $0 { return path } else { return nil } }
        let slots = Slots(capacity: items.count)
        let done = DispatchGroup()
        let workers = min(self.workers, items.count)
        DispatchQueue.global().async(group: done) { [self] in
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                for index in stride(from: worker, to: paths.count, by: workers) {
                    if let path = paths[index] { slots[index] = process(path, buffer: &buffer) }
                }
            }
        }
        return Batch(items: items, slots: slots, done: done)
    }

    /// Reads and classifies one file.
    func process(_ path: String, buffer: inout [UInt8]) -> Outcome {
        let count: Int
        switch FileSystem.read(path, into: &buffer, limit: Self.sizeLimit) {
        case .success(let read): count = read
        case .failure(let error): return .skipped(Self.reason(error))
        }
        return buffer.withUnsafeBufferPointer { whole -> Outcome in
            let bytes = UnsafeBufferPointer(rebasing: whole[0..<count])
            let input: CohortInput
            do {
                input = try CohortRow.read(bytes, includeChoices: export.needsChoices)
            } catch {
                return .skipped("\(error)")
            }
            guard case .attempt(let row) = input else {
                if case .other(let kind) = input { return .other(kind) }
                return .filtered
            }
            guard filter.accepts(row) else { return .filtered }
            if export.needsWholeReports {
                do {
                    let report = try LearnerReport.decodeJSON(Data(bytes))
                    return .attempt(row, item: CohortExport.item(report: report, baseIRI: baseIRI))
                } catch {
                    return .skipped("\(error)")
                }
            }
            return .attempt(row, item: export.item(row))
        }
    }

    /// The largest file taken for a report; learner reports are a few kilobytes.
    static let sizeLimit = LearnerReport.maxFileSize

    /// Why a file was not read, without repeating its path (the caller names it).
    static func reason(_ error: FileError) -> String {
        switch error.kind {
        case .tooLarge: return "larger than \(sizeLimit / 1024 / 1024) MiB, so not a learner report"
        case .notFound: return "no such file"
        case .notRegular(let what): return "not a regular file (\(what))"
        case .unreadable(let reason): return "cannot be read: \(reason)"
        default: return error.description
        }
    }
}

/// One outcome per file of a batch, written by the workers at distinct indices and read
/// by the merging thread after they have all finished.
private final class Slots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<CohortReader.Outcome?>
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
        storage.initialize(repeating: nil, count: capacity)
    }

    deinit {
        storage.deinitialize(count: capacity)
        storage.deallocate()
    }

    subscript(index: Int) -> CohortReader.Outcome? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// The outcome at `index`, leaving the slot empty.
    func take(_ index: Int) -> CohortReader.Outcome {
        defer { storage[index] = nil }
        return storage[index] ?? .skipped("was not read")
    }
}
