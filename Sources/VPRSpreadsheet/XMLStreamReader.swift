import Foundation

/// What the XML reader reports as it goes: element starts and ends (qualified names, as written) and text.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: String, attributes: [String: String])
    func endElement(_ name: String)
    func characters(_ text: String)
    /// Checked after every event: true ends the reading early (not an error).
    var shouldStop: Bool { get }
}

extension XMLEventHandler {
    func endElement(_ name: String) {}
    func characters(_ text: String) {}
    var shouldStop: Bool { false }
}

/// A malformed or refused XML part, with the byte offset where reading stopped.
struct XMLStreamError: Error, Equatable {
    var reason: String
    var offset: Int
}

/// A strict, streaming, byte-level reader of the XML that workbook parts hold, written for this project because
/// Foundation's `XMLParser` on Linux traps on some malformed input (found by fuzzing): a damaged workbook must be
/// refused with a message, never crash the run.
///
/// It reads UTF-8 only (as Office writes), elements, attributes, text, CDATA, comments and processing
/// instructions, the five predefined entities and character references. A document type declaration is refused:
/// Office never writes one, and entities are how XML bombs and external file reads work. Limits bound the size of
/// one token and the nesting depth, so memory stays small whatever the input.
struct XMLStreamReader {
    /// Bytes read from a file at a time.
    var chunkSize = 1 << 20
    /// The largest single token (tag or text run) accepted.
    var maxTokenSize = 64 << 20
    var maxDepth = 256

    /// Reads a whole part held in memory.
    func read(_ data: Data, into handler: XMLEventHandler) throws {
        var delivered = false
        try run(handler) {
            if delivered { return nil }
            delivered = true
            return [UInt8](data)
        }
    }

    /// Reads a part from a file, chunk by chunk.
    func read(contentsOf url: URL, into handler: XMLEventHandler) throws {
        let file = try FileHandle(forReadingFrom: url)
        defer { try? file.close() }
        try run(handler) {
            guard let chunk = try file.read(upToCount: chunkSize), !chunk.isEmpty else { return nil }
            return [UInt8](chunk)
        }
    }

    private func run(_ handler: XMLEventHandler, next: () throws -> [UInt8]?) throws {
        var state = State(handler: handler, limits: self)
        while let chunk = try next() {
            state.buffer.append(contentsOf: chunk)
            try state.consume(atEnd: false)
            if state.stopped { return }
        }
        try state.consume(atEnd: true)
        if state.stopped { return }
        guard state.sawRoot else { throw XMLStreamError(reason: "в части нет ни одного элемента", offset: state.consumedBefore) }
        guard state.stack.isEmpty else {
            throw XMLStreamError(reason: "XML обрывается: не закрыт элемент <\(state.stack.last!)>", offset: state.consumedBefore + state.position)
        }
    }

    private struct State {
        let handler: XMLEventHandler
        let limits: XMLStreamReader
        var buffer: [UInt8] = []
        var position = 0
        /// Bytes dropped from the front of `buffer` so far (for offsets in messages).
        var consumedBefore = 0
        var stack: [String] = []
        var sawRoot = false
        var stopped = false
        var atStart = true

        init(handler: XMLEventHandler, limits: XMLStreamReader) {
            self.handler = handler
            self.limits = limits
        }

        func fail(_ reason: String, at index: Int? = nil) -> XMLStreamError {
            XMLStreamError(reason: reason, offset: consumedBefore + (index ?? position))
        }

        /// Processes every complete token in the buffer; at the end, whatever is left must be complete.
        mutating func consume(atEnd: Bool) throws {
            if atStart {
                if buffer.count < 3 && !atEnd { return }
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
                if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) {
                    throw fail("часть книги записана в UTF-16; ожидается UTF-8", at: 0)
                }
                atStart = false
            }
            while position < buffer.count && !stopped {
                if buffer[position] == UInt8(ascii: "<") {
                    guard let end = try markupEnd(from: position) else {
                        if atEnd { throw fail("XML обрывается внутри разметки") }
                        break
                    }
                    try markup(position, end)
                    position = end
                } else {
                    guard let lt = buffer[position...].firstIndex(of: UInt8(ascii: "<")) else {
                        if atEnd {
                            try text(position, buffer.count)
                            position = buffer.count
                        }
                        break
                    }
                    try text(position, lt)
                    position = lt
                }
                if handler.shouldStop { stopped = true }
            }
            if buffer.count - position > limits.maxTokenSize {
                throw fail("слишком длинный элемент XML (больше \(limits.maxTokenSize >> 20) МиБ)")
            }
            // Drop what has been read, keep the unfinished token.
            if position > 0 {
                buffer.removeFirst(position)
                consumedBefore += position
                position = 0
            }
        }

        /// The index just past the markup starting at `start`, or nil when the buffer ends first.
        func markupEnd(from start: Int) throws -> Int? {
            func find(_ pattern: [UInt8], from: Int) -> Int? {
                guard buffer.count >= pattern.count else { return nil }
                var i = from
                let last = buffer.count - pattern.count
                while i <= last {
                    if buffer[i] == pattern[0] {
                        var k = 1
                        while k < pattern.count && buffer[i + k] == pattern[k] { k += 1 }
                        if k == pattern.count { return i + pattern.count }
                    }
                    i += 1
                }
                return nil
            }
            if hasPrefix("<!--", at: start) { return find(Array("-->".utf8), from: start + 4) }
            if hasPrefix("<![CDATA[", at: start) { return find(Array("]]>".utf8), from: start + 9) }
            if hasPrefix("<?", at: start) { return find(Array("?>".utf8), from: start + 2) }
            if hasPrefix("<!", at: start) {
                if buffer.count - start < 9 { return nil }
                throw fail("в части книги объявление типа документа (DTD) — Excel их не пишет; такие файлы не читаются (защита от XML-бомб и чтения чужих файлов)", at: start)
            }
            // A tag: up to the first «>» outside quotes.
            var quote: UInt8 = 0
            var i = start + 1
            while i < buffer.count {
                let b = buffer[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    return i + 1
                } else if b == UInt8(ascii: "<") {
                    throw fail("символ «<» внутри тега", at: i)
                }
                i += 1
            }
            return nil
        }

        func hasPrefix(_ s: StaticString, at index: Int) -> Bool {
            let count = s.utf8CodeUnitCount
            // Not enough bytes to tell: the caller waits for more.
            guard buffer.count - index >= count else { return false }
            let pattern = s.utf8Start
            for k in 0..<count where buffer[index + k] != pattern[k] { return false }
            return true
        }

        mutating func markup(_ start: Int, _ end: Int) throws {
            if hasPrefix("<!--", at: start) { return }
            if hasPrefix("<?", at: start) {
                let body = try string(start + 2, end - 2)
                if body.hasPrefix("xml"), let range = body.range(of: "encoding=") {
                    let rest = body[range.upperBound...].dropFirst()
                    let encoding = rest.prefix { $0 != "\"" && $0 != "'" }.lowercased()
                    if encoding != "utf-8" && encoding != "utf8" {
                        throw fail("часть книги в кодировке «\(encoding)»; ожидается UTF-8", at: start)
                    }
                }
                return
            }
            if hasPrefix("<![CDATA[", at: start) {
                guard !stack.isEmpty else { throw fail("текст вне корневого элемента", at: start) }
                handler.characters(try string(start + 9, end - 3))
                return
            }
            if buffer[start + 1] == UInt8(ascii: "/") {
                var nameEnd = end - 1
                while nameEnd > start + 2 && isSpace(buffer[nameEnd - 1]) { nameEnd -= 1 }
                let name = try string(start + 2, nameEnd)
                guard let open = stack.popLast() else { throw fail("закрывающий тег </\(name)> без открывающего", at: start) }
                guard open == name else { throw fail("тег <\(open)> закрыт тегом </\(name)>", at: start) }
                handler.endElement(name)
                return
            }
            let selfClosing = buffer[end - 2] == UInt8(ascii: "/")
            let (name, attributes) = try tag(start + 1, selfClosing ? end - 2 : end - 1)
            if stack.isEmpty && sawRoot { throw fail("второй корневой элемент <\(name)>", at: start) }
            sawRoot = true
            guard stack.count < limits.maxDepth else { throw fail("слишком глубокая вложенность элементов", at: start) }
            handler.startElement(name, attributes: attributes)
            if selfClosing { handler.endElement(name) } else { stack.append(name) }
        }

        /// A start tag's name and attributes from the bytes between «<» and «>» (or «/>»).
        func tag(_ start: Int, _ end: Int) throws -> (String, [String: String]) {
            var i = start
            func skipSpace() { while i < end && isSpace(buffer[i]) { i += 1 } }
            func nameEnd() -> Int {
                var j = i
                while j < end && !isSpace(buffer[j]) && buffer[j] != UInt8(ascii: "=") && buffer[j] != UInt8(ascii: "/") { j += 1 }
                return j
            }
            let nameStop = nameEnd()
            guard nameStop > i else { throw fail("тег без имени", at: start) }
            let name = try string(i, nameStop)
            i = nameStop
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                if i >= end { break }
                let keyStop = nameEnd()
                guard keyStop > i else { throw fail("ошибка в атрибутах тега <\(name)>", at: i) }
                let key = try string(i, keyStop)
                i = keyStop
                skipSpace()
                guard i < end, buffer[i] == UInt8(ascii: "=") else { throw fail("у атрибута \(key) тега <\(name)> нет значения", at: i) }
                i += 1
                skipSpace()
                guard i < end, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else {
                    throw fail("значение атрибута \(key) тега <\(name)> не в кавычках", at: i)
                }
                let quote = buffer[i]
                guard let close = buffer[(i + 1)..<end].firstIndex(of: quote) else {
                    throw fail("значение атрибута \(key) тега <\(name)> не закрыто", at: i)
                }
                guard attributes[key] == nil else { throw fail("атрибут \(key) тега <\(name)> повторён", at: i) }
                guard attributes.count < 10_000 else { throw fail("слишком много атрибутов у тега <\(name)>", at: i) }
                attributes[key] = try decoded(i + 1, close)
                i = close + 1
            }
            return (name, attributes)
        }

        mutating func text(_ start: Int, _ end: Int) throws {
            guard start < end else { return }
            if stack.isEmpty {
                guard buffer[start..<end].allSatisfy(isSpace) else { throw fail("текст вне корневого элемента", at: start) }
                return
            }
            handler.characters(try decoded(start, end))
        }

        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

        func string(_ start: Int, _ end: Int) throws -> String {
            guard start <= end else { throw fail("испорченная разметка", at: start) }
            let text: String? = buffer.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
                // ASCII (tags, numbers) needs no validation; anything else must be valid UTF-8.
                var ascii = true
                for b in bytes where b >= 0x80 { ascii = false; break }
                return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
            }
            guard let text else { throw fail("часть книги не в кодировке UTF-8", at: start) }
            return text
        }

        /// Text with entity and character references replaced.
        func decoded(_ start: Int, _ end: Int) throws -> String {
            guard buffer[start..<end].contains(UInt8(ascii: "&")) else { return try string(start, end) }
            var out = String.UnicodeScalarView()
            var i = start
            while i < end {
                guard let amp = buffer[i..<end].firstIndex(of: UInt8(ascii: "&")) else {
                    out.append(contentsOf: try string(i, end).unicodeScalars)
                    break
                }
                out.append(contentsOf: try string(i, amp).unicodeScalars)
                guard let semicolon = buffer[amp..<min(end, amp + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                    throw fail("незакрытая ссылка «&» в тексте", at: amp)
                }
                let reference = try string(amp + 1, semicolon)
                switch reference {
                case "lt": out.append("<")
                case "gt": out.append(">")
                case "amp": out.append("&")
                case "quot": out.append("\"")
                case "apos": out.append("'")
                default:
                    var value: UInt32?
                    if reference.hasPrefix("#x") || reference.hasPrefix("#X") { value = UInt32(reference.dropFirst(2), radix: 16) }
                    else if reference.hasPrefix("#") { value = UInt32(reference.dropFirst(), radix: 10) }
                    guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else {
                        throw fail("неизвестная ссылка «&\(reference);»", at: amp)
                    }
                    out.append(scalar)
                }
                i = semicolon + 1
            }
            return String(out)
        }
    }
}
