/// Customers reduced to their distinct (x, tₓ, T) triples with counts — the sufficient
/// statistic of the BG/NBD and Pareto/NBD likelihoods.
///
/// A likelihood is a sum over customers of a function of (x, tₓ, T) only, so customers who
/// share a triple share a term: weighting each distinct triple by its count gives the same
/// sum at a fraction of the cost (transaction logs in days repeat triples a lot, and every
/// customer without repeat purchases shares tₓ = 0). Terms that depend on x alone are summed
/// once per distinct x, and terms that depend on (x, T) once per distinct pair.
public struct CompressedCustomers: Sendable {
    /// x of each distinct triple.
    public let frequency: [Double]
    /// tₓ of each distinct triple.
    public let recency: [Double]
    /// T of each distinct triple.
    public let age: [Double]
    /// How many customers share each triple.
    public let weight: [Double]
    /// Index of each triple's x in `distinctFrequencies`.
    let frequencyIndex: [Int32]
    /// The distinct values of x, ascending.
    public let distinctFrequencies: [Int]
    /// Customers per distinct x.
    public let distinctFrequencyWeights: [Double]
    /// Customers in all.
    public let customerCount: Int
    /// Index of each triple's (x, T) in `pairFrequency` / `pairAge`.
    let pairIndex: [Int32]
    /// x of each distinct (x, T) pair.
    let pairFrequency: [Double]
    /// T of each distinct (x, T) pair.
    let pairAge: [Double]

    /// Validates and compresses `customers`.
    public init(_ customers: [CustomerSummary]) throws(ValueModelError) {
        try customers.validated()
        struct Key: Hashable {
            let x: Int
            let t: UInt64
            let age: UInt64
        }
        var slot: [Key: Int] = [:]
        slot.reserveCapacity(customers.count / 4)
        var (x, t, age, weight) = ([Double](), [Double](), [Double](), [Double]())
        for customer in customers {
            let recency = customer.frequency == 0 ? 0 : min(customer.recency, customer.age)
            let key = Key(x: customer.frequency, t: recency.bitPattern, age: customer.age.bitPattern)
            if let index = slot[key] {
                weight[index] += 1
            } else {
                slot[key] = weight.count
                x.append(Double(customer.frequency))
                t.append(recency)
                age.append(customer.age)
                weight.append(1)
            }
        }
        let distinct = Array(Set(customers.map(\.frequency))).sorted()
        let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        let index = x.map { Int32(position[Int($0)]!) }
        var distinctWeights = [Double](repeating: 0, count: distinct.count)
        for (i, w) in zip(index, weight) { distinctWeights[Int(i)] += w }
        var pairSlot: [Key: Int32] = [:]
        var (pairX, pairT, pairIndex) = ([Double](), [Double](), [Int32]())
        pairIndex.reserveCapacity(x.count)
        for i in x.indices {
            let key = Key(x: Int(x[i]), t: 0, age: age[i].bitPattern)
            if let existing = pairSlot[key] {
                pairIndex.append(existing)
            } else {
                pairSlot[key] = Int32(pairX.count)
                pairIndex.append(Int32(pairX.count))
                pairX.append(x[i])
                pairT.append(age[i])
            }
        }
        (self.pairIndex, pairFrequency, pairAge) = (pairIndex, pairX, pairT)
        (frequency, recency, self.age, self.weight) = (x, t, age, weight)
        frequencyIndex = index
        distinctFrequencies = distinct
        distinctFrequencyWeights = distinctWeights
        customerCount = customers.count
    }

    /// Distinct triples.
    public var count: Int { weight.count }

    /// The mean T, the starting scale of α and β in the fits.
    var meanAge: Double {
        zip(age, weight).reduce(0) { $0 + $1.0 * $1.1 } / Double(max(customerCount, 1))
    }

    /// Checks what the purchase models need: two customers, one of them a repeat buyer.
    func requirePurchaseData() throws(ValueModelError) {
        if customerCount < 2 { throw .tooFewCustomers(count: customerCount, minimum: 2) }
        if repeatBuyers == 0 { throw .noRepeatBuyers }
    }

    /// Customers with at least one repeat purchase.
    public var repeatBuyers: Double {
        zip(distinctFrequencies, distinctFrequencyWeights).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
    }
}
