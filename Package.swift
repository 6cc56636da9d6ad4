// swift-tools-version:6.0
import PackageDescription

/// Rapport's layers, from the inside out:
/// - `RapportCore`: the domain — types, validation rules and typed errors. No I/O.
/// - `RapportIdentity`, `RapportValue`, `RapportIntegration`: pure engines (record linkage, customer
///   value, survivorship / households / import decoding). No database.
/// - `RapportSegments`: the segment rule language — parse, type-check, evaluate, compile to SQL. No database.
/// - `RapportLocales`: reference lists (names, streets, cities, phone plans) for US, PL and ID.
/// - `RapportDemo`: the seeded, deterministic demo data set.
/// - `CSQLiteShared`: the C interface of the SQLite that SQLiteNIO vendors, for direct fast paths.
/// - `RapportStore`: SQL storage over SQLite and PostgreSQL (SQLKit), migrations, repositories.
/// - `RapportApp`: the HTTP API, the web UI, authentication and operations endpoints.
/// - `rapport`: the command line, which only parses flags and calls the layers above.
let package = Package(
    name: "rapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapport", targets: ["rapport"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(name: "RapportCore"),
        .target(name: "RapportLocales"),
        .target(name: "RapportIdentity", dependencies: ["RapportLocales", "RapportIntegration"]),
        .target(name: "RapportValue", dependencies: ["RapportCore"]),
        .target(name: "RapportDemo", dependencies: ["RapportCore", "RapportLocales"]),
        .target(name: "RapportIntegration", dependencies: ["RapportCore"]),
        .target(name: "RapportSegments", dependencies: ["RapportCore"]),
        .target(name: "CSQLiteShared"),
        .target(
            name: "RapportStore",
            dependencies: [
                "RapportCore", "CSQLiteShared", "RapportSegments", "RapportValue", "RapportIntegration", "RapportIdentity",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "RapportApp",
            dependencies: [
                "RapportCore", "RapportStore", "RapportValue", "RapportIdentity", "RapportSegments", "RapportIntegration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore", "RapportStore", "RapportApp", "RapportDemo", "RapportIdentity", "RapportValue", "RapportSegments",
                "RapportIntegration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "RapportTestSupport", dependencies: ["RapportStore", "RapportDemo", "RapportIntegration", .product(name: "Logging", package: "swift-log")],
            path: "Tests/RapportTestSupport"),
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportCore"]),
        .testTarget(name: "RapportIdentityTests", dependencies: ["RapportIdentity", "RapportIntegration", "RapportCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RapportValueTests", dependencies: ["RapportValue", "RapportCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RapportDemoTests", dependencies: ["RapportDemo"]),
        .testTarget(name: "RapportIntegrationTests", dependencies: ["RapportIntegration", "RapportCore"]),
        .testTarget(name: "RapportSegmentsTests", dependencies: ["RapportSegments"]),
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport", "RapportStore", "RapportCore", .product(name: "Logging", package: "swift-log"), .product(name: "SQLKit", package: "sql-kit")]),
        .testTarget(
            name: "RapportStoreTests", dependencies: ["RapportStore", "RapportDemo", "RapportTestSupport", "RapportValue", "RapportIntegration"]),
        .testTarget(
            name: "RapportAppTests",
            dependencies: [
                "RapportApp", "RapportStore", "RapportDemo", "RapportTestSupport", "RapportValue", "RapportIntegration",
                "RapportIdentity", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
