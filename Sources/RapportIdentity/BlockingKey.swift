/// A blocking key: records are only compared when they share at least one key value.
///
/// Several keys with different failure modes keep recall high while the number of compared
/// pairs grows almost linearly: a typo in the surname still meets its twin on given name and
/// birth date, a mover still meets on names and birth year, a swapped name on the name pair.
public enum BlockingKey: Int, CaseIterable, Sendable, Codable {
    /// NYSIIS of the surname and the birth year.
    case surnamePhoneticBirthYear
    /// NYSIIS of the given name and the full birth date.
    case givenPhoneticBirthDate
    /// Birth date and the first letter of the surname.
    case birthDateSurnameInitial
    /// Postcode and the first letter of the given name.
    case postcodeGivenInitial
    /// The two name codes in sorted order (robust to swapped given name and surname).
    case namePair
    /// Street and house number.
    case streetAddress
    /// Normalised e-mail.
    case email
    /// E.164 phone.
    case phone
    /// National identifier.
    case nationalID

    /// The key of `row`, or `0` when the row lacks the fields the key needs. Values enter by
    /// their id in the table, so the key is only meaningful within that table.
    @inline(__always)
    func key(_ s: TableStorage, row: Int) -> UInt64 {
        key(s, row: row) { UInt64(s.id(row, $0.rawValue)) }
    }

    /// The key of `row` built from the values themselves (a hash of their folded bytes instead
    /// of their table id), so it is the same in every table and process: the form kept in a
    /// store's blocking index. `0` when the row lacks the fields the key needs.
    func storedKey(_ s: TableStorage, row: Int) -> UInt64 {
        key(s, row: row) { field in
            let id = s.id(row, field.rawValue)
            return id == 0 ? 0 : ValuePool.valueHash(s.text(id))
        }
    }

    @inline(__always)
    private func key(_ s: TableStorage, row: Int, identity: (ComparedField) -> UInt64) -> UInt64 {
        func id(_ field: ComparedField) -> Int32 { s.id(row, field.rawValue) }
        func code(_ field: ComparedField) -> UInt64 { s.phonetic[Int(id(field))] }
        func initial(_ field: ComparedField) -> UInt64 {
            let value = id(field)
            return value == 0 ? 0 : UInt64(s.text(value)[0])
        }
        func birthYear() -> UInt64 {
            let value = id(.dateOfBirth)
            guard value != 0 else { return 0 }
            return s.text(value).prefix(4).reduce(0) { $0 * 10 + UInt64($1 & 0x0F) } | 0x10000
        }
        switch self {
        case .surnamePhoneticBirthYear: return combine(code(.surname), birthYear())
        case .givenPhoneticBirthDate: return combine(code(.givenName), identity(.dateOfBirth))
        case .birthDateSurnameInitial: return combine(identity(.dateOfBirth), initial(.surname))
        case .postcodeGivenInitial: return combine(identity(.postcode), initial(.givenName))
        case .namePair:
            let (a, b) = (code(.givenName), code(.surname))
            if a == 0 && b == 0 { return 0 }
            return combine(min(a, b) | 1, max(a, b) | 1)
        case .streetAddress: return combine(identity(.street), identity(.streetNumber))
        case .email: return combine(identity(.email), 1)
        case .phone: return combine(identity(.phone), 1)
        case .nationalID: return combine(identity(.nationalID), 1)
        }
    }

    /// The order of rows inside a large block of this key, which is compared only between
    /// neighbours in that order: a field the key does not contain, so that records agreeing on
    /// it (or on its phonetic code) sit next to each other.
    func secondary(_ s: TableStorage, row: Int) -> UInt64 {
        switch self {
        case .surnamePhoneticBirthYear, .postcodeGivenInitial:
            return s.phonetic[Int(s.id(row, ComparedField.givenName.rawValue))]
        case .namePair:
            let value = s.id(row, ComparedField.dateOfBirth.rawValue)
            return value == 0 ? 0 : s.text(value).reduce(0) { $0 &* 10 &+ UInt64($1 & 0x0F) }
        default: return s.phonetic[Int(s.id(row, ComparedField.surname.rawValue))]
        }
    }

    /// Mixes two non-zero parts into one key tagged with the key kind; `0` if either is missing.
    private func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        guard a != 0, b != 0 else { return 0 }
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= (b &+ UInt64(rawValue + 1) &* 0xBF58_476D_1CE4_E5B9) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h | 1
    }
}
