/// A person's ID that was merged into another person's: it still resolves, to the
/// survivor, so a caller holding the old ID learns where the data went (the API answers
/// 410 Gone with `mergedInto`, the web page links to the survivor).
public struct MergedPersonError: Error, Equatable, Sendable {
    public let personID: PersonID
    public let survivorID: PersonID

    public init(personID: PersonID, survivorID: PersonID) {
        self.personID = personID
        self.survivorID = survivorID
    }

    public var message: String {
        "Person \(personID) was merged into \(survivorID); use \(survivorID)."
    }
}
