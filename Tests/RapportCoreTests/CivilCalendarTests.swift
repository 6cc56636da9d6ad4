import Foundation
import RapportCore
import Testing

@Suite("Civil calendar arithmetic")
struct CivilCalendarTests {
    @Test func knownDays() {
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.days(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilCalendar.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.days(year: 2026, month: 11, day: 23) == 20_780)
        #expect(CivilCalendar.date(fromDays: 11_016) == (2000, 2, 29))
    }

    @Test func everyDayRoundTripsAndAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -700_000, through: 2_900_000, by: 997) {
            let (year, month, day) = CivilCalendar.date(fromDays: days)
            #expect(CivilCalendar.days(year: year, month: month, day: day) == days)
            #expect((1...CivilCalendar.daysIn(month: month, year: year)).contains(day))
            if year > 1582 {
                let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
                #expect([parts.year, parts.month, parts.day] == [year, month, day])
            }
        }
    }

    @Test func leapYears() {
        #expect(CivilCalendar.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilCalendar.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilCalendar.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilCalendar.daysIn(month: 4, year: 2023) == 30)
    }
}
