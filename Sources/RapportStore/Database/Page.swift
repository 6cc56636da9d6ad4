import Foundation

/// One page of a list, with an opaque cursor for the next page (keyset pagination: stable
/// under inserts, no OFFSET scans).
public struct Page<Item: Sendable & Encodable>: Sendable, Encodable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Position after the last item of a page: the sort key's value and the id that breaks ties.
public struct Cursor: Equatable, Sendable {
    public var sortValue: String
    public var id: String

    public init(sortValue: String, id: String) {
        self.sortValue = sortValue
        self.id = id
    }

    /// Base64url of `sortValue` + U+001F + `id`.
    public var encoded: String {
        Data((sortValue + "\u{1F}" + id).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Nil when the text is not a cursor this server made.
    public init?(encoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else { return nil }
        let parts = decoded.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        self.init(sortValue: String(parts[0]), id: String(parts[1]))
    }
}

/// How a list is ordered: a whitelisted column and a direction.
public struct ListOrder: Sendable, Equatable {
    public var column: String
    public var descending: Bool

    public init(column: String, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}
