import Foundation

/// Completed steps per lesson, saved as the file `progress` in the state directory
/// (`$XDG_STATE_HOME/lightcone`): one line per lesson, its name then the step numbers done.
///
/// ```
/// # lightcone lesson progress: lesson name, then the completed step numbers
/// 01-what-is-a-distributed-system 1 2 3
/// ```
public struct LessonProgressStore: Sendable, Equatable {
    /// Completed step numbers (from 1) by lesson name.
    public var completed: [String: Set<Int>] = [:]

    /// An empty record.
    public init() {}

    /// Reads `directory/progress`; an empty record when there is none.
    public static func load(directory: String) -> LessonProgressStore {
        var store = LessonProgressStore()
        guard let text = try? String(contentsOfFile: directory + "/progress", encoding: .utf8) else { return store }
        store = parse(text)
        return store
    }

    /// Parses the file's text (lines it cannot read are skipped).
    public static func parse(_ text: String) -> LessonProgressStore {
        var store = LessonProgressStore()
        for line in text.textLines() where !line.hasPrefix("#") {
            let words = line.split(separator: " ")
            guard let name = words.first else { continue }
            store.completed[String(name)] = Set(words.dropFirst().compactMap { Int($0) })
        }
        return store
    }

    /// The file's text, lessons sorted by name.
    public var text: String {
        var lines = ["# lightcone lesson progress: lesson name, then the completed step numbers"]
        for name in completed.keys.sorted() {
            lines.append(([name] + completed[name, default: []].sorted().map(String.init)).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `directory/progress`, creating the directory; failures are ignored (progress is a nicety).
    public func save(directory: String) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? text.write(toFile: directory + "/progress", atomically: true, encoding: .utf8)
    }
}
