import RapportLocales

/// Parts for plausible company names with each country's legal forms: "Lakeview Hardware
/// LLC", "Budmax Sp. z o.o.", "PT Sinar Jaya Abadi".
enum CompanyNames {
    static let usPlaces = [
        "Lakeview", "Summit", "Pioneer", "Evergreen", "Bluewater", "Redwood", "Granite", "Liberty",
        "Harbor",
        "Prairie", "Keystone", "Cascade", "Heritage", "Northstar", "Riverbend", "Oakridge",
    ]
    static let usSectors = [
        "Hardware", "Home Center", "Builders", "Supply", "Kitchens", "Property Management",
        "Hospitality Group",
        "Facilities", "Dental Group", "Construction", "Landscaping", "Outfitters", "Cafés", "Realty",
    ]
    static let usForms = ["Inc.", "LLC", "LLC", "Corp.", "Co."]
    static let usTradeSectors = [
        "Appliance Dealers", "Distribution", "Wholesale", "Sales Agency", "Trading",
    ]

    static let plWords = [
        "Budmax", "Polmar", "Eko-Dom", "Bielbud", "Techmet", "Agromax", "Instalbud", "Jantar",
        "Mazowsze",
        "Karpaty", "Sudety", "Bałtyk", "Wisłoka", "Dębina", "Złoty Kłos", "Górnik", "Śnieżka", "Wawel",
    ]
    static let plSectors = [
        "Handel", "Serwis", "Budownictwo", "Instalacje", "Gastronomia", "Meble", "Transport",
    ]
    static let plForms = ["Sp. z o.o.", "Sp. z o.o.", "Sp. z o.o.", "S.A.", "sp.j.", "sp.k."]
    static let plTradePrefixes = [
        "Hurtownia", "Przedstawicielstwo Handlowe", "Dystrybucja", "Autoryzowany Dealer",
    ]

    static let idWords = [
        "Sinar", "Jaya", "Abadi", "Makmur", "Sentosa", "Maju", "Bersama", "Karya", "Mandiri",
        "Sejahtera", "Cahaya",
        "Mulia", "Sumber", "Rejeki", "Agung", "Prima", "Nusa", "Indah", "Bintang", "Utama", "Lestari",
        "Perkasa",
    ]
    static let idSectors = [
        "Niaga", "Teknik", "Elektronik", "Distribusindo", "Bangunan", "Pangan", "Logistik",
    ]

    /// A customer's name in `country`, sometimes built on a local surname.
    static func customer(in country: Country, surname: String, _ random: inout DemoRandom) -> String {
        switch country {
        case .us:
            let head = random.chance(50) ? surname : random.pick(usPlaces)
            return "\(head) \(random.pick(usSectors)) \(random.pick(usForms))"
        case .pl:
            switch random.below(4) {
            case 0: return "\(random.pick(plWords)) \(random.pick(plForms))"
            case 1: return "\(surname) i Synowie sp.j."
            case 2: return "PHU \(random.pick(plWords)) \(surname)"
            default: return "\(random.pick(plWords))-\(random.pick(plSectors)) \(random.pick(plForms))"
            }
        case .id:
            let words = "\(random.pick(idWords)) \(random.pick(idWords))"
            switch random.below(4) {
            case 0: return "CV \(words)"
            case 1: return "PT \(words) \(random.pick(idSectors))"
            case 2: return "UD \(random.pick(idWords)) \(surname)"
            default: return "PT \(words)"
            }
        }
    }

    /// A dealer's, agent's or wholesaler's name for `brand` in `country`.
    static func trade(in country: Country, brand: String, surname: String, _ random: inout DemoRandom)
        -> String
    {
        switch country {
        case .us: "\(surname) \(brand) \(random.pick(usTradeSectors)) \(random.pick(usForms))"
        case .pl: "\(random.pick(plTradePrefixes)) \(brand) \(surname) \(random.pick(plForms))"
        case .id:
            "\(random.chance(70) ? "PT" : "CV") \(random.pick(idWords)) \(brand) \(random.pick(idSectors))"
        }
    }
}
