/// The model loose matching uses before one was fitted on a store's own people: fitted by
/// `RecordLinkage` on a generated population (`HardPeopleGenerator`, fixed seed) with its
/// typos, movers, swapped names, twins and namesakes, so its `m` and `u` are those of that
/// population and its term frequencies those of the generator's names and streets.
///
/// It is a sensible start, not a substitute: the prior and the frequencies belong to
/// `recordCount` generated people, and a store should fit its own (`rapport resolve fit`) once
/// it holds a few thousand people. Computed once per process (about a second).
public enum StandardMatchModel {
    /// Records of the generated population.
    public static let recordCount = 10_000
    /// Seed of the generator.
    public static let seed: UInt64 = 2024

    /// The fitted model and the population's term frequencies.
    public static let fitted: (model: MatchModel, termFrequencies: TermFrequencies) = {
        let records = HardPeopleGenerator(seed: seed).generate(count: recordCount).records
        let configuration = LinkageConfiguration()
        let table = LinkageTable(records: records, normaliser: configuration.normaliser)
        let model = RecordLinkage(configuration: configuration).fitModel(table: table)
        return (model, TermFrequencies(table: table, model: model))
    }()
}
