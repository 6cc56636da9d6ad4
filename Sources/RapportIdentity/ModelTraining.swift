/// Fits a `MatchModel` without labels, in the manner of Splink's training sessions.
///
/// Plain EM over all candidate pairs is pulled towards a wrong solution: blocking makes
/// non-matches agree on the blocked fields far more often than random pairs do, and households
/// agree on a whole group of fields at once, so EM may call "same household" a match. Instead,
/// `m` is estimated in several sessions, each on the pairs sharing one blocking key, with the
/// fields that key is built from hidden (they agree by construction there). A field's `m` is
/// the average over the sessions that saw it, except for the identity fields (see
/// `identityFields`). `u` comes from random pairs; the prior is then
/// fitted over all candidate pairs with `m` and `u` fixed.
enum ModelTraining {
    /// Sessions: a blocking key and the fields hidden in it. Besides the key's own fields, the
    /// surname session hides the household fields (address and phone): relatives share surname
    /// and often birth year, and would otherwise teach EM that a different given name is normal.
    /// There is no session on the name pair: in a large population most pairs sharing a full
    /// name are namesakes, relatives or a father and son, and EM's "match" class there turns
    /// into "same household" (at 100,000 records it fitted 29 % exact birth dates for matches).
    static let sessions: [(key: BlockingKey, hidden: [ComparedField])] = [
        (
            .surnamePhoneticBirthYear,
            [.surname, .dateOfBirth, .streetNumber, .street, .locality, .city, .postcode, .state, .phone]
        ),
        (.givenPhoneticBirthDate, [.givenName, .dateOfBirth]),
        (.email, [.email]),
        (.phone, [.phone]),
    ]

    /// Fields that tell relatives and namesakes apart from one person. A session's "match" class
    /// can only be contaminated by relatives or namesakes sharing its key, and they add
    /// plain disagreement on these fields (levels from `conflictLevel` on: different given
    /// names, birth dates different or years apart), never agreement; so for them the session
    /// that gives those levels the least `m` is the least contaminated, and its estimate is
    /// taken instead of the average (which lets one polluted session make "born 30 years
    /// apart" look normal).
    static let identityFields: Set<ComparedField> = [.givenName, .dateOfBirth]

    /// First level of an identity field that counts as a conflict ("different").
    static let conflictLevel = 4

    /// Minimum pairs for a session to count.
    static let minimumSessionPairs = 50

    static func train(
        table: LinkageTable, pairs: [CandidatePair], blocks: BlockIndex, configuration: LinkageConfiguration
    ) -> MatchModel {
        let u = ExpectationMaximisation.estimateU(
            table: table, sampleSize: min(configuration.randomPairSample, 40 * table.count), seed: configuration.seed)
        let start = MatchModel.initial(u: u, termFrequencyBoostLimit: configuration.termFrequencyBoostLimit)
        var sums = start.m.map { $0.map { _ in 0.0 } }
        var seen = Array(repeating: 0, count: ComparedField.allCases.count)
        var purest = start.m
        var purestConflict = Array(repeating: Double.infinity, count: ComparedField.allCases.count)
        for session in sessions {
            let patterns = ExpectationMaximisation.patternCounts(pairs, hiding: session.hidden) { pair in
                blocks.share(session.key, pair.a, pair.b)
            }
            guard patterns.reduce(0, { $0 + $1.count }) >= minimumSessionPairs else { continue }
            let fitted = ExpectationMaximisation.fit(
                start, patterns: patterns, maxIterations: configuration.maxEMIterations)
            for field in ComparedField.allCases where !session.hidden.contains(field) {
                seen[field.rawValue] += 1
                for level in sums[field.rawValue].indices {
                    sums[field.rawValue][level] += fitted.m[field.rawValue][level]
                }
                guard identityFields.contains(field) else { continue }
                let conflict = fitted.m[field.rawValue][(conflictLevel - 1)...].reduce(0, +)
                if conflict < purestConflict[field.rawValue] {
                    purestConflict[field.rawValue] = conflict
                    purest[field.rawValue] = fitted.m[field.rawValue]
                }
            }
        }
        var model = start
        model.addressWeightLimit = AddressEvidence.cap(
            table: table, sampleSize: configuration.randomPairSample, seed: configuration.seed)
        for field in ComparedField.allCases where seen[field.rawValue] > 0 {
            model.m[field.rawValue] =
                identityFields.contains(field)
                ? purest[field.rawValue] : sums[field.rawValue].map { $0 / Double(seen[field.rawValue]) }
        }
        var fitted = ExpectationMaximisation.fit(
            model, patterns: ExpectationMaximisation.patternCounts(pairs), maxIterations: configuration.maxEMIterations,
            updateM: false)
        fitted.prior = randomPairPrior(candidateShare: fitted.prior, candidates: pairs.count, records: table.count)
        return fitted
    }

    /// The probability that two random records match, from EM's share of matches among the
    /// candidate pairs: the expected number of matching pairs over all pairs.
    ///
    /// Every field's `u` comes from random pairs, so the prior must too. Using the share among
    /// candidate pairs instead counts the blocking key twice: candidates already share a name
    /// or a birth date, and as the population grows so does the number of people sharing them
    /// (at one million records that prior was 11 bits too high and merged namesakes).
    static func randomPairPrior(candidateShare: Double, candidates: Int, records: Int) -> Double {
        let allPairs = Double(records) * Double(records - 1) / 2
        guard allPairs > 0 else { return candidateShare }
        return min(max(candidateShare * Double(candidates) / allPairs, 1e-15), 0.5)
    }
}
