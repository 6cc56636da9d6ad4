import Metrics
import Prometheus

/// The process-wide Prometheus registry. swift-metrics can be bootstrapped once per
/// process, so the first application to start does it and every later one (tests) reuses it.
enum AppMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// The registry's current state in Prometheus text format.
    static func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
