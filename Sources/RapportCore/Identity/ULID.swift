/// Crockford base32 ULIDs: 48 bits of milliseconds since 1970 followed by 80 random bits.
enum ULID {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    private static let bytes = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Encodes a timestamp and 80 random bits as 26 characters (built as ASCII bytes: this
    /// runs once per record when millions are generated).
    static func encode(milliseconds: UInt64, randomHigh: UInt16, randomLow: UInt64) -> String {
        let alphabet = bytes
        var chars = [UInt8](repeating: 48, count: 26)
        var time = milliseconds
        for index in stride(from: 9, through: 0, by: -1) {
            chars[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        // 80 random bits = 16 characters of 5 bits, taken from the low 64 and high 16 bits.
        var low = randomLow
        var high = UInt64(randomHigh)
        for index in stride(from: 25, through: 10, by: -1) {
            chars[index] = alphabet[Int(low & 31)]
            low = (low >> 5) | ((high & 31) << 59)
            high >>= 5
        }
        return String(decoding: chars, as: UTF8.self)
    }
}
