/// A seeded generator of hard multilingual people data (US, Polish, Indonesian) with known
/// true clusters.
///
/// Every person has one to four records. Records other than the first carry realistic errors
/// (see `RecordVariation`); 15 % of people have moved between records. The population holds
/// hard non-matches: relatives sharing surname, address and sometimes a landline, twins
/// sharing a birth date, fathers and sons with one given name, and namesakes elsewhere.
/// The same seed and size always give the same records in the same order.
public struct HardPeopleGenerator: Sendable {
    /// The seed.
    public var seed: UInt64

    /// A generator with `seed`.
    public init(seed: UInt64 = 2024) { self.seed = seed }

    /// Exactly `count` records.
    public func generate(count: Int) -> GeneratedPeople {
        var population = GeneratedPopulation(seed: seed)
        var rng = SeededGenerator(seed: seed ^ 0xA5A5_A5A5)
        var plan: [(person: Int, records: Int)] = []
        var total = 0
        while total < count {
            let added = population.addHousehold()
            for offset in 0..<added where total < count {
                let x = Double.random(in: 0..<1, using: &rng)
                let records = min(count - total, x < 0.45 ? 1 : x < 0.75 ? 2 : x < 0.92 ? 3 : 4)
                plan.append((population.people.count - added + offset, records))
                total += records
            }
        }
        var order = Array(0..<count)
        order.shuffle(using: &rng)
        let people = population.people
        let assignments = plan
        let chunks = ParallelChunks.map(count: assignments.count, minimumChunk: 4096) { range in
            var variation = RecordVariation(rng: SeededGenerator(seed: seed &+ UInt64(range.lowerBound) &* 7919))
            var movers = GeneratedPopulation(seed: seed &+ UInt64(range.lowerBound))
            var output: [(PersonRecord, Int)] = []
            for index in range {
                let (personIndex, records) = assignments[index]
                let person = people[personIndex]
                var moved: GeneratedAddress?
                for k in 0..<records {
                    if k > 0, moved == nil, Double.random(in: 0..<1, using: &variation.rng) < 0.15 {
                        moved = movers.address(in: person.country)
                    }
                    let record = variation.record(of: person, id: "", clean: k == 0, movedTo: moved)
                    output.append((record, personIndex))
                }
            }
            return output
        }
        var records = [PersonRecord](repeating: PersonRecord(id: ""), count: count)
        var truth = [Int](repeating: 0, count: count)
        var position = 0
        for chunk in chunks {
            for (record, personIndex) in chunk {
                var record = record
                let slot = order[position]
                record.id = "r\(slot + 1)"
                records[slot] = record
                truth[slot] = personIndex
                position += 1
            }
        }
        return GeneratedPeople(records: records, trueClusters: truth, peopleCount: Set(truth).count)
    }
}
