/// The columnar, interned form of a population prepared for linkage.
///
/// Row `i` holds one value id per `ComparedField` (`values[i * fieldCount + f]`). Strings are
/// folded and interned once, phonetic codes computed once per distinct name, so pairwise
/// comparison reads only integers and short byte ranges. A table can grow one record at a
/// time, which the incremental `PopulationIndex` relies on.
public struct LinkageTable: Sendable {
    static let fieldCount = ComparedField.allCases.count

    /// The caller's record ids, by row.
    public private(set) var recordIDs: [String] = []
    private(set) var values: [Int32] = []
    private(set) var pool = ValuePool()

    /// Number of rows.
    public var count: Int { recordIDs.count }

    /// An empty table.
    public init() {}

    /// Normalises `records` (on all cores) and interns them.
    public init(records: [PersonRecord], normaliser: PersonNormaliser = PersonNormaliser()) {
        recordIDs.reserveCapacity(records.count)
        values.reserveCapacity(records.count * Self.fieldCount)
        append(records: records, normaliser: normaliser)
    }

    /// Normalises a batch of records on all cores and appends them in order.
    ///
    /// Records are normalised `normalisationBatch` at a time: the normalised forms are
    /// short-lived (a few hundred bytes each), and holding a million of them at once before
    /// interning was a fifth of the peak memory of a batch dedupe.
    public mutating func append(records: [PersonRecord], normaliser: PersonNormaliser) {
        var batchStart = 0
        while batchStart < records.count {
            let batch = batchStart..<min(records.count, batchStart + Self.normalisationBatch)
            let chunks = ParallelChunks.map(count: batch.count, minimumChunk: 2048) { range in
                range.map { normaliser.comparedFields(records[batch.lowerBound + $0]) }
            }
            var row = batch.lowerBound
            for chunk in chunks {
                for fields in chunk {
                    append(id: records[row].id, fields: fields)
                    row += 1
                }
            }
            batchStart = batch.upperBound
        }
    }

    /// Records normalised at once by `append(records:normaliser:)`.
    static let normalisationBatch = 65_536

    /// Adds one normalised record as the last row and returns its row number.
    @discardableResult
    public mutating func append(id: String, _ person: NormalisedPerson) -> Int {
        append(id: id, fields: person.fields)
    }

    /// Adds one record's folded field values (by `ComparedField` raw value) as the last row.
    @discardableResult
    mutating func append(id: String, fields: [String]) -> Int {
        recordIDs.append(id)
        for field in ComparedField.allCases {
            values.append(pool.intern(fields[field.rawValue], field: field))
        }
        return recordIDs.count - 1
    }

    /// The value id of `field` in `row`.
    func valueID(_ row: Int, _ field: ComparedField) -> Int32 {
        values[row * Self.fieldCount + field.rawValue]
    }

    /// The folded value of `field` in `row` (`""` when missing).
    public func value(_ row: Int, _ field: ComparedField) -> String {
        pool.string(valueID(row, field))
    }

    /// Runs `body` with raw views of the table for the comparison inner loop.
    func withStorage<R>(_ body: (TableStorage) -> R) -> R {
        values.withUnsafeBufferPointer { values in
            pool.bytes.withUnsafeBufferPointer { bytes in
                pool.starts.withUnsafeBufferPointer { starts in
                    pool.lengths.withUnsafeBufferPointer { lengths in
                        pool.phonetic.withUnsafeBufferPointer { phonetic in
                            body(
                                TableStorage(
                                    values: values, bytes: bytes, starts: starts, lengths: lengths,
                                    phonetic: phonetic))
                        }
                    }
                }
            }
        }
    }
}

/// Unsafe read-only views of a `LinkageTable`, valid inside `withStorage` only.
struct TableStorage {
    let values: UnsafeBufferPointer<Int32>
    let bytes: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<Int32>
    let lengths: UnsafeBufferPointer<Int32>
    let phonetic: UnsafeBufferPointer<UInt64>

    @inline(__always)
    func id(_ row: Int, _ field: Int) -> Int32 { values[row &* LinkageTable.fieldCount &+ field] }

    @inline(__always)
    func text(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        let start = Int(starts[Int(id)])
        return UnsafeBufferPointer(rebasing: bytes[start..<start + Int(lengths[Int(id)])])
    }
}
