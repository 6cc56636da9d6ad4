import Foundation
import RapportCore
import RapportStore
import RapportValue

/// `GET /api/v1/value/models`: the latest fitted value model of each currency, with its
/// holdout validation (R4.3).
struct ValueModelsAPI {
    let store: Store

    /// One currency's model as the API shows it.
    struct Document: Encodable {
        let currency: String
        let fittedAt: Date
        /// The last day of the history the model was fitted on (the refit day).
        let calibrationEnd: String
        /// Customers scored by the model.
        let customers: Int
        let purchaseModel: BGNBDModel.Parameters?
        let spendModel: GammaGammaModel.Parameters?
        /// Predicted against actual repeat purchases in a holdout; nil for a model stored
        /// before holdout validations existed.
        let holdout: HoldoutValidation?
    }

    func register(on api: APIRoutes) {
        api.get("value/models", .readAnalytics) { _, _, _ in
            try JSONResponse.make(try await ValueModelSummary.read(from: store.database).map(Self.document))
        }
    }

    /// Decodes the JSON columns of a stored model; a column that does not decode (written by
    /// another version) is shown as absent rather than failing the whole list.
    static func document(_ model: ValueModelSummary) -> Document {
        let parameters = try? JSONCoding.decoder.decode(StoredValueParameters.self, from: Data(model.parameters.utf8))
        let holdout = model.holdout.flatMap {
            try? JSONCoding.decoder.decode(HoldoutValidation.self, from: Data($0.utf8))
        }
        return Document(
            currency: model.currency, fittedAt: model.fittedAt, calibrationEnd: model.calibrationEnd,
            customers: model.customers,
            purchaseModel: parameters?.purchases, spendModel: parameters?.spend, holdout: holdout)
    }
}
