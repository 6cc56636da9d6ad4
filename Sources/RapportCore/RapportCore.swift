/// # RapportCore
///
/// The domain of Rapport: people, households, organisations, contact points, touchpoints,
/// raw records, interactions, purchases, runtime-defined attributes, users, roles and the
/// audit trail — as plain value types with the rules that keep them valid.
///
/// It owns: identifiers, validation (typed errors naming the field and the reason),
/// normalisation needed to store a value (e-mail, phone in E.164, postal address casing),
/// the role → permission matrix.
///
/// It may not touch: databases, the network, files, clocks or random numbers other than
/// those handed to it (see ``IDGenerator``). Everything here is testable in memory.
