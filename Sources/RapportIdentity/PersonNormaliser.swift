import Foundation
import RapportLocales

/// The matching forms of one record: folded, standardised strings per compared field and the
/// deterministic keys used by strict matching.
public struct NormalisedPerson: Sendable, Hashable {
    /// One folded value per `ComparedField` (by raw value); `""` when missing or unusable.
    public var fields: [String]
    /// Normalised deterministic keys (`email`, `phone`, `customer_number`, `loyalty_card`).
    public var strictKeys: [PersonAttribute: String]

    /// The folded value of `field`.
    public subscript(_ field: ComparedField) -> String { fields[field.rawValue] }
}

/// Derives `NormalisedPerson` from raw records. It is lenient: a value that fails strict
/// normalisation (an invalid date, a malformed phone) keeps a best-effort folded form for
/// matching rather than being lost; the typed errors are for validation at ingestion.
public struct PersonNormaliser: Sendable {
    /// Country used for records without a (recognisable) country value.
    public var defaultCountry: Country?
    /// E-mail rule applied to every record.
    public var emailRule: EmailAddress.Rule

    /// Creates a normaliser.
    public init(defaultCountry: Country? = nil, emailRule: EmailAddress.Rule = .plain) {
        self.defaultCountry = defaultCountry
        self.emailRule = emailRule
    }

    /// The matching forms of `record`.
    public func normalise(_ record: PersonRecord) -> NormalisedPerson {
        let fields = comparedFields(record)
        var keys: [PersonAttribute: String] = [:]
        if !fields[ComparedField.email.rawValue].isEmpty { keys[.email] = fields[ComparedField.email.rawValue] }
        if !fields[ComparedField.phone.rawValue].isEmpty { keys[.phone] = fields[ComparedField.phone.rawValue] }
        for attribute in [PersonAttribute.customerNumber, .loyaltyCard] {
            let key = NameFolding.fold(record[attribute]).compact
            if !key.isEmpty { keys[attribute] = key }
        }
        return NormalisedPerson(fields: fields, strictKeys: keys)
    }

    /// The `fields` of `normalise(record)` alone, without the strict keys (batch linkage
    /// compares fields only).
    func comparedFields(_ record: PersonRecord) -> [String] {
        let country = Country(code: record[.country]) ?? defaultCountry
        var fields = Array(repeating: "", count: ComparedField.allCases.count)
        func set(_ field: ComparedField, _ value: String) { fields[field.rawValue] = value }
        set(.givenName, NameFolding.fold(record[.givenName]))
        set(.surname, NameFolding.fold(record[.surname]))
        set(.dateOfBirth, date(record[.dateOfBirth], country: country))
        var number = NameFolding.fold(record[.streetNumber]).compact
        var street = AddressStandardiser.matchKey(record[.address1], country: country)
        if number.isEmpty, let split = Self.splitNumber(street) { (street, number) = split }
        set(.streetNumber, number)
        set(.street, street)
        set(.locality, NameFolding.fold(record[.address2]))
        set(.city, NameFolding.fold(record[.city]))
        set(.postcode, NameFolding.fold(record[.postcode]).compact)
        set(.state, NameFolding.fold(record[.state]))
        let email = (try? EmailAddress.normalise(record[.email], rule: emailRule)) ?? ""
        set(.email, email)
        let phone = Self.phone(record[.phone], country: country)
        set(.phone, phone)
        set(.nationalID, NameFolding.fold(record[.nationalID]).compact)
        return fields
    }

    /// The compact `YYYYMMDD` form; an invalid date keeps its eight digits, reordered to put
    /// a trailing year first (`07.051.996` → `19960507`) so it still compares digit by digit.
    private func date(_ raw: String, country: Country?) -> String {
        if raw.isEmpty { return "" }
        if let compact = Self.plainDate(raw, country: country) { return compact }
        if let date = try? CalendarDate.parse(raw, country: country) { return date.compact }
        let digits = Array(raw.filter { $0.isASCII && $0.isNumber })
        guard digits.count == 8 else { return "" }
        let leadingYear = Int(String(digits[0..<4])) ?? 0
        if (1800...2100).contains(leadingYear) { return String(digits) }
        let year = String(digits[4..<8])
        let monthFirst = raw.contains("/") && (country == .us || country == nil)
        let (month, day) = monthFirst ? (digits[0..<2], digits[2..<4]) : (digits[2..<4], digits[0..<2])
        return year + String(month) + String(day)
    }

    /// The compact form of a valid date written in one of the three shapes almost every
    /// record uses — `YYYYMMDD`, `YYYY?MM?DD` and `DD?MM?YYYY` (or `MM?DD?YYYY`) with one
    /// separator from `-./` — read byte by byte; `nil` for anything else, which then goes
    /// through `CalendarDate.parse`. Whenever it answers, it answers exactly as `parse` does.
    static func plainDate(_ raw: String, country: Country?) -> String? {
        var raw = raw
        return raw.withUTF8 { b -> String? in
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for k in range {
                    guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                    value = value * 10 + Int(b[k] - 0x30)
                }
                return value
            }
            func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
                (1800...2100).contains(year) && (1...12).contains(month)
                    && (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
            }
            func compact(_ year: Range<Int>, _ month: Range<Int>, _ day: Range<Int>) -> String {
                String(decoding: Array(b[year]) + Array(b[month]) + Array(b[day]), as: UTF8.self)
            }
            if b.count == 8 {
                guard let year = digits(0..<4), let month = digits(4..<6), let day = digits(6..<8),
                    valid(year, month, day)
                else { return nil }
                return String(decoding: b, as: UTF8.self)
            }
            guard b.count == 10 else { return nil }
            let isSeparator = { (byte: UInt8) in byte == 0x2D || byte == 0x2E || byte == 0x2F }
            if isSeparator(b[4]) && b[7] == b[4] {
                guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
                    valid(year, month, day)
                else { return nil }
                return compact(0..<4, 5..<7, 8..<10)
            }
            guard isSeparator(b[2]) && b[5] == b[2], let first = digits(0..<2), let second = digits(3..<5),
                let year = digits(6..<10), year >= 1000
            else { return nil }
            let separator = b[2]
            let monthFirst = separator == 0x2F && (country == .us || country == nil) || separator == 0x2D && country == .us
            let (month, day) = monthFirst ? (first, second) : (second, first)
            if valid(year, month, day) {
                return monthFirst ? compact(6..<10, 0..<2, 3..<5) : compact(6..<10, 3..<5, 0..<2)
            }
            guard valid(year, day, month) else { return nil }
            return monthFirst ? compact(6..<10, 3..<5, 0..<2) : compact(6..<10, 0..<2, 3..<5)
        }
    }

    static func phone(_ raw: String, country: Country?) -> String {
        if raw.isEmpty { return "" }
        if let e164 = try? PhoneNumber.e164(raw, country: country) { return e164 }
        let digits = raw.filter { $0.isASCII && $0.isNumber }
        return digits.count >= 7 ? digits : ""
    }

    /// Splits a house number out of a street key: the first word containing a digit.
    static func splitNumber(_ street: String) -> (street: String, number: String)? {
        let bytes = Array(street.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // Street keys are folded ASCII: the same split on bytes, without `Character`s.
            var words = bytes.split(separator: 0x20)
            guard let index = words.firstIndex(where: { $0.contains { $0 >= 0x30 && $0 <= 0x39 } }) else {
                return nil
            }
            let number = String(decoding: words.remove(at: index), as: UTF8.self)
            return (String(decoding: Array(words.joined(separator: [0x20])), as: UTF8.self), number)
        }
        var words = street.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.contains(where: \.isNumber) }) else {
            return nil
        }
        let number = String(words.remove(at: index))
        return (words.joined(separator: " "), number)
    }
}

extension String {
    /// The string without spaces (folded codes such as `"02 134"` → `"02134"`).
    var compact: String { contains(" ") ? replacingOccurrences(of: " ", with: "") : self }
}
