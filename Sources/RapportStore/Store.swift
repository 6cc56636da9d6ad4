import Foundation
import Logging
import RapportCore

/// The repositories over one open ``Database``, built once at start-up and shared by the
/// HTTP app and the command line.
public struct Store: Sendable {
    public let database: Database
    public let ids: IDGenerator
    public let audit: AuditTrail
    public let people: PersonRepository
    public let households: HouseholdRepository
    public let organisations: OrganisationRepository
    public let contactPoints: ContactPointRepository
    public let interactions: InteractionRepository
    public let purchases: PurchaseRepository
    public let attributes: AttributeRepository
    public let sources: SourceRepository
    public let users: UserRepository
    public let customers: CustomerViewReader
    public let value: ValueScoreRepository
    public let ingestion: IngestionRepository
    /// The match model of loose matching: fit, thresholds.
    public let matchModels: MatchModelRepository
    /// Re-resolution of all stored people with the stored model (`rapport resolve run`).
    public let batchResolution: BatchResolution
    public let quarantine: QuarantineRepository
    /// CSV files into a touchpoint, through ``ingestion``.
    public let csvImport: CSVImport
    public let segments: SegmentRepository
    /// Value per segment and per person: historic value, drivers, lifetime value as NPV.
    public let lifetimeValues: LifetimeValues
    public let offers: OfferRepository
    /// Elimination: suppressed people and contact points (R1.10).
    public let suppressions: SuppressionRepository
    /// Named extracts of a subset of profiles and their history (R1.10).
    public let dataMarts: DataMartRepository
    /// Outbound webhooks: the outbox every evented write uses, subscriptions, and deliveries.
    public let outbox: EventOutbox
    public let webhooks: WebhookRepository
    public let webhookDeliveries: WebhookDeliveryQueue
    /// Merges and unmerges of people (R1.7).
    public let merges: PersonMerges
    /// The clerical-review queue of pairs the match model was unsure of (R1.7).
    public let reviews: MatchReviews
    /// Survivorship (R1.3): the policy per attribute, recomputing golden profiles, explanations.
    public let survivorship: SurvivorshipRepository
    /// The household rule, the rebuild that applies it, movers files and enrichment files
    /// (R1.6, R1.8, R1.9).
    public let householdRules: HouseholdRuleRepository
    public let householdRebuild: HouseholdRebuild
    public let movers: MoversImport
    public let enrichment: EnrichmentImport

    public init(database: Database, ids: IDGenerator = .live) {
        self.database = database
        self.ids = ids
        let audit = AuditTrail(database: database, ids: ids)
        self.audit = audit
        let outbox = EventOutbox(ids: ids)
        self.outbox = outbox
        people = PersonRepository(database: database, audit: audit, outbox: outbox)
        households = HouseholdRepository(database: database, audit: audit)
        organisations = OrganisationRepository(database: database, audit: audit)
        contactPoints = ContactPointRepository(database: database, audit: audit, outbox: outbox, ids: ids)
        interactions = InteractionRepository(database: database, audit: audit, outbox: outbox)
        purchases = PurchaseRepository(database: database, audit: audit, outbox: outbox)
        attributes = AttributeRepository(database: database, audit: audit, outbox: outbox)
        sources = SourceRepository(database: database, audit: audit)
        users = UserRepository(database: database, audit: audit, ids: ids)
        value = ValueScoreRepository(database: database, ids: ids)
        let matchModels = MatchModelRepository(database: database, audit: audit, ids: ids, cache: MatchModelCache())
        self.matchModels = matchModels
        batchResolution = BatchResolution(database: database, models: matchModels, audit: audit, ids: ids)
        let ingestion = IngestionRepository(
            database: database, audit: audit, ids: ids, outbox: outbox, models: matchModels)
        self.ingestion = ingestion
        quarantine = QuarantineRepository(database: database, audit: audit, ingestion: ingestion)
        csvImport = CSVImport(ingestion: ingestion)
        let segments = SegmentRepository(database: database, audit: audit, ids: ids)
        self.segments = segments
        offers = OfferRepository(database: database, audit: audit, ids: ids, segments: segments)
        suppressions = SuppressionRepository(database: database, audit: audit, outbox: outbox, ids: ids)
        dataMarts = DataMartRepository(database: database, audit: audit, ids: ids)
        webhooks = WebhookRepository(database: database, audit: audit, ids: ids, outbox: outbox)
        webhookDeliveries = WebhookDeliveryQueue(database: database, ids: ids)
        let merges = PersonMerges(database: database, audit: audit, outbox: outbox, ids: ids)
        self.merges = merges
        reviews = MatchReviews(database: database, audit: audit, merges: merges)
        survivorship = SurvivorshipRepository(database: database, audit: audit, outbox: outbox)
        let householdRules = HouseholdRuleRepository(database: database, audit: audit)
        self.householdRules = householdRules
        householdRebuild = HouseholdRebuild(database: database, audit: audit, ids: ids, outbox: outbox, rules: householdRules)
        movers = MoversImport(database: database, audit: audit, ids: ids, outbox: outbox, sources: sources)
        enrichment = EnrichmentImport(database: database, ids: ids, attributes: attributes, sources: sources)
        lifetimeValues = LifetimeValues(
            database: database, audit: audit, segments: segments,
            assumptions: ValueAssumptionRepository(database: database, audit: audit), cache: GroupDriverCache())
        customers = CustomerViewReader(
            database: database, contactPoints: contactPoints, attributes: attributes, valueScores: value, audit: audit,
            documents: CustomerDocumentCache(feed: Self.viewChangeFeed(of: database)))
    }

    /// The change feed the 360 cache follows on SQLite (migration 018); none on PostgreSQL.
    private static func viewChangeFeed(of database: Database) -> ViewChangeFeed? {
        guard case .sqlite(let path) = database.location else { return nil }
        return ViewChangeFeed(path: path)
    }

    /// Opens the database, brings the schema up to date and returns the store. `connections`
    /// is the pool's size per event loop.
    public static func open(
        _ location: DatabaseLocation, logger: Logger, ids: IDGenerator = .live, connections: Int = 4
    ) async throws -> Store {
        let database = try await Database.open(location, logger: logger, connections: connections)
        StoredMatchModel.prepareStandard()
        do {
            let applied = try await Migrator(database: database, logger: logger).migrate()
            if applied.contains(Migration.m019BlockingRows.version) {
                let completed = try await MatchIndex.completeStoredKeys(on: database)
                if completed > 0 { logger.info("computed missing blocking keys", metadata: ["people": "\(completed)"]) }
            }
            try await BulkLoadDeferral.restore(on: database)
            // A store that had activity before segments (or before first-purchase day numbers)
            // existed gets its behaviour summaries once.
            if applied.contains(Migration.m005Segments.version) || applied.contains(Migration.m009ValueDrivers.version) {
                let rows = try await CustomerMetrics.rebuild(on: database)
                logger.info("computed customer metrics for segments", metadata: ["people": "\(rows)"])
            }
        } catch {
            await database.shutdown()
            throw error
        }
        return Store(database: database, ids: ids)
    }

    /// Writes pending audit entries, then closes every connection.
    public func close() async {
        try? await audit.flush()
        customers.documents.feed?.close()
        await database.shutdown()
    }

    /// Recomputes every person's behaviour summary (``CustomerMetrics``) from the stored
    /// activity; returns the number of people with activity. Every write keeps the summaries
    /// current, so this is for repairs and for checking that they are.
    @discardableResult
    public func rebuildCustomerMetrics() async throws -> Int {
        try await CustomerMetrics.rebuild(on: database)
    }

    /// True when no person has been stored yet (the demo loader fills only empty stores).
    public func isEmpty() async throws -> Bool {
        try await database.sql.raw("SELECT id FROM people LIMIT 1").first() == nil
    }
}
