import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// `rapport bench attributes`: does holding 100+ runtime attributes per person (R3.1) slow
/// the customer 360 or segment evaluation down? Loads demo people into an empty SQLite
/// folder, times 360 reads and a five-condition segment, gives every person `--attributes`
/// typed values (text, number, date, boolean, choice, multi-choice) through the bulk
/// attribute import, and times the same work again. The ratios are the result.
struct BenchAttributesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attributes",
        abstract: "Time the 360 and a segment with no attributes, then with 100+ per person.")

    @Option(help: "People to load.") var people = 20_000
    @Option(help: "Attributes per person.") var attributes = 120
    @Option(help: "An empty data folder for the benchmark database.") var dataDir = "bench-attributes"
    @Option(help: "People whose 360 is read in each phase.") var sample = 2_000
    @Option(help: "Timed evaluations of the segment in each phase.") var runs = 5
    @Flag(inversion: .prefixedNo, help: "Checkpoint the write-ahead log after the import, before measuring again.")
    var checkpoint = true

    static let rule =
        #"country = "PL" and frequency >= 2 and spend >= 100 and recency_days <= 730 and channel in ("web", "in_person")"#

    func run() async throws {
        try await BenchStore.with(dataDirectory: dataDir) { store in
            guard try await store.isEmpty() else {
                throw ValidationError("\(dataDir) already holds people: give an empty --data-dir (or remove it).")
            }
            try await measure(store)
        }
    }

    private func measure(_ store: Store) async throws {
        try await DemoLoader(store: store).load(people: people)
        let ids = try await store.database.sql.raw("SELECT id FROM people ORDER BY id").all().map {
            PersonID(rawValue: try $0.decode(column: "id", as: String.self))
        }
        // Every tenth person never gets attributes: their 360 shows whether a store full of
        // attribute values slows anyone down, apart from the cost of showing 100+ values.
        let holders = ids.enumerated().filter { $0.offset % 10 != 0 }.map(\.element)
        let control = ids.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        let sampledHolders = Self.sample(holders, sample)
        let sampledControl = Self.sample(control, sample)
        let holdersBefore = try await phase(store, "future holders", sampled: sampledHolders)
        let controlBefore = try await phase(store, "control (never given attributes)", sampled: sampledControl)
        let rule = try SegmentRuleRejection.parse(Self.rule)
        let segmentBefore = try await median { _ = try await store.segments.count(rule, purpose: .contact, by: .system) }

        let definitions = try await define(store)
        let started = Date()
        var written = 0
        for start in stride(from: 0, to: holders.count, by: 500) {
            let chunk = holders[start..<min(start + 500, holders.count)]
            let assignments = chunk.flatMap { id in definitions.map { Self.assignment($0, for: id) } }
            try await store.attributes.set(assignments, by: .system)
            written += assignments.count
        }
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "set %d attribute values (%d per person, %d people) in %.1f s: %.0f values/s", written, attributes, holders.count, seconds, Double(written) / seconds))
        if checkpoint {
            // The import leaves its pages in the write-ahead log until a checkpoint moves them
            // into the database file; measure after it, as a store settles between imports.
            try await store.database.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        }
        let holdersAfter = try await phase(store, "holders", sampled: sampledHolders)
        let controlAfter = try await phase(store, "control", sampled: sampledControl)
        let segmentAfter = try await median { _ = try await store.segments.count(rule, purpose: .contact, by: .system) }
        let withAttribute = try SegmentRuleRejection.parse(Self.rule + " and attr.\(definitions[0].key) >= 50")
        let attributeSegment = try await median { _ = try await store.segments.count(withAttribute, purpose: .contact, by: .system) }

        print("\n| what | before any attribute | after \(written) values | ratio |")
        print("|---|---:|---:|---:|")
        for (name, a, b) in [
            ("360 read p50, people without attributes (ms)", controlBefore.p50, controlAfter.p50),
            ("360 read p99, people without attributes (ms)", controlBefore.p99, controlAfter.p99),
            ("360 read p50, people now showing \(attributes) attributes (ms)", holdersBefore.p50, holdersAfter.p50),
            ("360 read p99, people now showing \(attributes) attributes (ms)", holdersBefore.p99, holdersAfter.p99),
            ("five-condition segment COUNT, median (ms)", segmentBefore, segmentAfter),
        ] {
            print(String(format: "| %@ | %.2f | %.2f | %.2f |", name, a, b, b / a))
        }
        print(String(format: "| the same segment and a number attribute (6 conditions), median (ms) | | %.2f | |", attributeSegment))
    }

    /// About `count` people spread evenly over `ids`.
    private static func sample(_ ids: [PersonID], _ count: Int) -> [PersonID] {
        stride(from: 0, to: ids.count, by: max(1, ids.count / max(1, count))).map { ids[$0] }
    }

    private struct Phase { var p50: Double; var p99: Double }

    /// 360 reads of every sampled person (in-process, audited like any read), after one
    /// untimed pass so every phase reads warm pages.
    private func phase(_ store: Store, _ name: String, sampled: [PersonID]) async throws -> Phase {
        for id in sampled { _ = try await store.customers.view(of: id, by: .system) }
        var reads: [Double] = []
        var shown = 0
        for id in sampled {
            reads.append(try await BenchClock.milliseconds { shown += try await store.customers.view(of: id, by: .system).attributes.count })
        }
        reads.sort()
        let phase = Phase(p50: reads[reads.count / 2], p99: reads[min(reads.count - 1, reads.count * 99 / 100)])
        print(String(format: "%@: %d 360 reads (%.0f attributes each): p50 %.3f ms, p99 %.3f ms", name, sampled.count, Double(shown) / Double(max(1, sampled.count)), phase.p50, phase.p99))
        return phase
    }

    /// Defines the attributes, cycling through every type.
    private func define(_ store: Store) async throws -> [AttributeDefinition] {
        let types: [AttributeType] = [.number, .text, .boolean, .date, .choice, .multiChoice]
        var definitions: [AttributeDefinition] = []
        for index in 0..<attributes {
            let type = types[index % types.count]
            let definition = AttributeDefinition(
                id: store.ids.make(), key: String(format: "bench_%03d", index), label: String(format: "Bench %03d", index), type: type,
                choices: type == .choice || type == .multiChoice ? ["red", "green", "blue", "gold"] : [], createdAt: Date())
            try await store.attributes.define(definition, by: .system)
            definitions.append(definition)
        }
        return definitions
    }

    /// A deterministic value of the attribute's type for one person.
    private static func assignment(_ definition: AttributeDefinition, for id: PersonID) -> AttributeRepository.Assignment {
        // FNV-1a over the person's ID and the key: the same value on every run.
        let seed = (id.rawValue + definition.key).utf8.reduce(UInt64(14_695_981_039_346_656_037)) {
            ($0 ^ UInt64($1)) &* 1_099_511_628_211
        }
        let n = Int(seed % 100)
        let value: AttributeValue =
            switch definition.type {
            case .number: .number(Double(n))
            case .text: .text("note \(n)")
            case .boolean: .boolean(n % 2 == 0)
            case .date: .date(LocalDate(year: 1950 + n % 60, month: 1 + n % 12, day: 1 + n % 28)!)
            case .choice: .text(definition.choices[n % definition.choices.count])
            case .multiChoice: .list(Array(definition.choices.prefix(1 + n % 3)))
            }
        return .init(personID: id, key: definition.key, value: value)
    }

    private func median(_ body: () async throws -> Void) async throws -> Double {
        try await BenchClock.repeated(runs, body).median
    }
}
