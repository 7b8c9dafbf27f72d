import Foundation

/// Reads the text files the lab is given (scripts, lessons, demo scripts, histories) and says
/// why one cannot be read, so that every front end reports `PATH: reason`.
public enum TextFile {
    /// Why a file could not be read.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing is at the path.
        case missing
        /// The path is a folder.
        case folder
        /// The file holds bytes that are not UTF-8 text (or NUL bytes: a binary file).
        case notText
        /// The file exists but cannot be opened (permissions).
        case unreadable

        /// The reason in words: `no such file`, `is a folder`, `not UTF-8 text`, `cannot be opened`.
        public var reason: String {
            switch self {
            case .missing: return "no such file"
            case .folder: return "is a folder"
            case .notText: return "not UTF-8 text"
            case .unreadable: return "cannot be opened"
            }
        }
    }

    /// The file's text, or why it cannot be read.
    public static func read(_ path: String) -> Result<String, Failure> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .failure(.missing) }
        if isFolder.boolValue { return .failure(.folder) }
        // A pipe (`lightcone run /dev/stdin`, `<(...)`) is read through a handle.
        guard let data = FileManager.default.contents(atPath: path)
                ?? FileHandle(forReadingAtPath: path).map({ $0.readDataToEndOfFile() }) else { return .failure(.unreadable) }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else { return .failure(.notText) }
        return .success(text)
    }
}
