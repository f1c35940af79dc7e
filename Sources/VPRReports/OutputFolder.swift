import Foundation
import VPRAnalysis

/// Writes a run's files all at once: everything is rendered first, then written under temporary
/// names in the output folder and renamed into place, so a failed run leaves no partial report.
public struct OutputFolder: Sendable {
    public var url: URL

    public init(url: URL) { self.url = url }

    /// The writers of the contract's output files.
    public static let standardWriters: [any ReportWriter] = [
        RiskListCSVWriter(), ResultsJSONWriter(), SummaryMarkdownWriter(), RejectedRowsCSVWriter(),
        RiskListXLSXWriter(), RecheckListCSVWriter(), RecheckListXLSXWriter(), ObserversXLSXWriter(), ReportDOCXWriter(),
        HTMLReportWriter(),
    ]

    /// Renders every applicable writer and replaces the files in the folder. Returns the names written.
    @discardableResult
    public func write(_ model: ReportModel, writers: [any ReportWriter] = OutputFolder.standardWriters) throws -> [String] {
        let applying = writers.filter { $0.applies(to: model) }
        let stale = writers.filter { !$0.applies(to: model) }.map(\.fileName)
        // Writers are pure renderings of one model: they run on both cores, the files keep the writers' order.
        let slots = ResultSlots<Result<Data, any Error>>(count: applying.count)
        DispatchQueue.concurrentPerform(iterations: applying.count) { i in
            slots.set(i, Result { try applying[i].render(model) })
        }
        var rendered: [(String, Data)] = []
        for (writer, result) in zip(applying, slots.values) { rendered.append((writer.fileName, try result!.get())) }
        let fm = FileManager.default
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        var temporary: [(URL, URL)] = []
        do {
            for (name, data) in rendered {
                let tmp = url.appendingPathComponent(".\(name).\(token).tmp")
                try data.write(to: tmp)
                temporary.append((tmp, url.appendingPathComponent(name)))
            }
        } catch {
            for (tmp, _) in temporary { try? fm.removeItem(at: tmp) }
            throw error
        }
        for (i, (tmp, final)) in temporary.enumerated() {
            if rename(tmp.path, final.path) != 0 {
                for (left, _) in temporary[i...] { try? fm.removeItem(at: left) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
            }
        }
        // A file this run does not produce must not survive from an earlier run.
        for name in stale { try? fm.removeItem(at: url.appendingPathComponent(name)) }
        return rendered.map(\.0)
    }
}

