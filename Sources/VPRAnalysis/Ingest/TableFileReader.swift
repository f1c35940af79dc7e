import Foundation

/// A reader of one kind of table file (an XLSX workbook, say) that the core cannot open itself:
/// it lists the file's sheets and streams each sheet as rows of cell text. The core keeps to
/// Foundation; container formats are plugged in by the executable.
public protocol TableFileReader: Sendable {
    /// File name extensions this reader opens, lower case and without the dot («xlsx»).
    var fileExtensions: Set<String> { get }
    /// A short name of the format for messages («XLSX»).
    var formatName: String { get }
    /// The names of the file's sheets in workbook order.
    func sheetNames(of url: URL) throws -> [String]
    /// Streams the rows of one sheet in order; `body` returns false to stop early. Errors are
    /// `TableFileError`s with a Russian message.
    func forEachRow(of url: URL, sheet: String, _ body: (TableRow) -> Bool) throws
}

/// One row of a sheet as text: empty strings for empty or missing cells.
public struct TableRow: Sendable, Equatable {
    /// The 1-based row number in the sheet (as the spreadsheet shows it).
    public var number: Int
    /// Cell text by 0-based column; a cell missing from the file is an empty string.
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The trimmed text of a column, empty when the row is shorter.
    public subscript(column: Int) -> String {
        column < cells.count ? cells[column].trimmingWhitespaceAndNBSP() : ""
    }

    /// True when every cell is empty or blank.
    public var isBlank: Bool { cells.allSatisfy { $0.trimmingWhitespaceAndNBSP().isEmpty } }
}

/// Why a table file cannot be read, in Russian, for the specialist.
public struct TableFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
