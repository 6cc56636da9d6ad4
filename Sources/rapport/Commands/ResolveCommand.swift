import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// `rapport resolve …`: loose matching of the stored people (R1.7) — the blocking index, the
/// fitted match model and its thresholds, and batch re-resolution.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Loose matching: build the index, fit the model, set thresholds, re-resolve.",
        subcommands: [
            ResolveIndexCommand.self, ResolveFitCommand.self, ResolveThresholdsCommand.self, ResolveRunCommand.self,
        ])
}

/// `rapport resolve index`: rebuilds the blocking index of every stored person.
struct ResolveIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild every person's matching row and blocking keys (after loads from outside Rapport).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            let started = Date()
            let count = try await MatchIndex.rebuild(on: store.database)
            print(String(format: "indexed %d people in %.1f s", count, Date().timeIntervalSince(started)))
        }
    }
}

/// `rapport resolve fit`: fits the match model by EM on the stored people.
struct ResolveFitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the loose-matching model (m/u by EM, term frequencies) on the stored people and use it from now on.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            let started = Date()
            let fitted = try await store.matchModels.fit(by: .system)
            print(
                String(
                    format: "fitted %@ on %d people in %.1f s (%d EM iterations, prior %.3g); thresholds match %.4g, review %.4g",
                    fitted.id?.rawValue ?? "", fitted.recordCount, Date().timeIntervalSince(started),
                    fitted.model.iterations, fitted.model.prior, fitted.matchThreshold, fitted.reviewThreshold))
        }
    }
}

/// `rapport resolve thresholds`: shows or sets the thresholds of the model in force.
struct ResolveThresholdsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thresholds",
        abstract: "Show the model in force and its thresholds, or set them (--match and --review, probabilities).")

    @OptionGroup var store: StoreOptions
    @Option(help: "Probability at or above which a pair is the same person.") var match: Double?
    @Option(help: "Probability from which a pair goes to clerical review.") var review: Double?

    func run() async throws {
        try await store.withStore { store in
            var model = try await store.matchModels.current()
            if match != nil || review != nil {
                model = try await store.matchModels.setThresholds(
                    match: match ?? model.matchThreshold, review: review ?? model.reviewThreshold, by: .system)
            }
            let fitted = model.fittedAt.map { Timestamp.format($0) } ?? "not stored"
            print(
                "model \(model.id?.rawValue ?? "standard") (\(model.origin.rawValue), \(model.recordCount) people, "
                    + "\(fitted)): match \(model.matchThreshold), review \(model.reviewThreshold)")
        }
    }
}

/// `rapport resolve run`: batch re-resolution of all stored people with the stored model.
struct ResolveRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Re-resolve all stored people with the stored model; proposed merges and grey pairs go to the review queue.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore { store in
            let started = Date()
            let summary = try await store.batchResolution.run(by: .system)
            print(
                String(
                    format: "%d people, %d candidate pairs in %.1f s: %d proposed merges and %d reviews queued "
                        + "(%d pairs declared distinct, %d already reviewed, skipped)",
                    summary.people, summary.candidatePairs, Date().timeIntervalSince(started), summary.proposedMerges,
                    summary.reviews, summary.distinct, summary.alreadyReviewed))
        }
    }
}
