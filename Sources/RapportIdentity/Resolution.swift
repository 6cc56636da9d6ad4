/// The decision of incremental resolution for one arriving record.
public enum Resolution: Sendable, Hashable {
    /// The record is a person already known: the cluster it joined and the evidence of its
    /// strongest link.
    case match(clusterID: Int, explanation: MatchExplanation)
    /// No known person is close enough: the record starts a new cluster.
    case new(clusterID: Int)
    /// Uncertain: the candidates in the grey zone, strongest first, for clerical review. The
    /// record starts a new cluster until a reviewer merges it.
    case review(clusterID: Int, candidates: [MatchExplanation])
}
