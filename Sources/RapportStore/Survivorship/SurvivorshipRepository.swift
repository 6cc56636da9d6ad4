import Foundation
import RapportCore
import RapportIntegration
import SQLKit

/// Survivorship as administrators run it (R1.3): the stored policy, changing it (audited; each
/// change recomputes every golden profile), recomputing on demand, and a person's golden values
/// with where each came from.
public struct SurvivorshipRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox

    /// How many people one recompute transaction covers: large enough to be quick, small enough
    /// that ingestion is never held up for long.
    public static let batchSize = 2_000

    /// The stored policy (the standard one until an administrator saves another).
    public func policy() async throws -> SurvivorshipPolicy {
        try await SurvivorshipPolicyStore.policy(on: database.sql)
    }

    /// Reads a policy document (JSON), with issues that name the bad key.
    public func parse(_ json: Data) throws(DomainError) -> SurvivorshipPolicy {
        try SurvivorshipPolicyStore.parse(json)
    }

    /// Saves `policy` in place of the stored one (audited with the attributes whose setting
    /// changed), then recomputes every golden profile.
    public func replace(
        with policy: SurvivorshipPolicy, by actor: Actor, progress: ((RecomputeProgress) -> Void)? = nil
    ) async throws -> RecomputeSummary {
        let unknown = policy.attributes.keys.filter { GoldenAttribute(rawValue: $0) == nil }.sorted()
        if !unknown.isEmpty { throw DomainError.invalid(unknown.map(SurvivorshipPolicyStore.unknownAttribute(_:))) }
        try await database.transaction { db in
            let before = try await SurvivorshipPolicyStore.policy(on: db)
            try await SurvivorshipPolicyStore.save(policy, by: actor, on: db)
            try await audit.record(
                .update, entityType: "survivorship_policy", entityID: "policy",
                detail: "changed: " + Self.changes(from: before, to: policy).joined(separator: ", "), by: actor, on: db)
        }
        return try await recompute(by: actor, progress: progress)
    }

    /// Sets one attribute's own setting (`default` sets the default), keeping the others.
    public func set(
        _ setting: AttributeSurvivorship, for attribute: String, by actor: Actor,
        progress: ((RecomputeProgress) -> Void)? = nil
    ) async throws -> RecomputeSummary {
        var policy = try await self.policy()
        if attribute == "default" {
            policy.defaultSetting = setting
        } else {
            guard GoldenAttribute(rawValue: attribute) != nil else {
                throw DomainError.invalid([SurvivorshipPolicyStore.unknownAttribute(attribute)])
            }
            policy.attributes[attribute] = setting
        }
        return try await replace(with: policy, by: actor, progress: progress)
    }

    /// Recomputes every person's golden profile under the stored policy, in transactions of
    /// ``batchSize`` people in ID order; `progress` hears after each. A failure leaves the
    /// batches before it done; running it again finishes the rest.
    public func recompute(by actor: Actor, progress: ((RecomputeProgress) -> Void)? = nil) async throws
        -> RecomputeSummary
    {
        let policy = try await self.policy()
        let total = try await database.sql.raw("SELECT COUNT(*) AS n FROM people").first()?.integer("n") ?? 0
        let profiles = GoldenProfiles(audit: audit, outbox: outbox)
        var summary = RecomputeSummary()
        progress?(RecomputeProgress(done: 0, total: total, changed: 0))
        var after = ""
        while true {
            let ids: [PersonID] = try await database.sql.raw(
                "SELECT id FROM people WHERE id > \(bind: after) ORDER BY id LIMIT \(unsafeRaw: String(Self.batchSize))"
            ).all().map { try $0.id("id") }
            guard let last = ids.last else { break }
            let changed = try await database.transaction { db in
                var changed = 0
                for id in ids {
                    let change = try await profiles.refresh(id, policy: policy, cause: "recompute", by: actor, on: db)
                    if change.profileChanged { changed += 1 }
                }
                return changed
            }
            summary.profiles += ids.count
            summary.changed += changed
            after = last.rawValue
            progress?(
                RecomputeProgress(
                    done: summary.profiles, total: max(total, summary.profiles), changed: summary.changed))
        }
        return summary
    }

    /// A person's golden values with their explanations, if `actor` may see the person; the
    /// read is audited.
    public func golden(of person: PersonID, by actor: Actor) async throws -> [StoredGoldenValue] {
        guard let row = try await database.sql.raw("SELECT * FROM people WHERE id = \(bind: person.rawValue)").first(),
            Visibility.allows(try PersonRepository.person(from: row), to: actor)
        else { throw DomainError.notFound(entity: "person", id: person.rawValue) }
        let values = try await StoredGoldenValue.all(of: person, in: database)
        try await audit.read(entityType: "person", entityID: person.rawValue, detail: "golden profile", by: actor)
        return values
    }

    /// The keys whose setting differs between two policies (`default` for the default).
    static func changes(from old: SurvivorshipPolicy, to new: SurvivorshipPolicy) -> [String] {
        let keys = Set(old.attributes.keys).union(new.attributes.keys).sorted()
        let changed = (old.defaultSetting != new.defaultSetting ? ["default"] : [])
            + keys.filter { old.attributes[$0] != new.attributes[$0] }
        return changed.isEmpty ? ["nothing"] : changed
    }
}

/// How far a recompute has come.
public struct RecomputeProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var changed: Int
}

/// What a recompute did: people recomputed, and how many of their profiles (a value or a
/// primary contact point) changed.
public struct RecomputeSummary: Sendable, Encodable, Equatable {
    public var profiles: Int
    public var changed: Int

    public init(profiles: Int = 0, changed: Int = 0) {
        self.profiles = profiles
        self.changed = changed
    }
}
