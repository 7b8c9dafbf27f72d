import Foundation
import LightconeCheckers
import LightconeLab

/// `check-history`: reads recorded histories and prints one verdict line per file; exits 1
/// when any is not linearizable or cannot be read (an undecided one is reported, not failed).
enum HistoryFiles {
    static func check(_ paths: [String]) -> Int32 {
        var status: Int32 = 0
        for path in paths {
            let contents: String
            switch TextFile.read(path) {
            case .success(let text): contents = text
            case .failure(let failure):
                print("\(path): \(failure.reason)")
                status = 1
                continue
            }
            let (line, verdict) = LinearizabilityChecker.checkHistoryFile(named: path, contents: contents)
            print(line)
            if verdict == nil || verdict?.isViolation == true { status = 1 }
        }
        return status
    }
}
