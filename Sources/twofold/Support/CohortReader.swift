import Dispatch
import Foundation
import TwofoldCore
import TwofoldReports

/// Reads learner reports on every core and hands the outcomes over in file order.
///
/// Files go in batches to one worker per core; each worker reads a file into its own
/// buffer, takes the row out with the streaming reader (``CohortRow/read(_:includeChoices:)``),
/// applies the filter and the library check, and renders the row's output item. The
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
    /// The scenario ids of the library.
    let library: Set<String>
    let baseIRI: String
    var batchSize = 512
    var workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))

    /// A batch being read: its items in order, and where the workers put the outcomes.
    private struct Batch {
        var items: [CohortFiles.Item]
        var slots: Slots
        var done: DispatchGroup
    }

    /// Reads every file `files` yields; `merge` gets each file's outcome and `problem` each
    /// argument or folder that could not be opened, all in order.
    func run(_ files: inout CohortFiles, merge: (_ path: String, _ named: Bool, _ outcome: Outcome) throws -> Void,
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
    private func start(_ files: inout CohortFiles) -> Batch? {
        var items: [CohortFiles.Item] = []
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
        switch Self.read(path, into: &buffer) {
        case .success(let read): count = read
        case .failure(let error): return .skipped(error.reason)
        }
        return buffer.withUnsafeBufferPointer { whole -> Outcome in
            let bytes = UnsafeBufferPointer(rebasing: whole[0..<count])
            let input: CohortInput
            do {
                input = try CohortRow.read(bytes, includeChoices: export.needsSummary)
            } catch {
                return .skipped("\(error)")
            }
            guard case .attempt(let row) = input else {
                if case .other(let kind) = input { return .other(kind) }
                return .filtered
            }
            guard filter.accepts(row) else { return .filtered }
            guard library.contains(row.scenarioId) else {
                return .skipped("the scenario \"\(row.scenarioId)\" is not in the library (`twofold list` shows it)")
            }
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

    struct ReadError: Error {
        var reason: String
        /// Whether the file is over ``sizeLimit`` (bad data, not a missing file).
        var tooLarge = false

        static let overLimit = ReadError(reason: "larger than \(sizeLimit / 1024 / 1024) MiB, so not a learner report", tooLarge: true)
    }

    /// Reads the whole file into `buffer` (grown as needed); returns the byte count.
    static func read(_ path: String, into buffer: inout [UInt8]) -> Result<Int, ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadError(reason: "cannot be read: " + String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadError(reason: "cannot be read: " + String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadError(reason: "not a regular file")) }
        guard Int(info.st_size) <= sizeLimit else { return .failure(.overLimit) }
        // Room for one byte more than the file: a read that comes back short is the end,
        // so a file that has not grown since `fstat` takes a single read.
        if buffer.count < Int(info.st_size) + 1 { buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 4096) }
        var total = 0
        while true {
            if total == buffer.count {
                guard total < sizeLimit else { return .failure(.overLimit) }
                buffer += [UInt8](repeating: 0, count: buffer.count)
            }
            let wanted = buffer.count - total
            let got = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + total, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(reason: "cannot be read: " + String(cString: strerror(errno))))
            }
            total += got
            if got == 0 || (got < wanted && total >= Int(info.st_size)) { return .success(total) }
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
