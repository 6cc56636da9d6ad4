import Testing

@testable import RapportSegments

@Suite("R2.8 purpose limitation: analytics-only data never selects a contact")
struct PurposeTests {
    typealias F = Fixtures

    @Test("an analytics-only field in a contact rule is rejected at the field; reporting may use it")
    func analyticsField() throws {
        let error = F.error("spend > 100 and p_alive < 0.2", for: .contact)
        #expect(error?.code == .purpose)
        #expect(error?.field == "p_alive")
        #expect(error?.lineColumn == [1, 17])
        #expect(
            error?.description
                == "line 1, column 17: 'p_alive' is kept for analytics only and cannot select people to contact; "
                + "remove this condition or save the segment for reporting.")
        #expect(F.error("spend > 100 and p_alive < 0.2", for: .reporting) == nil)
        #expect(F.error(#"attr.income_band = "high""#, for: .contact)?.code == .purpose)
        #expect(F.error("not attr.shoe_size is empty", for: .contact)?.path == "not.field")
        #expect(F.error("spend > 100 and attr.newsletter", for: .contact) == nil)
    }

    @Test("a contact rule may not name a reporting segment, nor a segment that uses analytics-only data")
    func throughSegments() {
        let library = SegmentLibrary([
            .dynamic("likely churn", purpose: .reporting, rule: .field("p_alive", .compare(.less, 0.3))),
            .dynamic("big feet", purpose: .contact, rule: .field("attr.shoe_size", .compare(.greater, 45))),
            .frozen("board report", purpose: .reporting),
            .dynamic("buyers", purpose: .contact, rule: .field("frequency", .compare(.greater, 0))),
        ])
        let reporting = F.error(#"spend > 1 and in segment "likely churn""#, for: .contact, segments: library)
        #expect(reporting?.code == .purpose)
        #expect(reporting?.lineColumn == [1, 15])
        #expect(
            reporting?.message
                == "Segment 'likely churn' is for reporting only and cannot select people to contact; use a contact segment."
        )
        let inner = F.error(#"in segment "big feet""#, for: .contact, segments: library)
        #expect(inner?.code == .purpose)
        #expect(inner?.field == "attr.shoe_size")
        #expect(inner?.message.hasPrefix("Segment 'big feet' cannot be used here: 'attr.shoe_size' is kept") == true)
        #expect(F.error(#"in segment "board report""#, for: .contact, segments: library)?.code == .purpose)
        #expect(F.error(#"in segment "board report""#, for: .reporting, segments: library) == nil)
        #expect(F.error(#"in segment "buyers""#, for: .contact, segments: library) == nil)
    }

    @Test("a reporting rule becomes a contact rule only without analytics-only data")
    func changingPurpose() throws {
        let reporting = try F.check("p_alive < 0.3 and spend > 100")
        #expect(reporting.purpose == .reporting)
        #expect(reporting.purposeViolations(for: .reporting).isEmpty)
        #expect(reporting.purposeViolations(for: .contact).map(\.field) == ["p_alive"])
        #expect(throws: SegmentRuleError.self) { try reporting.checked(for: .contact) }
        let clean = try F.check("spend > 100")
        #expect(try clean.checked(for: .contact).purpose == .contact)
    }

    @Test("the built-in model outputs are analytics-only; behaviour fields are for contact")
    func builtIns() {
        let analytics = SegmentSchema.behaviour.fields.filter { $0.purpose == .analyticsOnly }.map(\.name)
        #expect(analytics == ["p_alive", "clv"])
        #expect(SegmentSchema.behaviour["recency_days"]?.purpose == .contact)
        var schema = SegmentSchema.behaviour
        schema.add(SegmentField(name: "p_alive", type: .number, purpose: .contact))
        #expect(schema["p_alive"]?.purpose == .contact)
        #expect(schema.fields.count == SegmentSchema.behaviour.fields.count)
    }
}
