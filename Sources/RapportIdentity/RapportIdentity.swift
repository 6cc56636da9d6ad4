/// RapportIdentity: Rapport's pure identity-resolution engine.
///
/// It owns normalisation of person data (names, e-mails, phones to E.164, dates, addresses for
/// the US, Poland and Indonesia), strict matching on deterministic keys, probabilistic record
/// linkage (Fellegi–Sunter with m/u probabilities estimated by EM, multi-level fuzzy
/// comparisons, phonetic keys, term-frequency adjustment, blocking), clustering with a guard
/// against chaining, explanations of every decision, incremental resolution against an
/// in-memory population index, CSV file deduplication and a seeded generator of hard test data.
///
/// It may not touch a database or the network: persistence belongs to `RapportStore`, and the
/// only I/O here is reading and writing the files a caller names in file mode.
public enum RapportIdentity {
    /// The engine's version, reported by benchmarks and explanations.
    public static let version = "1.0"
}
