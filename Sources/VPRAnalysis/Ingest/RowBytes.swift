/// Checks of a data row's bytes before its fields are read: a NUL byte (a binary or damaged file), and in a
/// UTF-8 file a line that is not UTF-8 (files pasted together from two encodings) or carries U+FFFD (text
/// already damaged by an earlier conversion). Such a row is rejected at the field where the problem is.
enum RowBytes {
    static func problem(_ record: CSVRecord, utf8: Bool) -> (reason: String, column: Int)? {
        for index in 0..<record.count {
            let bytes = record.raw(index)
            if bytes.contains(0) {
                return ("в поле нулевой байт (NUL): файл повреждён или это не текстовая таблица", index + 1)
            }
            guard utf8 else { continue }
            var validator = UTF8Validator()
            validator.feed(bytes)
            if !validator.isValid || validator.isInsideSequence {
                return ("поле не в кодировке UTF-8, как остальной файл (вероятно, строка вставлена из файла в Windows-1251): пересохраните файл в одной кодировке",
                        index + 1)
            }
            if containsReplacementCharacter(bytes) {
                return ("в поле символ «�» (U+FFFD): текст был испорчен при перекодировке до выгрузки", index + 1)
            }
        }
        return nil
    }

    /// EF BF BD, U+FFFD in UTF-8.
    static func containsReplacementCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { return true }
            i += 1
        }
        return false
    }
}
