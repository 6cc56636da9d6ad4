/// # RapportIntegration
///
/// The pure rules of customer data integration (R1): which source's value becomes the
/// golden profile's (``Survivorship``), who lives together (``HouseholdGrouping``), who moves
/// when a movers file says so (``MoveMatching``), and how the bytes of an imported file become
/// text (``TextDecoding``).
///
/// It may not touch: databases, the network, files or clocks. Callers hand in observations,
/// people and bytes; everything here is deterministic and testable in memory.
import RapportCore
