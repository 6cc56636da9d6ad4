import RapportIdentity

/// The loose decisions of `rapport bench resolve` against the truth: each arriving record is
/// either a variant of a known stored person (who it should be matched to) or a stranger (who
/// should become a new person).
struct ResolutionTally {
    /// Variants matched to their own person.
    var rightMatches = 0
    /// Variants matched to someone else.
    var wrongMatches = 0
    /// Variants sent to review with their person among the proposals.
    var variantsReviewedWithTruth = 0
    /// Variants sent to review without their person among the proposals.
    var variantsReviewedWithoutTruth = 0
    /// Variants that would have become new people (missed).
    var variantsNew = 0
    /// Strangers matched to a stored person.
    var strangersMatched = 0
    /// Strangers sent to review.
    var strangersReviewed = 0
    /// Strangers that become new people.
    var strangersNew = 0

    /// Counts the decision for a record whose true person is `truth` (`nil` for a stranger).
    mutating func count(_ decision: LooseMatcher.Decision?, truth: String?) {
        switch (decision, truth) {
        case (.match(let proposal)?, let person?):
            if proposal.candidateID == person { rightMatches += 1 } else { wrongMatches += 1 }
        case (.review(let proposals)?, let person?):
            if proposals.contains(where: { $0.candidateID == person }) {
                variantsReviewedWithTruth += 1
            } else {
                variantsReviewedWithoutTruth += 1
            }
        case (_, .some): variantsNew += 1
        case (.match?, nil): strangersMatched += 1
        case (.review?, nil): strangersReviewed += 1
        case (_, nil): strangersNew += 1
        }
    }

    var variants: Int {
        rightMatches + wrongMatches + variantsReviewedWithTruth + variantsReviewedWithoutTruth + variantsNew
    }
    var strangers: Int { strangersMatched + strangersReviewed + strangersNew }
    var matches: Int { rightMatches + wrongMatches + strangersMatched }

    /// Automatic matches that joined the right person.
    var precision: Double { matches == 0 ? 1 : Double(rightMatches) / Double(matches) }
    /// Variants matched automatically to their person.
    var recall: Double { variants == 0 ? 1 : Double(rightMatches) / Double(variants) }
    /// Records decided wrongly without review: matched to the wrong person, or a variant
    /// created as a new person.
    var wrongDecisions: Int { wrongMatches + strangersMatched + variantsNew }

    /// The lines `bench resolve` prints.
    var lines: [String] {
        [
            "variants (\(variants)): \(rightMatches) matched to their person, \(wrongMatches) to someone else, "
                + "\(variantsReviewedWithTruth + variantsReviewedWithoutTruth) to review "
                + "(\(variantsReviewedWithTruth) with their person proposed), \(variantsNew) new",
            "strangers (\(strangers)): \(strangersNew) new, \(strangersReviewed) to review, "
                + "\(strangersMatched) matched",
            String(
                format: "automatic matches: precision %.4f, recall %.4f; wrong without review %d of %d (%.2f %%)",
                precision, recall, wrongDecisions, variants + strangers,
                100 * Double(wrongDecisions) / Double(max(1, variants + strangers))),
        ]
    }
}
