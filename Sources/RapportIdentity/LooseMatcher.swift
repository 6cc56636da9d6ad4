/// Incremental resolution against a population kept elsewhere (a database): the caller finds
/// candidates by the arriving record's `storedBlockingKeys`, hands over their matching rows,
/// and the matcher compares and scores each pair with the same `PairComparator`, `MatchScorer`
/// and identity-conflict veto as `RecordLinkage` and `PopulationIndex`, decides with the
/// configuration's thresholds, and explains every pair it reports.
///
/// Unlike `PopulationIndex` each candidate is a person on its own (the store has already
/// clustered), so the veto removes a conflicting candidate from automatic matching only; it
/// may still be proposed for review.
public struct LooseMatcher: Sendable {
    /// A stored person's matching row.
    public struct Candidate: Sendable, Hashable {
        /// The person's identifier, reported back in decisions.
        public let id: String
        /// One folded value per `ComparedField`, as `NormalisedPerson.fields`.
        public let fields: [String]

        /// A candidate.
        public init(id: String, fields: [String]) {
            self.id = id
            self.fields = fields
        }
    }

    /// A candidate the arriving record may be, with the evidence of the pair.
    public struct Proposal: Sendable, Hashable {
        /// The candidate's identifier.
        public let candidateID: String
        /// The scored comparison (record A is the candidate, B the arriving record).
        public let explanation: MatchExplanation

        /// A proposal.
        public init(candidateID: String, explanation: MatchExplanation) {
            self.candidateID = candidateID
            self.explanation = explanation
        }
    }

    /// The decision for one arriving record.
    public enum Decision: Sendable, Hashable {
        /// The record is this candidate.
        case match(Proposal)
        /// Candidates in the grey zone, strongest first.
        case review([Proposal])
        /// No candidate is close enough.
        case new

        /// The candidates the decision names: the match, or the grey ones.
        public var proposals: [Proposal] {
            switch self {
            case .match(let proposal): return [proposal]
            case .review(let proposals): return proposals
            case .new: return []
            }
        }
    }

    /// The fitted model.
    public let model: MatchModel
    /// The frequencies of the population the model was fitted on.
    public let termFrequencies: TermFrequencies
    /// Thresholds, block size limit and normaliser.
    public let configuration: LinkageConfiguration
    private let conflictLevels: UInt64

    /// A matcher deciding with `model`, `termFrequencies` and `configuration`.
    public init(model: MatchModel, termFrequencies: TermFrequencies, configuration: LinkageConfiguration) {
        self.model = model
        self.termFrequencies = termFrequencies
        self.configuration = configuration
        conflictLevels = RecordLinkage.conflictLevels(model: model, maximumM: configuration.identityConflictMaximumM)
    }

    /// The blocking keys of a normalised person in their stored form (see
    /// `BlockingKey.storedKey`), one per key it has, as signed integers for SQL columns.
    public static func storedBlockingKeys(_ person: NormalisedPerson) -> [Int64] {
        storedBlockingKeys([person])[0]
    }

    /// ``storedBlockingKeys(_:)`` of each of `people`, in order, computed in one table: a
    /// batch's values are interned (and their phonetic codes computed) once, where a table per
    /// person allocated a dozen dictionaries and arrays apiece. A person's keys depend on
    /// their own values only, so they are the same whichever people share the table.
    public static func storedBlockingKeys(_ people: [NormalisedPerson]) -> [[Int64]] {
        var table = LinkageTable()
        for person in people { table.append(id: "", person) }
        return table.withStorage { s in
            people.indices.map { row in
                BlockingKey.allCases.compactMap { key in
                    let value = key.storedKey(s, row: row)
                    return value == 0 ? nil : Int64(bitPattern: value)
                }
            }
        }
    }

    /// Decides whether `person` (arriving as `recordID`) is one of `candidates`.
    public func resolve(_ person: NormalisedPerson, recordID: String, candidates: [Candidate]) -> Decision {
        guard !candidates.isEmpty else { return .new }
        var table = LinkageTable()
        for candidate in candidates {
            table.append(id: candidate.id, NormalisedPerson(fields: candidate.fields, strictKeys: [:]))
        }
        let arriving = table.append(id: recordID, person)
        let scorer = MatchScorer(model: model, termFrequencies: termFrequencies, table: table)
        let scored = table.withStorage { s in
            (0..<candidates.count).map { row in
                let pair = CandidatePair(a: Int32(row), b: Int32(arriving), vector: PairComparator.compare(s, row, arriving))
                return ScoredPair(pair: pair, weight: scorer.weight(pair, table: table))
            }
        }.sorted { $0.weight > $1.weight }
        let matchWeight = MatchModel.weight(probability: configuration.matchThreshold)
        let reviewWeight = MatchModel.weight(probability: configuration.reviewThreshold)
        let vetoes = configuration.identityConflictVeto
        if let best = scored.first(where: {
            $0.weight >= matchWeight && !(vetoes && RecordLinkage.hasIdentityConflict($0.pair.vector, levels: conflictLevels))
        }) {
            return .match(
                Proposal(candidateID: candidates[Int(best.pair.a)].id, explanation: scorer.explain(best.pair, table: table)))
        }
        let grey = scored.filter { $0.weight >= reviewWeight }
        guard !grey.isEmpty else { return .new }
        return .review(
            grey.map { Proposal(candidateID: candidates[Int($0.pair.a)].id, explanation: scorer.explain($0.pair, table: table)) })
    }
}

extension NormalisedPerson {
    /// Separates the fields of a stored matching row (the ASCII unit separator, which folding
    /// never produces).
    static let storedSeparator: Character = "\u{1F}"

    /// The matching fields as one text value for a store, read back by `fields(stored:)`.
    public var storedFields: String { fields.joined(separator: String(Self.storedSeparator)) }

    /// The fields of a stored matching row; missing trailing fields are empty.
    ///
    /// Split on the UTF-8 bytes (the separator is one ASCII byte, never inside a multi-byte
    /// character): loose matching reads a few hundred rows per arriving record, and
    /// `String.split` over characters was a sixth of its time.
    public static func fields(stored: String) -> [String] {
        let count = ComparedField.allCases.count
        var fields: [String] = []
        fields.reserveCapacity(count)
        var stored = stored
        stored.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == storedSeparatorByte {
                if fields.count < count {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
                start = index + 1
            }
            if fields.count < count {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            }
        }
        while fields.count < count { fields.append("") }
        return fields
    }

    private static let storedSeparatorByte = UInt8(ascii: "\u{1F}")
}

extension NormalisedPerson {
    /// A normalised person from stored fields (one per `ComparedField`), without strict keys.
    public init(fields: [String]) {
        self.init(fields: fields, strictKeys: [:])
    }
}
