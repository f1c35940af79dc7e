/// Escaping of text from the input (school names, class labels) for HTML and inline SVG: the Office escaping
/// (`<`, `>`, `&`, both quotes; characters XML forbids dropped), safe in element text and in attribute values.
enum SVGEscape {
    static func text(_ s: String) -> String { XMLText.escape(s) }

    /// A coordinate or length with one decimal and a point, the same on every platform and locale.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let rounded = (v * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }
}
