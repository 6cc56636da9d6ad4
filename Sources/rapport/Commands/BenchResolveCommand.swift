import ArgumentParser
import Foundation
import RapportCore
import RapportIdentity
import RapportStore

/// `rapport bench resolve`: incremental resolution latency against the people already in a
/// data folder (load them first with `rapport demo --people 1000000 --data-dir …`; the bulk
/// loader fills the blocking index). Arriving records are variants of stored people (a typo
/// in the given name, the e-mail and phone dropped, so strict keys cannot find them) and, in
/// equal number, people who are not stored. It times per record (1) loose resolution alone —
/// blocking keys, candidate fetch, comparison, scoring — and (2) the whole ingestion of the
/// record in its own transaction, and prints p50/p99 of each. The issue's minimum: p99 under
/// 5 ms against 1 000 000 people.
struct BenchResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Time incremental resolution of arriving records against the stored people.")

    @Option(help: "Data folder holding the people (e.g. loaded by `rapport demo`).") var dataDir = "bench-resolve"
    @Option(help: "Arriving records to time.") var records = 2_000

    func run() async throws {
        try await BenchStore.with(dataDirectory: dataDir) { store in
            let people = try await store.database.readFirst("SELECT COUNT(*) AS n FROM people", [])
            let count = try people?.decode(column: "n", as: Int.self) ?? 0
            let model = try await store.matchModels.current()
            print("\(count) people; model \(model.id?.rawValue ?? "standard") (\(model.origin.rawValue))")
            // Each run ingests its records; the next run samples other people and other strangers,
            // or its strangers would rightly be matched to those the last run stored.
            let run = try await store.database.readFirst(
                "SELECT COUNT(*) AS n FROM sources WHERE name LIKE 'bench-resolve%'", []
            )?.decode(column: "n", as: Int.self) ?? 0
            let touchpoint = Touchpoint(
                id: store.ids.make(), name: run == 0 ? "bench-resolve" : "bench-resolve-\(run + 1)", kind: .batchFile,
                trustRank: 3, createdAt: Date())
            try await store.sources.register(touchpoint, by: .system)
            let arriving = try await Self.arrivingRecords(store: store, count: records, population: count, run: run)
            var tally = ResolutionTally()
            var resolve: [Double] = []
            for (record, truth) in arriving {
                var decision: LooseMatcher.Decision?
                resolve.append(
                    try await BenchClock.milliseconds {
                        decision = try await store.ingestion.looseDecision(for: record, from: touchpoint)
                    })
                tally.count(decision, truth: truth)
            }
            tally.lines.forEach { print($0) }
            Self.report("loose resolution", resolve)
            var ingest: [Double] = []
            let encoder = JSONEncoder()
            for (record, _) in arriving {
                let payload = String(decoding: try encoder.encode(record), as: UTF8.self)
                let request = IngestionRequest(payload: payload, parsed: .success(record), lineage: "bench resolve")
                ingest.append(
                    try await BenchClock.milliseconds {
                        _ = try await store.ingestion.ingest(request, from: touchpoint, by: .system)
                    })
            }
            Self.report("full ingestion, one transaction per record", ingest)
        }
    }

    static func report(_ label: String, _ times: [Double]) {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return }
        func quantile(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        print(
            String(
                format: "%@: %d records, p50 %.2f ms, p99 %.2f ms, max %.2f ms", label, sorted.count, quantile(0.5),
                quantile(0.99), sorted[sorted.count - 1]))
    }

    /// Half variants of stored people spread over the id range, each with the id of the person
    /// it varies, half generated strangers (no id: they should become new people); `run`
    /// (earlier runs on this store) shifts both samples.
    static func arrivingRecords(store: Store, count: Int, population: Int, run: Int) async throws
        -> [(record: IngestRecord, truth: String?)]
    {
        let step = max(1, population / max(1, count / 2))
        let rowids = stride(from: 1 + run % step, through: population, by: step).prefix(count / 2)
        var records: [(record: IngestRecord, truth: String?)] = []
        // SQLite's rowid spreads the sample over the whole table without an OFFSET scan. One
        // postal address per person (the primary, else the first), as their matching row has.
        let rows = try await store.database.read(
            """
            SELECT p.id, p.given_name, p.family_name, p.birth_date, p.country, c.line1, c.city, c.postcode
            FROM people p LEFT JOIN contact_points c ON c.id = (
              SELECT c2.id FROM contact_points c2 WHERE c2.person_id = p.id AND c2.kind = 'postal'
                AND c2.valid_to IS NULL ORDER BY c2.is_primary DESC, c2.id LIMIT 1)
            WHERE p.rowid IN (\(rowids.map(String.init).joined(separator: ", "))) AND p.status <> 'merged'
            """, [])
        for row in rows {
            func text(_ column: String) -> String? { (try? row.decode(column: column, as: String?.self)) ?? nil }
            var given = text("given_name")
            if let name = given, name.count > 3 {
                var letters = Array(name)
                letters.swapAt(1, 2)
                given = String(letters)
            }
            let address = text("line1").map {
                AddressDraft(line1: $0, city: text("city"), postcode: text("postcode"), country: text("country"))
            }
            let record = IngestRecord(
                givenName: given, familyName: text("family_name"), birthDate: text("birth_date"), address: address,
                country: text("country"))
            records.append((record, text("id")))
        }
        let strangers = HardPeopleGenerator(seed: 77 &+ UInt64(run)).generate(count: count - records.count).records
        for person in strangers {
            let country = BenchIngestCommand.isoCountry(person[.country])
            let address = AddressDraft(
                line1: person[.address1], city: person[.city], postcode: person[.postcode], country: country)
            let record = IngestRecord(
                givenName: person[.givenName], familyName: person[.surname], address: address, country: country)
            records.append((record, nil))
        }
        return records
    }
}
