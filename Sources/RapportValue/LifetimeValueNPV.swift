import Foundation

/// Lifetime value as net present value, as the seeds describe it (R4.2; seed 003: "identify
/// the revenue stream in a given period, apply a retention rate for each year, subtract the
/// total cost, then apply a discount rate to the gross profit to establish the customer's net
/// present value; the calculation runs over several years with different retention rates").
///
/// The layout is the classic direct-marketing LTV table (A. M. Hughes, *Strategic Database
/// Marketing*): one row per year for a cohort, from which the value per acquired customer
/// follows. Every intermediate number is kept so the UI can show the calculation.
public enum LifetimeValueNPV {
    /// What the calculation needs; all money is per year.
    public struct Inputs: Sendable, Codable, Equatable {
        /// Customers acquired in year 1 (1 gives the value of one person directly).
        public var customers: Double
        /// Revenue per active customer in each year; the last value repeats for later years.
        public var revenuePerCustomer: [Double]
        /// Year-on-year retention: `retentionRates[k]` is the share of year k+1's customers who
        /// are still customers in year k+2. The last value repeats when `years` needs more.
        public var retentionRates: [Double]
        /// Variable cost as a share of revenue (cost of goods, fulfilment).
        public var costRate: Double
        /// Cost per active customer per year (service, marketing).
        public var costPerCustomer: Double
        /// Acquisition cost per customer, spent in year 1.
        public var acquisitionCost: Double
        /// Annual discount rate.
        public var discountRate: Double
        /// Years in the horizon; nil means one more than the retention rates given.
        public var years: Int?

        public init(
            customers: Double = 1, revenuePerCustomer: [Double], retentionRates: [Double], costRate: Double = 0,
            costPerCustomer: Double = 0, acquisitionCost: Double = 0, discountRate: Double, years: Int? = nil
        ) {
            self.customers = customers
            self.revenuePerCustomer = revenuePerCustomer
            self.retentionRates = retentionRates
            self.costRate = costRate
            self.costPerCustomer = costPerCustomer
            self.acquisitionCost = acquisitionCost
            self.discountRate = discountRate
            self.years = years
        }
    }

    /// One year of the calculation.
    public struct Year: Sendable, Codable, Equatable {
        public var year: Int
        /// Customers still active this year.
        public var activeCustomers: Double
        /// The retention rate that produced this year's customers from last year's (1 in year 1).
        public var retentionRate: Double
        public var revenue: Double
        /// Variable + per-customer costs (+ acquisition in year 1).
        public var costs: Double
        /// Revenue − costs.
        public var grossProfit: Double
        /// (1 + d)^(year − 1): year 1 is not discounted (Hughes' convention).
        public var discountFactor: Double
        /// Gross profit / discount factor.
        public var presentValue: Double
        /// Σ present values up to this year.
        public var cumulativePresentValue: Double
        /// Cumulative present value per customer acquired — the LTV after this many years.
        public var lifetimeValue: Double
    }

    /// The full table and its result.
    public struct Table: Sendable, Codable, Equatable {
        public var inputs: Inputs
        public var years: [Year]
        /// NPV of the cohort over the horizon.
        public var netPresentValue: Double
        /// NPV per acquired customer.
        public var lifetimeValue: Double
    }

    /// Computes the table.
    /// - Throws: `invalidArgument` naming the offending input (empty lists, rates outside
    ///   [0, 1], discount rate ≤ −1, non-finite numbers, no customers).
    public static func compute(_ inputs: Inputs) throws(ValueModelError) -> Table {
        try validate(inputs)
        let horizon = inputs.years ?? inputs.retentionRates.count + 1
        var rows: [Year] = []
        var active = inputs.customers
        var cumulative = 0.0
        for year in 1...horizon {
            let retention = year == 1 ? 1 : inputs.retentionRates[min(year - 2, inputs.retentionRates.count - 1)]
            active *= retention
            let perCustomer = inputs.revenuePerCustomer[min(year - 1, inputs.revenuePerCustomer.count - 1)]
            let revenue = active * perCustomer
            let costs =
                revenue * inputs.costRate + active * inputs.costPerCustomer
                + (year == 1 ? inputs.customers * inputs.acquisitionCost : 0)
            let factor = pow(1 + inputs.discountRate, Double(year - 1))
            let presentValue = (revenue - costs) / factor
            cumulative += presentValue
            rows.append(
                Year(
                    year: year, activeCustomers: active, retentionRate: retention, revenue: revenue, costs: costs,
                    grossProfit: revenue - costs, discountFactor: factor, presentValue: presentValue,
                    cumulativePresentValue: cumulative, lifetimeValue: cumulative / inputs.customers))
        }
        return Table(
            inputs: inputs, years: rows, netPresentValue: cumulative, lifetimeValue: cumulative / inputs.customers)
    }

    private static func validate(_ inputs: Inputs) throws(ValueModelError) {
        let numbers =
            [inputs.customers, inputs.costRate, inputs.costPerCustomer, inputs.acquisitionCost, inputs.discountRate]
            + inputs.revenuePerCustomer + inputs.retentionRates
        guard numbers.allSatisfy(\.isFinite) else { throw .invalidArgument("Every NPV input must be a finite number.") }
        guard inputs.customers > 0 else { throw .invalidArgument("The cohort needs more than zero customers.") }
        guard !inputs.revenuePerCustomer.isEmpty else { throw .invalidArgument("Give a revenue per customer.") }
        guard !inputs.retentionRates.isEmpty || (inputs.years ?? 1) == 1 else {
            throw .invalidArgument("Give a retention rate for each year after the first.")
        }
        guard inputs.retentionRates.allSatisfy({ (0...1).contains($0) }) else {
            throw .invalidArgument("Retention rates must lie between 0 and 1.")
        }
        guard inputs.discountRate > -1 else { throw .invalidArgument("The discount rate must be above −100 %.") }
        if let years = inputs.years, years < 1 { throw .invalidArgument("The horizon must be at least one year.") }
    }
}
