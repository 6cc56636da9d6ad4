import RapportCore

/// What a batch's transaction has written so far that resolving a later record of the same
/// batch reads: the deterministic keys it gave a person, and the blocks whose candidates it
/// changed. The writer asks it whether a ``ResolutionLookahead`` answer, read from the state
/// before the batch, still holds for a record.
///
/// - Strict resolution reads `person_keys` and, for e-mails and phones no key row holds, the
///   current holders of that address or number. So every key the batch claimed, and every
///   e-mail and phone it gave a person, is noted; a record carrying none of them resolves
///   as it would have before the batch.
/// - Loose candidates are the matching rows found under the record's blocking keys. So every
///   block a row joined, left, or was rewritten in is noted; a record whose keys are all
///   outside them finds the same rows with the same fields.
///
/// Ingestion merges no one, so the merged people the decision leaves out are read in the
/// transaction as always.
struct BatchWrites {
    private var keys: Set<String> = []
    private var blocks: Set<Int64> = []

    /// The batch claimed `claimed` for a person.
    mutating func claimed(_ claimed: [PersonKey]) {
        for key in claimed { keys.insert(key.name) }
    }

    /// The batch gave a person `points`; e-mails and phones may make them a sole holder.
    mutating func added(_ points: [ContactPoint]) {
        for point in points where point.kind == .email || point.kind == .phone {
            keys.insert("\(point.kind.rawValue):\(point.normalized)")
        }
    }

    /// The batch wrote matching rows that joined, left or changed in `rewritten`.
    mutating func rewrote(_ rewritten: [Int64]) {
        blocks.formUnion(rewritten)
    }

    /// Whether strict resolution of `recordKeys` reads nothing the batch wrote.
    func leaves(_ recordKeys: [PersonKey]) -> Bool {
        keys.isEmpty || !recordKeys.contains { keys.contains($0.name) }
    }

    /// Whether the candidates under `blockingKeys` are the ones before the batch.
    func leaves(blocks blockingKeys: [Int64]) -> Bool {
        blocks.isEmpty || !blockingKeys.contains(where: blocks.contains)
    }
}
