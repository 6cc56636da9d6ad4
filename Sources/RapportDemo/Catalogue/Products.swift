import RapportLocales

/// One article the demo retailer sells, priced in US dollars and converted per country.
struct Product: Sendable {
    let name: String
    /// The brand, which is also the name of a manufacturer organisation in the data set.
    let brand: String
    /// List price in US cents.
    let priceCents: Int
    /// Typical contribution margin in per cent of the amount (10–45).
    let marginPercent: Int
    /// Relative popularity: consumables sell far more often than a lawn mower.
    let popularity: Int

    /// The list price of one unit in minor units of `country`'s currency. Złoty prices end
    /// in ,99; rupiah prices are whole thousands (IDR has no coins worth counting).
    func price(in country: Country) -> Int64 {
        switch country {
        case .us: Int64(priceCents)
        case .pl: Int64((priceCents * 4 / 100) * 100 + 99)
        case .id: Int64(priceCents * 160 / 1000) * 100_000
        }
    }
}

/// A manufacturer whose products the retailer sells and whose dealers it works with.
struct Brand: Sendable {
    let name: String
    let legalName: String
    let country: Country
}

/// The demo retailer's range: household appliances, tools, garden, bikes and kitchenware
/// from eight manufacturers (fictitious) in the three countries.
enum Products {
    static let brands: [Brand] = [
        Brand(name: "Nordhaven", legalName: "Nordhaven Appliances, Inc.", country: .us),
        Brand(name: "Ridgeline", legalName: "Ridgeline Tool Company LLC", country: .us),
        Brand(name: "Brightwell", legalName: "Brightwell Electronics Corp.", country: .us),
        Brand(name: "Wisła", legalName: "Wisła Ogród S.A.", country: .pl),
        Brand(name: "Zefir", legalName: "Zefir AGD Sp. z o.o.", country: .pl),
        Brand(name: "Sokół", legalName: "Sokół Rowery Sp. z o.o.", country: .pl),
        Brand(name: "Garuda", legalName: "PT Garuda Elektrindo Tbk", country: .id),
        Brand(name: "Nusantara", legalName: "PT Nusantara Perkakas Rumah", country: .id),
    ]

    static let all: [Product] = [
        Product(
            name: "Stand mixer 5 qt", brand: "Nordhaven", priceCents: 24_900, marginPercent: 28,
            popularity: 2),
        Product(
            name: "Espresso machine", brand: "Nordhaven", priceCents: 32_900, marginPercent: 30,
            popularity: 2),
        Product(
            name: "Electric kettle 1.7 l", brand: "Nordhaven", priceCents: 3_900, marginPercent: 35,
            popularity: 8),
        Product(
            name: "Toaster, 2 slots", brand: "Nordhaven", priceCents: 2_900, marginPercent: 33,
            popularity: 6),
        Product(
            name: "Blender 1200 W", brand: "Nordhaven", priceCents: 8_900, marginPercent: 30,
            popularity: 4),
        Product(
            name: "Water filter cartridge", brand: "Nordhaven", priceCents: 900, marginPercent: 45,
            popularity: 14),
        Product(
            name: "Cordless drill 18 V", brand: "Ridgeline", priceCents: 12_900, marginPercent: 24,
            popularity: 5),
        Product(
            name: "Impact driver 18 V", brand: "Ridgeline", priceCents: 14_900, marginPercent: 24,
            popularity: 3),
        Product(
            name: "Circular saw 1400 W", brand: "Ridgeline", priceCents: 11_900, marginPercent: 22,
            popularity: 2),
        Product(
            name: "Battery 18 V 4 Ah", brand: "Ridgeline", priceCents: 7_900, marginPercent: 26,
            popularity: 5),
        Product(
            name: "Drill bit set, 30 pcs", brand: "Ridgeline", priceCents: 1_900, marginPercent: 42,
            popularity: 9),
        Product(
            name: "Safety glasses", brand: "Ridgeline", priceCents: 700, marginPercent: 45, popularity: 7),
        Product(
            name: "LED bulb E27, 4-pack", brand: "Brightwell", priceCents: 1_200, marginPercent: 40,
            popularity: 16),
        Product(
            name: "Smart plug", brand: "Brightwell", priceCents: 1_500, marginPercent: 38, popularity: 10),
        Product(
            name: "Desk lamp", brand: "Brightwell", priceCents: 3_500, marginPercent: 35, popularity: 5),
        Product(
            name: "Power bank 10000 mAh", brand: "Brightwell", priceCents: 2_500, marginPercent: 30,
            popularity: 9),
        Product(
            name: "Bluetooth speaker", brand: "Brightwell", priceCents: 4_900, marginPercent: 27,
            popularity: 6),
        Product(
            name: "Extension cord 5 m", brand: "Brightwell", priceCents: 1_400, marginPercent: 40,
            popularity: 8),
        Product(
            name: "Lawn mower 42 cm", brand: "Wisła", priceCents: 21_900, marginPercent: 20, popularity: 2
        ),
        Product(
            name: "Hedge trimmer", brand: "Wisła", priceCents: 9_900, marginPercent: 22, popularity: 2),
        Product(
            name: "Garden hose 25 m", brand: "Wisła", priceCents: 2_900, marginPercent: 36, popularity: 6),
        Product(
            name: "Pruning shears", brand: "Wisła", priceCents: 1_500, marginPercent: 40, popularity: 6),
        Product(
            name: "Lawn seed 5 kg", brand: "Wisła", priceCents: 2_400, marginPercent: 34, popularity: 5),
        Product(
            name: "Garden gloves", brand: "Wisła", priceCents: 600, marginPercent: 45, popularity: 9),
        Product(
            name: "Bagless vacuum cleaner", brand: "Zefir", priceCents: 15_900, marginPercent: 25,
            popularity: 3),
        Product(
            name: "Vacuum bags, 5-pack", brand: "Zefir", priceCents: 800, marginPercent: 45,
            popularity: 10),
        Product(
            name: "Oil radiator 2 kW", brand: "Zefir", priceCents: 7_900, marginPercent: 24, popularity: 3
        ),
        Product(name: "Tower fan", brand: "Zefir", priceCents: 5_900, marginPercent: 27, popularity: 4),
        Product(
            name: "Air purifier", brand: "Zefir", priceCents: 18_900, marginPercent: 26, popularity: 2),
        Product(
            name: "HEPA filter", brand: "Zefir", priceCents: 2_900, marginPercent: 44, popularity: 6),
        Product(
            name: "Steam iron", brand: "Zefir", priceCents: 4_500, marginPercent: 29, popularity: 4),
        Product(
            name: "City bike 28\"", brand: "Sokół", priceCents: 39_900, marginPercent: 18, popularity: 1),
        Product(
            name: "Bike helmet", brand: "Sokół", priceCents: 3_900, marginPercent: 35, popularity: 3),
        Product(name: "Bike lock", brand: "Sokół", priceCents: 1_900, marginPercent: 40, popularity: 4),
        Product(
            name: "Inner tube 28\"", brand: "Sokół", priceCents: 500, marginPercent: 45, popularity: 6),
        Product(
            name: "Bike light set", brand: "Sokół", priceCents: 2_200, marginPercent: 38, popularity: 4),
        Product(
            name: "Rice cooker 1.8 l", brand: "Garuda", priceCents: 4_500, marginPercent: 26,
            popularity: 6),
        Product(
            name: "Standing fan 16\"", brand: "Garuda", priceCents: 3_500, marginPercent: 25,
            popularity: 6),
        Product(
            name: "Water dispenser", brand: "Garuda", priceCents: 8_900, marginPercent: 22, popularity: 3),
        Product(
            name: "Blender 2 l", brand: "Garuda", priceCents: 3_900, marginPercent: 27, popularity: 4),
        Product(
            name: "Electric stove, 2 burners", brand: "Garuda", priceCents: 5_500, marginPercent: 23,
            popularity: 3),
        Product(
            name: "Wok 32 cm", brand: "Nusantara", priceCents: 1_900, marginPercent: 38, popularity: 6),
        Product(
            name: "Knife set, 5 pcs", brand: "Nusantara", priceCents: 2_900, marginPercent: 40,
            popularity: 4),
        Product(
            name: "Food containers, 10-pack", brand: "Nusantara", priceCents: 900, marginPercent: 45,
            popularity: 9),
        Product(
            name: "Frying pan 28 cm", brand: "Nusantara", priceCents: 2_200, marginPercent: 36,
            popularity: 6),
        Product(
            name: "Steamer pot", brand: "Nusantara", priceCents: 2_500, marginPercent: 34, popularity: 4),
        Product(
            name: "Cutting board", brand: "Nusantara", priceCents: 800, marginPercent: 44, popularity: 6),
    ]

    /// Indices into ``all`` repeated by popularity, for fast weighted draws.
    static let weightedIndices: [Int] = all.indices.flatMap {
        Array(repeating: $0, count: all[$0].popularity)
    }

    /// Products at or above this US price (in cents) are durable goods that carry a warranty.
    static let warrantyThresholdCents = 4_000
}
