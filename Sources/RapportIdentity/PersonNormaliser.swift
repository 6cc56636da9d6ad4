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
        let country = Country(code: record[.country]) ?? defaultCountry
        var fields = Array(repeating: "", count: ComparedField.allCases.count)
        func set(_ field: ComparedField, _ value: String) { fields[field.rawValue] = value }
        set(.givenName, NameFolding.fold(record[.givenName]))
        set(.surname, NameFolding.fold(record[.surname]))
        set(.dateOfBirth, date(record[.dateOfBirth], country: country))
        var number = NameFolding.fold(record[.streetNumber]).compact
        var street = AddressStandardiser.standardise(record[.address1], country: country).matchKey
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
        var keys: [PersonAttribute: String] = [:]
        if !email.isEmpty { keys[.email] = email }
        if !phone.isEmpty { keys[.phone] = phone }
        for attribute in [PersonAttribute.customerNumber, .loyaltyCard] {
            let key = NameFolding.fold(record[attribute]).compact
            if !key.isEmpty { keys[attribute] = key }
        }
        return NormalisedPerson(fields: fields, strictKeys: keys)
    }

    /// The compact `YYYYMMDD` form; an invalid date keeps its eight digits, reordered to put
    /// a trailing year first (`07.051.996` → `19960507`) so it still compares digit by digit.
    private func date(_ raw: String, country: Country?) -> String {
        if raw.isEmpty { return "" }
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

    static func phone(_ raw: String, country: Country?) -> String {
        if raw.isEmpty { return "" }
        if let e164 = try? PhoneNumber.e164(raw, country: country) { return e164 }
        let digits = raw.filter { $0.isASCII && $0.isNumber }
        return digits.count >= 7 ? digits : ""
    }

    /// Splits a house number out of a street key: the first word containing a digit.
    static func splitNumber(_ street: String) -> (street: String, number: String)? {
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
