/// The fields rules may use, given by the caller: the built-in behavioural fields
/// (`SegmentSchema.behaviour`) plus the organisation's runtime attributes.
public struct SegmentSchema: Sendable, Hashable, Codable {
    /// The fields in the order the segment builder lists them.
    public private(set) var fields: [SegmentField]
    private var byName: [String: Int]

    /// A schema of these fields; a later field replaces an earlier one of the same name.
    public init(_ fields: [SegmentField]) {
        self.fields = []
        byName = [:]
        for field in fields { add(field) }
    }

    /// Adds a field, or replaces the field of the same name (to change a built-in's purpose).
    public mutating func add(_ field: SegmentField) {
        if let index = byName[field.name] {
            fields[index] = field
        } else {
            byName[field.name] = fields.count
            fields.append(field)
        }
    }

    /// This schema with more fields.
    public func adding(_ more: [SegmentField]) -> SegmentSchema {
        var copy = self
        for field in more { copy.add(field) }
        return copy
    }

    /// The field with this exact name.
    public subscript(name: String) -> SegmentField? { byName[name].map { fields[$0] } }

    /// The closest field name to a misspelt one, for "did you mean …?": the same name in
    /// another case, the attribute of that key, or a name within a small edit distance.
    public func suggestion(for name: String) -> String? {
        if self[SegmentField.attributePrefix + name] != nil { return SegmentField.attributePrefix + name }
        return Suggestion.closest(to: name, among: fields.map(\.name))
    }

    public init(from decoder: any Decoder) throws {
        self.init(try [SegmentField](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
}

/// Picks the candidate a person most likely meant.
enum Suggestion {
    /// The candidate equal ignoring case, else the nearest by edit distance when the distance
    /// is at most a third of the word's length (and at least 1, at most 3).
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lower = word.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower }) { return same }
        let limit = min(3, max(1, word.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lower, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Edit distance over characters counting a swap of neighbours as one edit (optimal
    /// string alignment), since "vpi" for "vip" is one slip of the fingers.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The end of a sentence: " — did you mean 'spend'?" or ".".
    static func hint(_ suggestion: String?) -> String {
        suggestion.map { " — did you mean '\($0)'?" } ?? "."
    }
}
