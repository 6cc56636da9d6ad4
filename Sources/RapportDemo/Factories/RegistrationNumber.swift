import RapportLocales

/// Company-register numbers in each country's format: a US EIN (`12-3456789`), a Polish NIP
/// with its check digit (`5261040828`), an Indonesian NPWP (`01.234.567.8-901.000`).
enum RegistrationNumber {
    static func make(for country: Country, _ random: inout DemoRandom) -> String {
        switch country {
        case .us:
            return "\(random.int(10...98))-\(random.digits(7))"
        case .pl:
            return nip(&random)
        case .id:
            let d = random.digits(12)
            let a = d.prefix(2)
            let b = d.dropFirst(2).prefix(3)
            let c = d.dropFirst(5).prefix(3)
            let e = d.dropFirst(8).prefix(1)
            let f = d.suffix(3)
            return "\(a).\(b).\(c).\(e)-\(f).000"
        }
    }

    /// Nine digits and the mod-11 check digit (weights 6 5 7 2 3 4 5 6 7); a remainder of 10
    /// is not a valid NIP, so those draws are repeated.
    private static func nip(_ random: inout DemoRandom) -> String {
        let weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
        while true {
            var digits = [random.int(1...9)]
            for _ in 1..<9 { digits.append(random.below(10)) }
            let check = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
            guard check < 10 else { continue }
            return (digits + [check]).map(String.init).joined()
        }
    }
}
