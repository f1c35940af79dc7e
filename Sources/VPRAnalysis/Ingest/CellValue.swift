/// What a cell holds when read as a number, straight from its bytes.
enum CellValue: Sendable, Equatable {
    /// Empty or a missing-value token (`-`, `—`, `X`, `Х`, `нет`, `н/а`…).
    case missing
    /// A whole number; «12,0» and «12.0» count as 12.
    case integer(Int)
    /// A number with a non-zero fractional part («12,5»).
    case fractional(Double)
    /// Anything else.
    case invalid
}
