/// RFM scores and the standard RFM segments (R3.3).
///
/// Each of recency, frequency and monetary value is scored 1…`bins` by quantile, higher
/// being better (recent, frequent, high spend). Ties are handled deterministically: equal
/// values always get the same score, the score of the lowest rank they occupy, whatever the
/// input order.
public enum RFMScoring {
    /// One customer's raw RFM figures.
    public struct Input: Sendable, Codable, Equatable {
        public var id: String
        /// Days (or any unit) since the last purchase: lower is better.
        public var recency: Double
        /// Number of purchases.
        public var frequency: Double
        /// Spend (total or average).
        public var monetary: Double

        public init(id: String, recency: Double, frequency: Double, monetary: Double) {
            (self.id, self.recency, self.frequency, self.monetary) = (id, recency, frequency, monetary)
        }
    }

    /// One customer's scores and segment.
    public struct Score: Sendable, Codable, Equatable {
        public var id: String
        public var recency: Int
        public var frequency: Int
        public var monetary: Int
        public var segment: Segment
        /// "555" style code.
        public var code: String { "\(recency)\(frequency)\(monetary)" }
    }

    /// The standard segments on the recency × frequency grid (1–5 each), as used widely in
    /// CRM practice (e.g. the R-F segment map popularised by Putler and Klaviyo).
    public enum Segment: String, Sendable, Codable, CaseIterable {
        case champions = "Champions"
        case loyal = "Loyal"
        case potentialLoyalists = "Potential loyalists"
        case newCustomers = "New customers"
        case promising = "Promising"
        case needAttention = "Need attention"
        case aboutToSleep = "About to sleep"
        case atRisk = "At risk"
        case cannotLose = "Can't lose them"
        case hibernating = "Hibernating"

        /// The segment for recency and frequency scores on a 1–5 scale.
        public init(recency r: Int, frequency f: Int) {
            switch (r, f) {
            case (1...2, 1...2): self = .hibernating
            case (1...2, 3...4): self = .atRisk
            case (1...2, _): self = .cannotLose
            case (3, 1...2): self = .aboutToSleep
            case (3, 3): self = .needAttention
            case (3...4, 4...5): self = .loyal
            case (4, 1): self = .promising
            case (5, 1): self = .newCustomers
            case (4...5, 2...3): self = .potentialLoyalists
            default: self = .champions
            }
        }
    }

    /// Scores every customer.
    /// - Parameter bins: quantile groups per dimension (5 gives quintiles). Segments are
    ///   defined on a 1–5 scale; other bin counts are mapped onto it proportionally.
    /// - Throws: `invalidArgument` for fewer than 2 bins, `nonFinite` for NaN/∞ values.
    public static func score(_ customers: [Input], bins: Int = 5) throws(ValueModelError) -> [Score] {
        guard bins >= 2 else { throw .invalidArgument("RFM needs at least 2 bins.") }
        for c in customers {
            for (name, v) in [("recency", c.recency), ("frequency", c.frequency), ("monetary", c.monetary)]
            where !v.isFinite {
                throw .nonFinite(field: name, customer: c.id)
            }
        }
        let r = quantileScores(customers.map { -$0.recency }, bins: bins)
        let f = quantileScores(customers.map(\.frequency), bins: bins)
        let m = quantileScores(customers.map(\.monetary), bins: bins)
        return customers.indices.map { i in
            let onFive = { (s: Int) in 1 + (s - 1) * 5 / bins }
            return Score(
                id: customers[i].id, recency: r[i], frequency: f[i], monetary: m[i],
                segment: Segment(recency: onFive(r[i]), frequency: onFive(f[i])))
        }
    }

    /// Quantile scores 1…bins, higher for larger values: 1 + ⌊bins · rank / n⌋ where rank is
    /// the 0-based position of the first element equal to the value in ascending order.
    static func quantileScores(_ values: [Double], bins: Int) -> [Int] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var scores = [Int](repeating: 1, count: values.count)
        var firstRank = 0
        for (rank, index) in order.enumerated() {
            if rank > 0 && values[index] != values[order[rank - 1]] { firstRank = rank }
            scores[index] = 1 + firstRank * bins / values.count
        }
        return scores
    }
}
