import Foundation
import RapportCore

/// The attributes of a person the store computes by survivorship (R1.3): the profile columns of
/// `people`, and which current e-mail address and phone number is primary.
///
/// Keys are those of ``TouchpointAttribute`` (so a touchpoint's allowed attributes apply), plus
/// `country`, which every touchpoint may send. The postal address takes no part: a new current
/// address ends the previous one (a move), so a person has one current address, not a choice.
public enum GoldenAttribute: String, CaseIterable, Sendable {
    case givenName, familyName, birthDate, gender, language, country, email, phone

    /// The name shown on the 360 and admin pages.
    public var label: String {
        switch self {
        case .givenName: "Given name"
        case .familyName: "Family name"
        case .birthDate: "Birth date"
        case .gender: "Gender"
        case .language: "Language"
        case .country: "Country"
        case .email: "Primary e-mail"
        case .phone: "Primary phone"
        }
    }

    /// The contact kind whose primary one this attribute chooses; nil for profile columns.
    public var contactKind: ContactKind? {
        switch self {
        case .email: .email
        case .phone: .phone
        default: nil
        }
    }

    /// Every key, for error messages.
    public static var keys: [String] { allCases.map(\.rawValue) }

    /// The person's own value of each profile attribute, in the stored (normalised) form.
    static func profileValues(of person: Person) -> [GoldenAttribute: String?] {
        [
            .givenName: person.givenName, .familyName: person.familyName, .birthDate: person.birthDate?.description,
            .gender: person.gender?.rawValue, .language: person.language, .country: person.country,
        ]
    }
}
