import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread of its own with a scheduling priority (nice value), as a task executor.
///
/// A file import keeps three things busy: its one writer, the ``ResolutionLookahead`` that
/// reads ahead for it, and the parsing and normalising of the next batch. On two cores, Swift's
/// cooperative pool has two threads, and whichever two of these held them left the third
/// waiting — the writer's task, woken by the lookahead's first answer, waited for the whole
/// lookahead. So the lookahead and the parsing run on threads of their own, and the parsing,
/// which has a whole batch's time to finish, at a lower priority than the writer and the
/// lookahead, which the import waits for.
final class PriorityThread: TaskExecutor, @unchecked Sendable {
    /// For the lookahead: the default priority, beside the writer.
    static let lookahead = PriorityThread(name: "rapport-lookahead", nice: 0)
    /// For parsing and normalising a file's next batch: below the writer and the lookahead.
    static let fileParsing = PriorityThread(name: "rapport-file-parsing", nice: 10)

    /// Guards `jobs`; signalled when one is added.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private let nice: Int32

    private init(name: String, nice: Int32) {
        self.nice = nice
        let thread = Thread { [unowned self] in run() }
        thread.name = name
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
        // On Linux the nice value belongs to the calling thread, not to the whole process.
        if nice != 0 { _ = setpriority(Self.processScope, 0, nice) }
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    #if canImport(Glibc)
        private static let processScope = __priority_which_t(PRIO_PROCESS.rawValue)
    #else
        private static let processScope = PRIO_PROCESS
    #endif
}
