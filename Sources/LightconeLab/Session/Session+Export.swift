import Foundation
import LightconeSimulation

extension Session {
    /// `export timeline FILE.svg` and `export screen FILE.svg|FILE.txt`.
    func export(_ kind: ExportKind, to path: String, force: Bool) throws(CommandError) -> CommandOutput {
        try checkWritable(path, force: force)
        let text: String
        switch kind {
        case .timeline:
            let lines = cluster.traceLines(from: max(0, cluster.traceCount - 2_000), notableOnly: false, node: nil)
            guard cluster.nodeCount <= 40 else { throw CommandError("export timeline draws up to 40 nodes") }
            text = Timeline.svg(lines, nodeCount: cluster.nodeCount)
        case .screen:
            guard let screenRenderer else { throw CommandError("export screen needs the view, which this front end lacks") }
            let lines = screenRenderer(cluster.snapshot)
            text = path.lowercased().hasSuffix(".svg") ? Timeline.svg(screen: lines) : lines.joined(separator: "\n") + "\n"
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
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CommandError("\(path) is a folder") }
            if !force { throw CommandError("\(path) exists; add --force to overwrite it") }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !manager.fileExists(atPath: folder) { throw CommandError("no folder \(folder)") }
    }
}
