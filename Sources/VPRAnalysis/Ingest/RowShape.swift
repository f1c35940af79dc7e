/// Checks that a data row has as many fields as the header. Extra fields that are all empty
/// (a trailing separator, as some spreadsheets write) are tolerated.
enum RowShape {
    /// The Russian reason and the 1-based column when the row's field count is wrong.
    static func problem(_ record: CSVRecord, headerCount: Int) -> (reason: String, column: Int)? {
        if record.hasUnterminatedQuote {
            return ("кавычка в поле не закрыта до конца файла", record.count)
        }
        if record.count < headerCount {
            return ("в строке \(record.count) \(fieldsWord(record.count)), а в заголовке \(headerCount): не хватает полей",
                    record.count + 1)
        }
        if record.count > headerCount {
            for index in headerCount..<record.count where !record.fields[index].isEmpty {
                return ("в строке \(record.count) \(fieldsWord(record.count)), а в заголовке \(headerCount): лишние поля",
                        headerCount + 1)
            }
        }
        return nil
    }

    /// «поле», «поля», «полей» for a count.
    static func fieldsWord(_ n: Int) -> String {
        let lastTwo = n % 100, last = n % 10
        if (11...14).contains(lastTwo) { return "полей" }
        if last == 1 { return "поле" }
        if (2...4).contains(last) { return "поля" }
        return "полей"
    }
}
