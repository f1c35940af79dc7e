import ArgumentParser
import Foundation

/// Options shared by the commands that read an input folder.
struct InputOptions: ParsableArguments {
    @Argument(help: "Папка с входными файлами (results.csv и др.). По умолчанию — sample-data.")
    var input: String = "sample-data"

    @Flag(name: .shortAndLong, help: "Не печатать ход работы и итоги (ошибки печатаются всегда).")
    var quiet = false

    var inputURL: URL { URL(fileURLWithPath: input, isDirectory: true) }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("Папка с входными данными не найдена: \(input)")
        }
    }
}
