import Foundation
import RapportIntegration

/// A CSV file opened for a file job other than import (movers, enrichment): streamed and
/// decoded as ``CSVImport`` reads it (``DecodedChunks``, ``CSVReader``), its header read
/// first, so a file that cannot start throws ``CSVImportError`` before any row is used.
final class CSVFileRows {
    let header: [String]
    private let source: DecodedChunks
    private let reader: CSVReader

    init(_ input: ImportInput, encoding: TextEncoding?, delimiter: UInt8) throws(CSVImportError) {
        let source = try DecodedChunks(input, encoding: encoding)
        let reader = CSVReader(delimiter: delimiter) { () throws(CSVError) -> [UInt8]? in try source.next() }
        do {
            guard let header = try reader.nextRecord() else { throw CSVImportError.emptyFile }
            self.header = try header.fields.get()
        } catch let error as CSVError {
            throw .header(error)
        } catch {
            throw .emptyFile
        }
        self.source = source
        self.reader = reader
    }

    /// The next row, or nil at the end; throws when the text cannot be read on (an
    /// undecodable byte). A row with broken quoting comes back with its error in `fields`.
    func next() throws(CSVError) -> CSVRow? {
        try reader.nextRecord()
    }

    /// The line reading has reached.
    var line: Int { reader.line }

    /// The encoding read, e.g. `windows-1250 (detected)`, once the file has been read.
    var encoding: String? {
        source.report.map { "\($0.encoding.rawValue)\($0.detected ? " (detected)" : "")" }
    }
}
