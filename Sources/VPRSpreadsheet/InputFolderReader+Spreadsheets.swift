import VPRAnalysis

extension InputFolderReader {
    /// A folder reader that also opens XLSX workbooks (ФИС ОКО exports) next to CSV files.
    public static var withSpreadsheets: InputFolderReader {
        InputFolderReader(tableReaders: [XLSXTableReader()])
    }
}
