/// The attribute names a touchpoint may be allowed to supply (R1.1): the fields of an
/// ingested record (``IngestRecord``). A touchpoint's `allowedAttributes` must name only
/// these, or the key of a defined custom attribute.
///
/// `country` is not listed: it is the context every record needs to read national phone
/// numbers and addresses, so any source may send it.
public enum TouchpointAttribute: String, CaseIterable, Sendable {
    case externalID, loyaltyCard, givenName, familyName, birthDate, gender, language, email, phone
    /// The postal address as a whole (`address.*`).
    case postal

    /// Every known name, in declaration order, for error messages.
    public static var names: [String] { allCases.map(\.rawValue) }
}
