/// A cell reference such as `B12` or `AA3`: the 0-based column and the 1-based row.
struct CellReference: Sendable, Hashable {
    var column: Int
    var row: Int

    /// Parses `B12`; a reference without digits (`B`) gives row 0. Nil for anything else.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A:
                guard digits == 0, letters < 4 else { return nil }
                column = column * 26 + Int((scalar.value | 0x20) - 0x61) + 1
                letters += 1
            case 0x30...0x39:
                guard letters > 0, digits < 8 else { return nil }
                row = row * 10 + Int(scalar.value - 0x30)
                digits += 1
            case 0x24:  // «$» of absolute references
                continue
            default:
                return nil
            }
        }
        guard letters > 0 else { return nil }
        self.column = column - 1
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

/// A merged range of cells (`A1:C2`): every cell in it shows the top-left cell's value.
struct MergedRange: Sendable, Hashable {
    var first: CellReference
    var last: CellReference

    init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let a = CellReference(String(parts[0])), let b = CellReference(String(parts[1])),
              a.row > 0, b.row >= a.row, b.column >= a.column else { return nil }
        first = a
        last = b
    }
}
