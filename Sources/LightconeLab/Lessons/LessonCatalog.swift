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

    /// Every `*.md` in `folder` except `README.md`, sorted by file name (files it cannot read
    /// are left out; `scan` says which).
    public static func sources(inFolder folder: String) -> [LessonSource] { scan(folder).sources }

    /// The lessons of `folder`, and a `PATH: reason` line for the folder if it is missing and
    /// for each lesson file that cannot be read (`FILE: not UTF-8 text`).
    public static func scan(_ folder: String) -> (sources: [LessonSource], problems: [String]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return ([], ["\(folder): no such folder"])
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var sources: [LessonSource] = []
        var problems: [String] = []
        for fileName in names.filter(isLessonFileName).sorted() {
            switch TextFile.read(prefix + fileName) {
            case .success(let text): sources.append(LessonSource(name: String(fileName.dropLast(3)), file: prefix + fileName, text: text))
            case .failure(let failure): problems.append("\(prefix + fileName): \(failure.reason)")
            }
        }
        return (sources, problems)
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
