import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RapportApp
import RapportCore
import RapportDemo
import RapportStore
import ServiceLifecycle

/// `rapport serve`: migrate, optionally load the demo data, make sure an administrator
/// exists, then serve — the HTTP server and the webhook dispatcher, side by side in one
/// service group — until SIGINT/SIGTERM (graceful shutdown).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the Rapport server.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on (default 127.0.0.1 or $RAPPORT_HOST).")
    var host: String = ProcessInfo.processInfo.environment["RAPPORT_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to listen on (default 8080 or $RAPPORT_PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["RAPPORT_PORT"] ?? "") ?? 8080

    @Flag(help: "Load the demo data set when the database holds no people yet.")
    var demo = false

    @Option(help: "How many people the demo data set has.")
    var demoPeople = 10_000

    @Flag(help: "Mark session cookies Secure (when served over HTTPS).")
    var secureCookies = false

    @Option(help: "Hours between refits of the customer-value models while serving (0: never).")
    var refitEvery: Double = 24

    func run() async throws {
        let logger = store.logger()
        let location = try store.location
        let opened = try await Store.open(location, logger: logger)
        logger.info("database ready", metadata: ["location": "\(location)"])
        do {
            try await serve(opened, logger: logger)
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
    }

    private func serve(_ opened: Store, logger: Logger) async throws {
        if demo, try await opened.isEmpty() {
            try await DemoLoader(store: opened).load(people: demoPeople)
        }
        let firstLogin = try await ensureAdministrator(opened)
        let app = try await buildApplication(
            configuration: AppConfiguration(host: host, port: port, secureCookies: secureCookies), store: opened, logger: logger)
        print("\nRapport is running at http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/")
        if let firstLogin {
            print("Sign in as '\(firstLogin.username)' with the one-time password: \(firstLogin.password)")
            print("(shown only now; create more users with `rapport user create`)\n")
        }
        fflush(nil)
        let refits = scheduleRefits(opened, logger: logger)
        defer { refits.cancel() }
        let webhookClient = LiveWebhookClient()
        let services = ServiceGroup(
            configuration: .init(
                services: [.init(service: app), .init(service: WebhookDispatcher(store: opened, client: webhookClient, logger: logger))],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await services.run()
        } catch {
            try? await webhookClient.shutdown()
            throw error
        }
        try await webhookClient.shutdown()
    }

    /// Refits the value models every `refitEvery` hours until the server stops.
    private func scheduleRefits(_ store: Store, logger: Logger) -> Task<Void, Never> {
        let interval = refitEvery
        return Task {
            guard interval > 0 else { return }
            while (try? await Task.sleep(for: .seconds(interval * 3600))) != nil {
                do {
                    let outcomes = try await ValueRefit(store: store).run()
                    logger.info("value models refitted", metadata: ["currencies": "\(outcomes.map(\.currency))"])
                } catch {
                    logger.error("value refit failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// On first start there is no user: create `admin` with a random password printed once.
    private func ensureAdministrator(_ store: Store) async throws -> (username: String, password: String)? {
        guard try await store.users.count() == 0 else { return nil }
        let password = Accounts.generatePassword()
        try await Accounts(store: store).create(username: "admin", displayName: "Administrator", role: .administrator, password: password)
        return ("admin", password)
    }
}

/// `rapport migrate`: bring the schema up to date and say what was applied.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply database migrations.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let logger = store.logger()
        let database = try await Database.open(try store.location, logger: logger)
        let migrator = Migrator(database: database, logger: logger)
        let applied: [Int]
        let version: Int
        do {
            applied = try await migrator.migrate()
            version = try await migrator.currentVersion()
        } catch {
            await database.shutdown()
            throw error
        }
        print(applied.isEmpty ? "Schema is up to date (version \(version))." : "Applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(version).")
        await database.shutdown()
    }
}
