/// Computes the `ComparisonVector` of two rows of a `LinkageTable`.
///
/// Beyond per-field levels it recognises given name and surname written the wrong way round
/// (`Kowalski Jan` against `Jan Kowalski`, or a single Indonesian name filed as surname in one
/// source and given name in another) and scores the crossed comparison when it agrees better.
enum PairComparator {
    @inline(__always)
    static func compare(_ s: TableStorage, _ i: Int, _ j: Int) -> ComparisonVector {
        compare(s, i, j) { field, a, b in fieldLevel(s, field, a, b) }
    }

    /// The same vector, with the levels of repeated value pairs taken from `memo` (batch
    /// comparison of millions of pairs; see `LevelMemo`).
    @inline(__always)
    static func compare(_ s: TableStorage, _ i: Int, _ j: Int, memo: LevelMemo) -> ComparisonVector {
        compare(s, i, j) { field, a, b in memo.level(s, field, a, b) }
    }

    @inline(__always)
    private static func compare(
        _ s: TableStorage, _ i: Int, _ j: Int, level fieldLevel: (ComparedField, Int32, Int32) -> Int
    ) -> ComparisonVector {
        var vector = ComparisonVector()
        for field in ComparedField.allCases {
            let level = fieldLevel(field, s.id(i, field.rawValue), s.id(j, field.rawValue))
            vector.bits |= UInt64(level) << UInt64(field.rawValue * 4)
        }
        if vector[.email] == 2 && isNameBuiltEmail(s, i) && isNameBuiltEmail(s, j) {
            vector[.email] = 0
        }
        let given = vector[.givenName]
        let surname = vector[.surname]
        if given != 1 || surname != 1 {
            let crossGiven = fieldLevel(
                .givenName, s.id(i, ComparedField.givenName.rawValue), s.id(j, ComparedField.surname.rawValue))
            let crossSurname = fieldLevel(
                .surname, s.id(i, ComparedField.surname.rawValue), s.id(j, ComparedField.givenName.rawValue))
            let best = min(crossGiven == 0 ? 9 : crossGiven, crossSurname == 0 ? 9 : crossSurname)
            if best <= 2, quality(crossGiven) + quality(crossSurname) > quality(given) + quality(surname) {
                vector[.givenName] = crossGiven
                vector[.surname] = crossSurname
            }
        }
        return vector
    }

    /// Higher is better agreement; missing counts as no information.
    @inline(__always)
    private static func quality(_ level: Int) -> Int { level == 0 ? 0 : 6 - level }

    @inline(__always)
    static func fieldLevel(_ s: TableStorage, _ field: ComparedField, _ a: Int32, _ b: Int32) -> Int {
        if a == 0 || b == 0 { return 0 }
        if a == b { return 1 }
        let x = s.text(a)
        let y = s.text(b)
        switch field.comparator {
        case .name:
            let similarity = JaroWinkler.similarity(x, y)
            if similarity >= 0.92 { return 2 }
            if similarity >= 0.80 || s.phonetic[Int(a)] == s.phonetic[Int(b)] { return 3 }
            if EditDistance.distance(x, y, limit: 1) <= 1 { return 3 }
            return similarity < 0.6 && x[0] != y[0] ? 5 : 4
        case .text:
            let similarity = JaroWinkler.similarity(x, y)
            return similarity >= 0.90 ? 2 : similarity >= 0.80 ? 3 : 4
        case .date:
            if isDayMonthSwap(x, y) { return 2 }
            let distance = EditDistance.distance(x, y, limit: 2)
            if distance <= 1 { return 2 }
            if distance == 2 { return 3 }
            return yearsApart(x, y) >= 10 ? 5 : 4
        case .code:
            return EditDistance.distance(x, y, limit: 1) <= 1 ? 2 : 3
        case .identifier:
            let distance = EditDistance.distance(x, y, limit: 2)
            return distance <= 1 ? 2 : distance == 2 ? 3 : 4
        case .email:
            return sameLocalPart(x, y) || JaroWinkler.similarity(x, y) >= 0.92 ? 2 : 3
        case .exact:
            return 2
        }
    }

    /// Whether the local part of the row's e-mail, digits and separators ignored, is spelled
    /// from the row's own name (`anna.nowak`, `nowakanna`, `anowak`, `anna_123`).
    ///
    /// Two such addresses that are similar but not identical (`anna.nowak@gmail.com` and
    /// `anna.nowak@onet.pl`, `annanowak12@…` and `annanowak345@…`) only repeat the name
    /// evidence: every Anna Nowak builds her address that way. Their comparison is treated as
    /// missing instead of as strong agreement, which otherwise merged namesakes.
    static func isNameBuiltEmail(_ s: TableStorage, _ row: Int) -> Bool {
        let email = s.text(s.id(row, ComparedField.email.rawValue))
        guard let at = email.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let letters = email[..<at].filter { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        let givenID = s.id(row, ComparedField.givenName.rawValue)
        let surnameID = s.id(row, ComparedField.surname.rawValue)
        let given = givenID == 0 ? [] : s.text(givenID).filter { $0 != UInt8(ascii: " ") }
        let surname = surnameID == 0 ? [] : s.text(surnameID).filter { $0 != UInt8(ascii: " ") }
        guard !letters.isEmpty, !given.isEmpty || !surname.isEmpty else { return false }
        let forms = [given + surname, surname + given, Array(given.prefix(1)) + surname, given, surname]
        return forms.contains { !$0.isEmpty && $0 == letters }
    }

    private static func yearsApart(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        guard x.count >= 4, y.count >= 4 else { return 0 }
        func year(_ z: UnsafeBufferPointer<UInt8>) -> Int { z.prefix(4).reduce(0) { $0 * 10 + Int($1 & 0x0F) } }
        return abs(year(x) - year(y))
    }

    private static func isDayMonthSwap(
        _ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard x.count == 8, y.count == 8 else { return false }
        for k in 0..<4 where x[k] != y[k] { return false }
        return x[4] == y[6] && x[5] == y[7] && x[6] == y[4] && x[7] == y[5]
    }

    private static func sameLocalPart(
        _ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let at = UInt8(ascii: "@")
        guard let i = x.firstIndex(of: at), let j = y.firstIndex(of: at), i == j, i > 0 else {
            return false
        }
        for k in 0..<i where x[k] != y[k] { return false }
        return true
    }
}
