/// # RapportDemo
///
/// The demo data set: a seeded, deterministic population of people in the US, Poland and
/// Indonesia with households, organisations (resellers among them), two years of purchases,
/// returns and interactions over a realistic channel mix.
///
/// It owns: generating domain values in batches. It may not touch: the database (the store's
/// bulk loader writes the batches), the clock or system randomness (everything derives from
/// the seed and a fixed reference date).
