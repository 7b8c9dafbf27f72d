import Foundation
import LightconeLab

/// `check-history`: reads recorded histories and prints one verdict line per file.
enum HistoryFiles {
    static func check(_ paths: [String]) -> Int32 {
        Headless.printError("lightcone: check-history is not in this build yet")
        return 1
    }
}
