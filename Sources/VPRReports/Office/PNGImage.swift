import CZlib
import Foundation

/// An RGB raster and its PNG encoding, for the charts of `report.docx`: 8-bit truecolour, every row
/// unfiltered, the pixels deflated by the system zlib (stored deflate blocks with an Adler-32 computed here
/// if zlib fails), CRC-32 computed here. No font rendering: labels stay Word text. The charts are flat
/// colours, so deflating makes each a few kilobytes instead of its raw size: a national report holds tens of
/// thousands of them until the document is packed.
struct PNGImage: Sendable {
    /// One colour, 8 bits per channel.
    struct Color: Hashable, Sendable {
        var r: UInt8, g: UInt8, b: UInt8
        init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
        /// `0xRRGGBB`.
        init(hex: UInt32) { self.init(UInt8(hex >> 16 & 0xFF), UInt8(hex >> 8 & 0xFF), UInt8(hex & 0xFF)) }

        static let white = Color(hex: 0xFFFFFF)
        static let black = Color(hex: 0x000000)
    }

    let width: Int
    let height: Int
    /// Row-major RGB triples, top row first.
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int, background: Color = .white) {
        precondition(width > 0 && height > 0, "a PNG has at least one pixel")
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            pixels[3 * i] = background.r; pixels[3 * i + 1] = background.g; pixels[3 * i + 2] = background.b
        }
    }

    /// The colour at (x, y); x to the right, y down from the top-left corner.
    func pixel(_ x: Int, _ y: Int) -> Color {
        let i = 3 * (y * width + x)
        return Color(pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Sets one pixel; points outside the image are ignored.
    mutating func set(_ x: Int, _ y: Int, _ c: Color) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = 3 * (y * width + x)
        pixels[i] = c.r; pixels[i + 1] = c.g; pixels[i + 2] = c.b
    }

    /// Fills the rectangle [x0, x1) × [y0, y1), clipped to the image.
    mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, _ c: Color) {
        let xa = max(0, min(x0, x1)), xb = min(width, max(x0, x1))
        let ya = max(0, min(y0, y1)), yb = min(height, max(y0, y1))
        guard xa < xb, ya < yb else { return }
        for y in ya..<yb { for x in xa..<xb { set(x, y, c) } }
    }

    /// A straight line `thickness` pixels wide; `dash` (on, off) in pixels along the line makes it dashed.
    mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ c: Color,
                       thickness: Int = 1, dash: (on: Int, off: Int)? = nil) {
        let dx = x1 - x0, dy = y1 - y0
        let steps = max(Int(max(abs(dx), abs(dy)).rounded(.up)), 1)
        let half = thickness / 2
        for i in 0...steps {
            if let dash, i % (dash.on + dash.off) >= dash.on { continue }
            let t = Double(i) / Double(steps)
            let x = Int((x0 + dx * t).rounded()), y = Int((y0 + dy * t).rounded())
            fill(x0: x - half, y0: y - half, x1: x - half + thickness, y1: y - half + thickness, c)
        }
    }

    /// Connected line segments through `points`.
    mutating func polyline(_ points: [(Double, Double)], _ c: Color, thickness: Int = 1, dash: (on: Int, off: Int)? = nil) {
        for (a, b) in zip(points, points.dropFirst()) { line(a.0, a.1, b.0, b.1, c, thickness: thickness, dash: dash) }
    }

    // MARK: Encoding

    /// The PNG file: signature, IHDR (8-bit RGB, no interlace), one IDAT, IEND.
    func pngData() -> Data {
        var out = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = [UInt8]()
        header += Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]   // bit depth, colour type 2 (RGB), deflate, adaptive filtering, no interlace
        Self.chunk("IHDR", header, into: &out)
        var raw = [UInt8]()
        raw.reserveCapacity((width * 3 + 1) * height)
        for y in 0..<height {
            raw.append(0)   // filter type None
            raw += pixels[(y * width * 3)..<((y + 1) * width * 3)]
        }
        Self.chunk("IDAT", Self.zlibDeflated(raw) ?? Self.zlibStored(raw), into: &out)
        Self.chunk("IEND", [], into: &out)
        return out
    }

    static func chunk(_ type: String, _ body: [UInt8], into out: inout Data) {
        let typeBytes = Array(type.utf8)
        out.append(contentsOf: bigEndian(UInt32(body.count)))
        out.append(contentsOf: typeBytes)
        out.append(contentsOf: body)
        out.append(contentsOf: bigEndian(crc32(typeBytes + body)))
    }

    /// A zlib stream (RFC 1950) deflated by zlib at its default level; nil if zlib reports an error.
    static func zlibDeflated(_ data: [UInt8]) -> [UInt8]? {
        var length = CZlib.compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { i in
                CZlib.compress2(o.baseAddress, &length, i.baseAddress, uLong(i.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        out.removeLast(out.count - Int(length))
        return out
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4), at most 65 535 bytes each.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]   // deflate, 32 KiB window, no dictionary; 0x7801 is a multiple of 31
        var start = 0
        repeat {
            let end = min(start + 65_535, data.count)
            let length = UInt16(end - start)
            out.append(end == data.count ? 1 : 0)   // BFINAL, BTYPE = 00
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        out += bigEndian(adler32(data))
        return out
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    /// CRC-32 of ISO 3309 / ITU-T V.42 (reflected polynomial 0xEDB88320), as PNG and ZIP use it.
    static func crc32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Adler-32 (RFC 1950 §8.2), the zlib stream's checksum of the uncompressed data.
    static func adler32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var a: UInt32 = 1, b: UInt32 = 0
        var pending = 0
        for byte in bytes {
            a += UInt32(byte); b += a
            pending += 1
            if pending == 5552 { a %= 65521; b %= 65521; pending = 0 }   // 5552: the longest run without overflow
        }
        return (b % 65521) << 16 | (a % 65521)
    }
}
