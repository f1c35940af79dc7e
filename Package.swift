// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "vpr-analyzer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vpr-analyzer", targets: ["vpr-analyzer"]),
        .library(name: "VPRAnalysis", targets: ["VPRAnalysis"]),
        .library(name: "VPRSpreadsheet", targets: ["VPRSpreadsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Core: model, ingest, statistics, indicators, risk decision. Foundation only.
        .target(name: "VPRAnalysis"),
        // Spreadsheet inputs (XLSX exports of ФИС ОКО) as table files for the core's folder reader.
        .target(name: "VPRSpreadsheet", dependencies: ["VPRAnalysis", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Seeded generator of realistic districts (sample data, calibration study).
        .target(name: "VPRSampleData", dependencies: ["VPRAnalysis"]),
        // One writer per output format, rendered from a view model.
        .target(name: "VPRReports", dependencies: ["VPRAnalysis", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The history of runs: an SQLite database (GRDB, WAL) of manifests, lists, flags and trend figures.
        .target(name: "VPRHistory", dependencies: [
            "VPRAnalysis", "VPRReports",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The calibration study: generated districts with a known truth run through the engine.
        .target(name: "VPRStudy", dependencies: ["VPRAnalysis", "VPRSampleData"]),
        .executableTarget(
            name: "vpr-analyzer",
            dependencies: [
                "VPRAnalysis", "VPRReports", "VPRSampleData", "VPRStudy", "VPRSpreadsheet", "VPRHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VPRAnalysisTests", dependencies: ["VPRAnalysis", "VPRSampleData"]),
        .testTarget(name: "VPRReportsTests", dependencies: ["VPRReports", "VPRAnalysis"], exclude: ["Golden"]),
        .testTarget(name: "VPRSpreadsheetTests", dependencies: ["VPRSpreadsheet", "VPRAnalysis", "VPRSampleData", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    resources: [.copy("FuzzCrashes")]),
        .testTarget(name: "VPRHistoryTests", dependencies: ["VPRHistory", "VPRReports", "VPRAnalysis", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "VPRSampleDataTests", dependencies: ["VPRSampleData", "VPRAnalysis"]),
        .testTarget(name: "VPRStudyTests", dependencies: ["VPRStudy", "VPRSampleData", "VPRAnalysis"], exclude: ["IndependentDistrict"]),
        .testTarget(name: "VPRAnalyzerCLITests", dependencies: ["VPRAnalysis", "VPRSampleData", "vpr-analyzer"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, only when asked for (`VPR_FUZZ=1 swift build -Xswiftc -sanitize=fuzzer …`, see fuzz/run.sh):
// libFuzzer supplies their `main`, so an ordinary build must not see them.
if ProcessInfo.processInfo.environment["VPR_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "FuzzCSV", dependencies: ["VPRAnalysis", "FuzzDriver"], path: "Fuzz/FuzzCSV"),
        .executableTarget(name: "FuzzXLSX", dependencies: ["VPRAnalysis", "VPRSpreadsheet", "FuzzDriver"], path: "Fuzz/FuzzXLSX"),
    ]
}
