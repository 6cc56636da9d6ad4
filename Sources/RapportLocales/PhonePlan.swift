/// How telephone numbers are written in one country: enough to generate plausible numbers
/// and to convert national formats to E.164.
public struct PhonePlan: Sendable, Hashable {
    /// The international calling code without `+`: `"1"`, `"48"`, `"62"`.
    public let callingCode: String
    /// The national trunk prefix dialled before a national number inside the country
    /// (`"0"` in Indonesia), or `nil` where there is none (Poland) or it is `1` (US, NANP).
    public let trunkPrefix: String?
    /// Allowed lengths of the national significant number (without trunk prefix).
    public let nationalLengths: ClosedRange<Int>
    /// Leading digits of mobile numbers (national significant number), e.g. PL `"50"`, ID `"81"`.
    public let mobilePrefixes: [String]
    /// Total national significant number length of a mobile number.
    public let mobileLength: Int

    /// Creates a plan.
    public init(
        callingCode: String, trunkPrefix: String?, nationalLengths: ClosedRange<Int>,
        mobilePrefixes: [String], mobileLength: Int
    ) {
        self.callingCode = callingCode
        self.trunkPrefix = trunkPrefix
        self.nationalLengths = nationalLengths
        self.mobilePrefixes = mobilePrefixes
        self.mobileLength = mobileLength
    }
}
