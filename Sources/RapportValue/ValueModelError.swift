/// Why the value engine refused its input or could not produce a number.
///
/// Every case has a stable `code` (for APIs and logs) and a `message` naming the cause, so a
/// user sees "no customer made a repeat purchase" rather than NaN.
public enum ValueModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input held no customers at all.
    case noCustomers
    /// Fewer customers than a model needs to be identified.
    case tooFewCustomers(count: Int, minimum: Int)
    /// No customer made a repeat purchase, so purchase rates and dropout cannot be separated.
    case noRepeatBuyers
    /// Every repeat buyer's average spend is zero (or missing), so the spend model has nothing to fit.
    case allZeroSpend
    /// A value that must be finite was NaN or infinite.
    case nonFinite(field: String, customer: String)
    /// A value that must not be negative was negative.
    case negative(field: String, customer: String)
    /// The recency (time of last purchase) is later than the customer's age T.
    case recencyAfterAge(customer: String)
    /// A transaction dated after the calibration end, or a calibration end after the holdout end.
    case futureDate(customer: String, date: String)
    /// A line of an input file could not be read.
    case malformedLine(line: Int, reason: String)
    /// An argument to a pure function is outside its domain.
    case invalidArgument(String)
    /// The optimiser ended without a finite optimum.
    case fitFailed(model: String, reason: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .noCustomers: "no_customers"
        case .tooFewCustomers: "too_few_customers"
        case .noRepeatBuyers: "no_repeat_buyers"
        case .allZeroSpend: "all_zero_spend"
        case .nonFinite: "non_finite"
        case .negative: "negative_value"
        case .recencyAfterAge: "recency_after_age"
        case .futureDate: "future_date"
        case .malformedLine: "malformed_line"
        case .invalidArgument: "invalid_argument"
        case .fitFailed: "fit_failed"
        }
    }

    /// A sentence for a person, naming the cause.
    public var message: String {
        switch self {
        case .noCustomers:
            "No customers in the input."
        case .tooFewCustomers(let count, let minimum):
            "Only \(count) customer(s); the model needs at least \(minimum)."
        case .noRepeatBuyers:
            "No customer made a repeat purchase, so purchase rate and dropout cannot be estimated."
        case .allZeroSpend:
            "No repeat buyer has a positive average spend, so the spend model cannot be fitted."
        case .nonFinite(let field, let customer):
            "\(field) of customer \(customer) is not a finite number."
        case .negative(let field, let customer):
            "\(field) of customer \(customer) is negative."
        case .recencyAfterAge(let customer):
            "Recency of customer \(customer) is larger than the customer's age T."
        case .futureDate(let customer, let date):
            "Customer \(customer) has a date \(date) after the end of the observation period."
        case .malformedLine(let line, let reason):
            "Line \(line): \(reason)"
        case .invalidArgument(let reason):
            reason
        case .fitFailed(let model, let reason):
            "\(model) fit failed: \(reason)"
        }
    }

    public var description: String { "\(code): \(message)" }
}
