import Foundation
import VPRAnalysis

/// Writes a run's files all at once: every file is written under a temporary name in the output folder first,
/// then all are renamed into place, so a failed run leaves no partial report.
public struct OutputFolder: Sendable {
    public var url: URL

    public init(url: URL) { self.url = url }

    /// The writers of the contract's output files.
    public static let standardWriters: [any ReportWriter] = [
        RiskListCSVWriter(), ResultsJSONWriter(), SummaryMarkdownWriter(), RejectedRowsCSVWriter(),
        RiskListXLSXWriter(), RecheckListCSVWriter(), RecheckListXLSXWriter(), ObserversXLSXWriter(), ReportDOCXWriter(),
        HTMLReportWriter(),
    ]

    /// Renders every applicable writer and replaces the files in the folder, as one publication of
    /// `InterruptGate.shared`. Returns the names written.
    @discardableResult
    public func write(_ model: ReportModel, writers: [any ReportWriter] = OutputFolder.standardWriters) throws -> [String] {
        let staged = try stage(model, writers: writers)
        return try InterruptGate.shared.publishing { try staged.publish() }
    }

    /// Renders every applicable writer straight into its file under a temporary name in the folder (registered with
    /// `InterruptGate.shared`, so an interrupt removes them); nothing is replaced yet. On an error every temporary
    /// file is removed and the first writer's error (in the writers' order) is thrown.
    public func stage(_ model: ReportModel, writers: [any ReportWriter] = OutputFolder.standardWriters) throws -> StagedOutput {
        let applying = writers.filter { $0.applies(to: model) }
        let stale = writers.filter { !$0.applies(to: model) }.map(\.fileName)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        let staged = StagedOutput(folder: url, files: applying.map {
            (url.appendingPathComponent(".\($0.fileName).\(token).tmp"), url.appendingPathComponent($0.fileName))
        }, stale: stale)
        for (tmp, _) in staged.files { InterruptGate.shared.register(tmp.path) }
        // Writers are pure renderings of one model: they run on both cores, each into its own file, so no file is
        // held in memory whole; the files keep the writers' order.
        let slots = ResultSlots<Result<Void, any Error>>(count: applying.count)
        DispatchQueue.concurrentPerform(iterations: applying.count) { i in
            slots.set(i, Result {
                let sink = try ByteSink(file: staged.files[i].0)
                defer { try? sink.close() }
                try applying[i].write(model, to: sink)
                try sink.close()
            })
        }
        do {
            for result in slots.values { try result!.get() }
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }
}

/// A run's files written under temporary names, ready to be renamed into place.
public struct StagedOutput: Sendable {
    public var folder: URL
    /// (temporary, final) pairs in the writers' order.
    public var files: [(URL, URL)]
    /// Files of the standard set this run does not produce: removed on publishing so none survives from an earlier run.
    public var stale: [String]

    /// Renames every file into place; on a failure the files not yet renamed are removed. Call inside a publication
    /// of `InterruptGate.shared`. Returns the names written.
    @discardableResult
    public func publish() throws -> [String] {
        let fm = FileManager.default
        for (i, (tmp, final)) in files.enumerated() {
            if rename(tmp.path, final.path) != 0 {
                StagedOutput(folder: folder, files: Array(files[i...]), stale: []).discard()
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
            }
            InterruptGate.shared.unregister(tmp.path)
        }
        for name in stale { try? fm.removeItem(at: folder.appendingPathComponent(name)) }
        return files.map(\.1.lastPathComponent)
    }

    /// Removes the temporary files.
    public func discard() {
        for (tmp, _) in files {
            try? FileManager.default.removeItem(at: tmp)
            InterruptGate.shared.unregister(tmp.path)
        }
    }
}
