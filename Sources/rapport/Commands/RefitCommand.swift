import ArgumentParser
import Foundation
import RapportApp
import RapportStore

/// `rapport value refit`: fit the value models on the stored purchases and rescore everyone.
struct RefitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refit", abstract: "Fit BG/NBD and Gamma-Gamma on the stored purchases (per currency) and store every person's predicted value.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Quantile groups of the RFM scores (5: quintiles; segments are mapped onto a 1–5 scale).")
    var rfmBins = 5

    func validate() throws {
        guard (2...10).contains(rfmBins) else { throw ValidationError("--rfm-bins must lie between 2 and 10.") }
    }

    func run() async throws {
        try await store.withStore { store in
            var refit = ValueRefit(store: store)
            refit.rfmBins = rfmBins
            RefitReport.print(try await refit.run())
        }
    }
}

/// Prints refit outcomes, one line per currency.
enum RefitReport {
    static func print(_ outcomes: [ValueRefit.Outcome]) {
        for o in outcomes {
            if let p = o.purchaseModel, let g = o.spendModel {
                Swift.print(
                    String(
                        format: "%@: %d customers (%d repeat buyers); BG/NBD r=%.3f α=%.3f a=%.3f b=%.3f; Gamma-Gamma p=%.3f q=%.3f γ=%.3f",
                        o.currency, o.customers, o.repeatBuyers, p.r, p.alpha, p.a, p.b, g.p, g.q, g.gamma))
            } else if let p = o.purchaseModel {
                Swift.print(
                    String(format: "%@: %d customers (%d repeat buyers); BG/NBD r=%.3f α=%.3f a=%.3f b=%.3f", o.currency, o.customers, o.repeatBuyers, p.r, p.alpha, p.a, p.b)
                        + " — \(o.problem ?? "")")
            } else {
                Swift.print("\(o.currency): not fitted — \(o.problem ?? "unknown reason")")
            }
            if let scored = o.rfmScored { Swift.print("  RFM scores for \(scored) buyers") }
            if let holdout = o.holdout {
                if let totals = holdout.totals, let end = holdout.calibrationEnd, let weeks = holdout.holdoutWeeks {
                    Swift.print(String(format: "  holdout of %.1f weeks after %@: %@", weeks, end, totals))
                } else {
                    Swift.print("  holdout: no report — \(holdout.problem ?? "unknown reason")")
                }
            }
        }
    }
}
