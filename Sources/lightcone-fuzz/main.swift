// The fuzz harness of the history readers (`make fuzz`).
//
// Built by `make fuzz` with `-sanitize=fuzzer,address -DFUZZING`, it hands one reader to
// libFuzzer: `lightcone-fuzz edn|jepsen-log [libFuzzer flags] [CORPUS ...]`.
// In the ordinary build it replays inputs instead, so crashers can be re-run without the
// sanitizer: `lightcone-fuzz edn FILE ...`.
import CFuzz
import Foundation
import LightconeCheckers

/// Reads one input as an EDN history (errors are fine; crashes and hangs are not).
func readEDN(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? EDNHistoryParser.parse(text)
    return 0
}

/// Reads one input as a Jepsen log.
func readJepsenLog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? JepsenLogParser.parse(text)
    return 0
}

let readers: [String: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt] = ["edn": readEDN, "jepsen-log": readJepsenLog]
let arguments = CommandLine.arguments
guard arguments.count >= 2, let reader = readers[arguments[1]] else {
    FileHandle.standardError.write(Data("usage: lightcone-fuzz edn|jepsen-log [FLAGS] [CORPUS|FILE ...]\n".utf8))
    exit(2)
}

#if FUZZING
var argc = CInt(arguments.count - 1)
var cStrings: [UnsafeMutablePointer<CChar>?] = ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) } + [nil]
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> CInt in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv, reader)
}
exit(status)
#else
var count = 0
for path in arguments.dropFirst(2) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("lightcone-fuzz: cannot read \(path)\n".utf8))
        exit(1)
    }
    _ = data.withUnsafeBytes { reader($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
    count += 1
}
print("\(arguments[1]): \(count) input\(count == 1 ? "" : "s") read without a crash")
#endif
