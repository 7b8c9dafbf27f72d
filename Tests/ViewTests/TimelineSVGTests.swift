import Foundation
import LightconeLab
import LightconeView
import Testing

/// `export timeline FILE.svg`: partitions, leader changes and commits on the lanes, and no
/// label over another.
@Suite struct TimelineSVGTests {
    /// Every `<text>` element: its text and its box (12 px font, 7 px a character).
    static func labelBoxes(_ svg: String) -> [(text: String, x0: Int, y0: Int, x1: Int, y1: Int)] {
        var boxes: [(text: String, x0: Int, y0: Int, x1: Int, y1: Int)] = []
        for part in svg.components(separatedBy: "<text ").dropFirst() {
            guard let close = part.range(of: ">"), let end = part.range(of: "</text>") else { continue }
            let attributes = String(part[..<close.lowerBound])
            let text = String(part[close.upperBound..<end.lowerBound])
            func number(_ name: String) -> Int? {
                guard let range = attributes.range(of: "\(name)=\"") else { return nil }
                return Int(attributes[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let x = number("x"), let y = number("y") else { continue }
            let shown = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            let width = shown.count * 7
            let x0 = attributes.contains("text-anchor=\"middle\"") ? x - width / 2 : x
            boxes.append((shown, x0, y - 10, x0 + width, y + 1))
        }
        return boxes
    }

    @Test("a Raft failover: the partition's band and its heal, leader changes and commits are drawn, and no two labels overlap")
    func failoverTimeline() throws {
        let folder = NSTemporaryDirectory() + "lightcone-timeline-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lab = Lab(options: SessionOptions())
        lab.drawings = .view
        for line in ["new raft 5", "run until leader", "put x 1", "run 200ms", "partition n1 n2 | n3 n4 n5", "run 1s",
                     "put x 2 via n3", "run 500ms", "heal", "run 1s"] {
            #expect(!lab.execute(line).isError, "\(line)")
        }
        #expect(lab.execute("export timeline \(folder)/t.svg").lines == ["wrote \(folder)/t.svg"])
        let svg = try String(contentsOfFile: "\(folder)/t.svg", encoding: .utf8)
        #expect(svg.contains("fill-opacity=\"0.08\""), "the partition's band")
        let boxes = Self.labelBoxes(svg)
        #expect(boxes.contains { $0.text.hasSuffix(" partition n1 n2 | n3 n4 n5") })
        #expect(boxes.contains { $0.text.hasSuffix(" heal") })
        #expect(boxes.contains { $0.text.hasPrefix("leader T") }, "a leader change is labelled")
        #expect(svg.contains("<circle"), "a leader change is marked")
        #expect(boxes.contains { $0.text.hasPrefix("commit ") }, "a commit is labelled")
        let labels = boxes.filter { $0.text != "✗" }
        var overlaps: [String] = []
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
                overlaps.append("«\(a.text)» at \(a.x0),\(a.y1) and «\(b.text)» at \(b.x0),\(b.y1)")
            }
        }
        #expect(overlaps.isEmpty, "\(overlaps.count) overlapping labels: \(overlaps.prefix(5))")
        #expect(labels.filter { $0.text == "AppendEntries" }.count >= 5, "message labels are still shown")
    }
}
