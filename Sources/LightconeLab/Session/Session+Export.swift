import Foundation
import LightconeSimulation

extension Session {
    /// `export timeline FILE.svg` and `export screen FILE.svg|FILE.txt`.
    func export(_ kind: ExportKind, to path: String, force: Bool) throws(CommandError) -> CommandOutput {
        try checkWritable(path, force: force)
        guard let drawings else { throw CommandError("export \(kind.rawValue) needs the view, which this front end lacks") }
        let text: String
        switch kind {
        case .timeline:
            let entries = cluster.traceEntries(from: max(0, cluster.traceCount - 2_000), notableOnly: false, node: nil)
            guard cluster.nodeCount <= 40 else { throw CommandError("export timeline draws up to 40 nodes") }
            text = drawings.timelineSVG(entries, cluster.nodeCount)
        case .screen:
            text = path.lowercased().hasSuffix(".svg") ? drawings.screenSVG(cluster.snapshot)
                : drawings.screen(cluster.snapshot).joined(separator: "\n") + "\n"
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandError("cannot write \(path)")
        }
        return CommandOutput(lines: ["wrote \(path)"])
    }

    /// Refuses to overwrite an existing file without `--force`, and to write where it cannot.
    func checkWritable(_ path: String, force: Bool) throws(CommandError) {
        let manager = FileManager.default
        if let longest = path.split(separator: "/").map(\.utf8.count).max(), longest > 255 {
            throw CommandError("the file name is too long (\(longest) bytes; at most 255)")
        }
        // A symbolic link (even one pointing nowhere) is refused like an existing file:
        // writing through it would create or change a file elsewhere.
        if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil, !force {
            throw CommandError("\(path) is a symbolic link; add --force to write through it")
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CommandError("\(path) is a folder") }
            if !force { throw CommandError("\(path) exists; add --force to overwrite it") }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !manager.fileExists(atPath: folder) { throw CommandError("no folder \(folder)") }
    }
}
