import Foundation
import LightconeCheckers

/// `check-history`: reads recorded histories and prints one verdict line per file; exits 1
/// when any is not linearizable or cannot be read (an undecided one is reported, not failed).
enum HistoryFiles {
    static func check(_ paths: [String]) -> Int32 {
        var status: Int32 = 0
        for path in paths {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                print("\(path): cannot read the file")
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
