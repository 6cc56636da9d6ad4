import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Segments: rules, checks and saved segments (R3.2)")
struct SegmentRepositoryTests {
    @Test func aSegmentIsCreatedListedFoundAndAudited() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let created = try await f.segment("vip-poland", #"spend >= 500 and country = "PL""#)
            #expect(created.kind == .dynamic)
            #expect(created.ruleText == #"spend >= 500 and country = "PL""#)
            #expect(try await store.segments.list().map(\.key) == ["vip-poland"])
            let found = try await store.segments.find("vip-poland")
            #expect(found.id == created.id)
            #expect(found.rule == created.rule)
            let trail = try await store.audit.list(entityID: created.id.rawValue)
            #expect(trail.map(\.action) == [.create])
            await #expect(
                throws: DomainError.conflict(
                    field: "key", message: "A segment with key 'vip-poland' already exists; choose another key.")
            ) {
                try await f.segment("vip-poland", "frequency >= 1")
            }
            await #expect(throws: DomainError.notFound(entity: "segment", id: "nope")) {
                try await store.segments.find("nope")
            }
        }
    }

    @Test func anInvalidRuleIsRejectedWithThePositionOfEachError() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let unknown = await f.rejection { try await f.segment("a", "frequency >= 2 and\n  spnd >= 100") }
            let first = try #require(unknown?.errors.first)
            #expect(first.code == .unknownField)
            #expect(first.position?.line == 2)
            #expect(first.position?.column == 3)
            #expect(first.message.contains("did you mean 'spend'"))
            let wrongType = await f.rejection { try await f.segment("b", #"country = "PL" and spend >= "lots""#) }
            #expect(wrongType?.errors.first?.code == .wrongType)
            #expect(wrongType?.errors.first?.position?.column == 29)
            let both = await f.rejection { try await f.segment("c", #"spnd > 1 or frequency = "x""#) }
            #expect(both?.errors.count == 2, "every problem is reported at once")
            let syntax = await f.rejection { try await f.segment("d", "spend >= ") }
            #expect(syntax?.errors.first?.code == .syntax)
            #expect(syntax?.errors.first?.position != nil)
            #expect(try await store.segments.list().isEmpty, "nothing was saved")
        }
    }

    @Test func contactSegmentsMayNotUseAnalyticsOnlyData() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let income = try AttributeDefinitionDraft(
                key: "income_band", label: "Income band", type: "choice", choices: ["low", "high"], purpose: "analytics"
            )
            .validated(id: store.ids.make(), now: Date())
            try await store.attributes.define(income, by: f.admin)
            let rule = #"frequency >= 1 and attr.income_band = "high""#
            let refused = await f.rejection { try await f.segment("rich", rule) }
            let error = try #require(refused?.errors.first)
            #expect(error.code == .purpose)
            #expect(error.field == "attr.income_band")
            #expect(error.position?.column == 20)
            let pAlive = await f.rejection { try await f.segment("alive", "p_alive > 0.5") }
            #expect(pAlive?.errors.first?.code == .purpose, "model outputs are analytics-only too")
            // The same rule may define a reporting segment, which no contact segment may then use.
            try await f.segment("rich", rule, purpose: "reporting")
            let laundering = await f.rejection { try await f.segment("mailing", #"in segment "rich""#) }
            #expect(laundering?.errors.first?.code == .purpose)
            // A frozen reporting list cannot be turned into a contact list later.
            let frozen = try await store.segments.freeze("rich", as: "rich-list", by: f.admin)
            await #expect(throws: DomainError.self) {
                try await store.segments.update(
                    frozen.key, with: SegmentPatch(purpose: .set("contact")), rule: nil, by: f.admin)
            }
        }
    }

    @Test func subSegmentsAreResolvedAndLoopsRefused() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let anna = try await f.person("Anna")
            try await f.purchase(anna, 800)
            try await f.segment("buyers", "frequency >= 1")
            try await f.segment("big-buyers", #"in segment "buyers" and spend >= 500"#)
            #expect(try await f.keys(of: anna) == ["big-buyers", "buyers"])
            let unknown = await f.rejection { try await f.segment("x", #"in segment "buyrs""#) }
            #expect(unknown?.errors.first?.code == .unknownSegment)
            #expect(unknown?.errors.first?.message.contains("did you mean 'buyers'") == true)
            let loop = await f.rejection {
                _ = try await store.segments.update(
                    "buyers", with: SegmentPatch(), rule: try SegmentRuleRejection.parse(#"in segment "big-buyers""#),
                    by: f.admin)
            }
            #expect(loop?.errors.first?.code == .segmentCycle)
            #expect(loop?.errors.first?.message.contains("buyers → big-buyers → buyers") == true)
            await #expect(throws: DomainError.self, "a segment another one is built on cannot be deleted") {
                try await store.segments.delete("buyers", by: f.admin)
            }
            try await store.segments.delete("big-buyers", by: f.admin)
            try await store.segments.delete("buyers", by: f.admin)
            #expect(try await store.segments.list().isEmpty)
        }
    }

    @Test func changingASegmentThatAnotherUsesIsCheckedForThatOneToo() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            try await f.segment("buyers", "frequency >= 1")
            try await f.segment("mailing", #"in segment "buyers""#)
            await #expect(throws: DomainError.self, "a contact segment is built on it") {
                try await store.segments.update(
                    "buyers", with: SegmentPatch(purpose: .set("reporting")), rule: nil, by: f.admin)
            }
            let renamed = try await store.segments.update(
                "buyers", with: SegmentPatch(name: .set("All buyers")), rule: nil, by: f.admin)
            #expect(renamed.name == "All buyers")
            #expect(
                try await store.audit.list(entityID: renamed.id.rawValue).first?.detail == "key buyers, fields: name")
        }
    }
}
