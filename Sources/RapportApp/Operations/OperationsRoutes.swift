import Hummingbird
import RapportStore

/// `/health` (the process answers), `/ready` (the database answers too) and `/metrics`.
struct OperationsRoutes {
    let store: Store

    func register(on router: Router<AppRequestContext>) {
        router.get("health") { _, _ in "ok" }
        router.get("ready") { _, _ -> Response in
            let ready = await store.database.isReachable()
            return Response(
                status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain"],
                body: .init(byteBuffer: ByteBuffer(string: ready ? "ready" : "database unreachable")))
        }
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: AppMetrics.exposition())))
        }
    }
}
