import Foundation

/// What a child process did: its wall time, peak resident memory and standard output.
struct ChildRun {
    var wall: Double
    /// User and system CPU seconds (steadier than wall time on a loaded machine).
    var cpu: Double
    /// Peak resident memory from `wait4` (includes what the parent had mapped before the
    /// child's exec; a child that reports its own `VmHWM` is more exact).
    var peakMB: Double
    var output: String
    var status: Int32
}

/// Runs `arguments` (the first is the program's path) as a child with posix_spawn, standard
/// input from `input`, standard output captured, standard error to /dev/null; times it from
/// spawn to exit and reads its peak memory from `wait4`. Nil when it cannot start.
func runChild(_ arguments: [String], input: String = "") -> ChildRun? {
    var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0]
    guard pipe(&inPipe) == 0, pipe(&outPipe) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_addclose(&actions, inPipe[1])
    posix_spawn_file_actions_addclose(&actions, outPipe[0])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let start = clock.now
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    close(inPipe[0])
    close(outPipe[1])
    guard spawned == 0 else {
        close(inPipe[1])
        close(outPipe[0])
        return nil
    }
    if !input.isEmpty { _ = input.withCString { write(inPipe[1], $0, strlen($0)) } }
    close(inPipe[1])
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let got = read(outPipe[0], &buffer, buffer.count)
        if got <= 0 { break }
        data.append(contentsOf: buffer[0..<got])
    }
    close(outPipe[0])
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let wall = seconds(clock.now - start)
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return ChildRun(wall: wall, cpu: cpu, peakMB: Double(usage.ru_maxrss) / 1024, output: String(decoding: data, as: UTF8.self),
                    status: (status >> 8) & 0xff)
}

/// The value after `key=` in `text` (`events=123 wall=0.5`), as a number.
func field(_ key: String, in text: String) -> Double? {
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }) where word.hasPrefix(key + "=") {
        return Double(word.dropFirst(key.count + 1))
    }
    return nil
}

/// The median of `values` (the lower middle one of an even count); nil when empty.
func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    return values.sorted()[(values.count - 1) / 2]
}

/// `$LIGHTCONE_SHARED`, else `shared` beside the working directory's repository or beside
/// this source file's repository: the folder of the recorded histories and the C reference.
func sharedFolder() -> String? {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["LIGHTCONE_SHARED"], !path.isEmpty { candidates.append(path) }
    candidates.append(FileManager.default.currentDirectoryPath + "/../shared")
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(repository.deletingLastPathComponent().appendingPathComponent("shared").path)
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/bench") || FileManager.default.fileExists(atPath: $0 + "/testdata") }
}

/// The path of a sibling binary of this one (`lightcone`), when it is there.
func siblingBinary(_ name: String) -> String? {
    let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// This binary's own path (to run one measure in a fresh child process).
var selfBinary: String {
    let path = CommandLine.arguments[0]
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
}

/// CPU seconds this process has used so far (user and system).
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Runs a C program under `/usr/bin/time` (when present) to read its own peak memory
/// (a child of this large process would report this process's): (run, peak MB).
func runMeasuringMemory(_ arguments: [String]) -> (run: ChildRun, peakMB: Double)? {
    let timer = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: timer) else { return runChild(arguments).map { ($0, $0.peakMB) } }
    let file = NSTemporaryDirectory() + "lightcone-bench-time-\(getpid())"
    guard let run = runChild([timer, "-o", file, "-f", "%M"] + arguments) else { return nil }
    let kilobytes = (try? String(contentsOfFile: file, encoding: .utf8)).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    try? FileManager.default.removeItem(atPath: file)
    return (run, kilobytes / 1024)
}
