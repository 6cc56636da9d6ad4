/// # RapportDemo
///
/// The demo data set: a seeded, deterministic population of people in the US, Poland and
/// Indonesia with households, organisations (resellers among them), two years of purchases,
/// returns and interactions over a realistic channel mix.
///
/// It owns: generating domain values in batches. It may not touch: the database (the store's
/// bulk loader writes the batches), the clock or system randomness (everything derives from
/// the seed and a fixed reference date).
///
/// Entry points: ``DemoDataset`` with a ``DemoConfiguration``; `batches()` for a plain
/// sequence, `generate(into:)` to make batches on every core while the caller loads them.
///
/// Inside: ``DemoRandom`` (xoshiro256**) and ``IDGenerator/seeded(_:start:)`` per household
/// keep every household the same whatever batch it lands in; `DemoReference` makes the
/// shared first batch (touchpoints, staff, organisations); `Factories/` holds one factory per
/// kind of record; `Catalogue/` the product range, company-name parts and contact topics
/// that `RapportLocales` does not carry.
