import Foundation

/// A lesson file's text and where it comes from.
public struct LessonSource: Sendable, Equatable {
    /// The file name without `.md`.
    public var name: String
    /// The file as messages name it.
    public var file: String
    /// The Markdown text.
    public var text: String

    /// A source.
    public init(name: String, file: String, text: String) {
        self.name = name
        self.file = file
        self.text = text
    }
}

/// The lessons on offer, in course order: built into the binary, or read from the folder
/// `LIGHTCONE_LESSONS` names (for a teacher writing one).
public enum LessonCatalog {
    /// The sources: every `*.md` of `directory` but `README.md`, sorted by name; the built-in
    /// lessons when `directory` is nil.
    public static func sources(directory: String?) -> [LessonSource] {
        guard let directory else {
            return BuiltinLessons.files.map { LessonSource(name: $0.name, file: "Lessons/\($0.name).md", text: $0.text) }
        }
        return sources(inFolder: directory)
    }

    /// Every `*.md` in `folder` except `README.md`, sorted by file name.
    public static func sources(inFolder folder: String) -> [LessonSource] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return names.filter(isLessonFileName).sorted().compactMap { fileName in
            guard let text = try? String(contentsOfFile: prefix + fileName, encoding: .utf8) else { return nil }
            return LessonSource(name: String(fileName.dropLast(3)), file: prefix + fileName, text: text)
        }
    }

    /// True for `*.md` files other than `README.md`.
    public static func isLessonFileName(_ fileName: String) -> Bool {
        fileName.hasSuffix(".md") && fileName.lowercased() != "readme.md"
    }

    /// The first lesson in course order whose name or title matches `query`: an exact name
    /// first, then any part of a name or title (case does not matter).
    static func match(_ query: String, in lessons: [(name: String, title: String)]) -> Int? {
        let wanted = query.lowercased()
        if let exact = lessons.firstIndex(where: { $0.name.lowercased() == wanted }) { return exact }
        return lessons.firstIndex { $0.name.lowercased().contains(wanted) || $0.title.lowercased().contains(wanted) }
    }
}
