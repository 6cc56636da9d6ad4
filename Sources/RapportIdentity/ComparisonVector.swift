/// The comparison levels of one record pair, four bits per `ComparedField`, packed in 64 bits
/// so that millions of pairs stay small and identical patterns can be counted for EM.
public struct ComparisonVector: Sendable, Hashable {
    /// The packed levels.
    public var bits: UInt64

    /// A vector with every field missing.
    public init(bits: UInt64 = 0) { self.bits = bits }

    /// The level of `field`: `0` missing, `1` strongest agreement … `levelCount` disagreement.
    public subscript(_ field: ComparedField) -> Int {
        get { Int((bits >> UInt64(field.rawValue * 4)) & 0xF) }
        set {
            let shift = UInt64(field.rawValue * 4)
            bits = (bits & ~(0xF << shift)) | (UInt64(newValue & 0xF) << shift)
        }
    }
}
