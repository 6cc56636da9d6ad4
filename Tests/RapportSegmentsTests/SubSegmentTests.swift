import Testing

@testable import RapportSegments

@Suite("R3.2 nested sub-segments: lookup, cycles, static and dynamic")
struct SubSegmentTests {
    typealias F = Fixtures

    static let library = SegmentLibrary([
        .dynamic("vip", rule: .field("spend", .compare(.greaterOrEqual, 1000))),
        .dynamic("polish vip", rule: .and([.segment("vip"), .field("country", .compare(.equal, "PL"))])),
        .frozen("spring mailing"),
        .dynamic("a", rule: .segment("b")),
        .dynamic("b", rule: .or([.field("frequency", .compare(.greater, 1)), .segment("a")])),
        .dynamic("c", rule: .segment("c")),
        .dynamic("broken", rule: .field("spnd", .compare(.greater, 1))),
        .dynamic("left", rule: .segment("vip")),
        .dynamic("right", rule: .not(.segment("vip"))),
    ])

    @Test("an unknown segment is rejected at its reference with the nearest key")
    func unknownSegment() {
        let error = F.error(#"spend > 1 and in segment "vpi""#, segments: Self.library)
        #expect(error?.code == .unknownSegment)
        #expect(error?.lineColumn == [1, 15])
        #expect(error?.path == "and[1].segment")
        #expect(error?.message == "Unknown segment 'vpi' — did you mean 'vip'?")
    }

    @Test("segments that refer to each other in a loop are rejected, naming the loop")
    func cycles() throws {
        let loop = F.error(#"in segment "a""#, segments: Self.library)
        #expect(loop?.code == .segmentCycle)
        #expect(loop?.lineColumn == [1, 1])
        #expect(loop?.message == "Segments refer to each other in a loop: a → b → a; remove one of these references.")
        #expect(F.error(#"in segment "c""#, segments: Self.library)?.message.contains("c → c") == true)
        let saving = try F.parse(#"spend > 1 or in segment "polish vip""#)
        #expect(throws: SegmentRuleError.self) {
            try F.schema.check(saving, for: .contact, segments: Self.library, definingKey: "vip")
        }
        let definition = SegmentDefinition.dynamic("vip", rule: saving)
        #expect(
            F.schema.problems(in: saving, for: .contact, segments: Self.library, definingKey: "vip").first?.message
                == "Segments refer to each other in a loop: vip → polish vip → vip; remove one of these references.")
        #expect(throws: SegmentRuleError.self) { try F.schema.check(definition, segments: Self.library) }
        #expect(try F.schema.check(SegmentDefinition.frozen("x"), segments: Self.library) == nil)
    }

    @Test("the same segment reached twice is not a loop")
    func diamond() throws {
        let checked = try F.check(
            #"in segment "left" and in segment "right" and in segment "polish vip""#, segments: Self.library)
        #expect(checked.segmentKeys == ["left", "polish vip", "right", "vip"])
        #expect(checked.fieldNames == ["country", "spend"])
    }

    @Test("a broken segment is reported at the reference to it")
    func brokenSegment() {
        let error = F.error(#"in segment "broken""#, segments: Self.library)
        #expect(error?.code == .unknownField)
        #expect(error?.lineColumn == [1, 1])
        #expect(error?.message == "Segment 'broken' cannot be used here: Unknown field 'spnd' — did you mean 'spend'?")
    }

    @Test("dynamic sub-segments are evaluated by their rules, frozen ones by the person's memberships")
    func evaluation() throws {
        let checked = try F.check(#"in segment "polish vip" or in segment "spring mailing""#, segments: Self.library)
        #expect(checked.matches(["spend": 1500, "country": "PL"], today: F.today))
        #expect(!checked.matches(["spend": 1500, "country": "US"], today: F.today))
        #expect(checked.matches(SegmentSubject(values: [:], frozenSegments: ["spring mailing"]), today: F.today))
        #expect(!checked.matches(SegmentSubject(values: [:], frozenSegments: ["other"]), today: F.today))
    }

    @Test("'not in segment' keeps people the sub-segment cannot judge: membership is true or false")
    func negatedMembership() throws {
        let checked = try F.check(#"not in segment "vip""#, segments: Self.library)
        #expect(checked.matches([:], today: F.today), "unknown spend: not a vip, so selected")
        #expect(checked.matches(["spend": 10], today: F.today))
        #expect(!checked.matches(["spend": 5000], today: F.today))
        let plain = try F.check("not spend >= 1000")
        #expect(!plain.matches([:], today: F.today), "a plain condition on unknown data stays unknown")
    }
}
