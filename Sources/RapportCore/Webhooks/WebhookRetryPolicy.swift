import Foundation

/// When a failed delivery is tried again: after 1 minute, 5 minutes, 30 minutes, 2 hours
/// and 12 hours; a sixth failure is final. The first attempt is made as soon as the
/// delivery is due, so a receiver has about 15 hours to come back.
public struct WebhookRetryPolicy: Sendable, Equatable {
    /// Seconds to wait after the first, second, … failed attempt.
    public var delays: [TimeInterval]
    /// How long one attempt may take before it counts as failed.
    public var timeout: TimeInterval

    public init(delays: [TimeInterval] = [60, 300, 1800, 7200, 43_200], timeout: TimeInterval = 10) {
        self.delays = delays
        self.timeout = timeout
    }

    /// The most attempts a delivery gets.
    public var maximumAttempts: Int { delays.count + 1 }

    /// When to try again after `attempts` failed attempts, or nil when the delivery has failed for good.
    public func nextAttempt(afterFailedAttempts attempts: Int, at now: Date) -> Date? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        return now.addingTimeInterval(delays[attempts - 1])
    }
}
