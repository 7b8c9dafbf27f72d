import Foundation
@testable import LightconeLab
import LightconeView

/// Shared helpers of the lesson tests: the repository's folders, and sessions over a
/// folder of lessons written by the test.
enum LessonTestSupport {
    /// The repository root (two folders above this file's folder).
    static var repositoryRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    /// A fresh temporary folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "lightcone-lesson-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A session reading lessons from a folder holding `files` (name → text), with progress
    /// saved in `stateDirectory` if given.
    static func session(lessons files: [String: String], stateDirectory: String? = nil, width: Int = 80) -> Lab {
        let folder = temporaryFolder()
        for (name, text) in files {
            try? text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        var options = SessionOptions()
        options.lessonsDirectory = folder
        options.stateDirectory = stateDirectory
        options.width = width
        var lab = Lab(options: options)
        lab.drawings = .view
        return lab
    }

    /// A small two-step lesson on gossip for engine tests.
    static let crashCourse = """
    # Crash course

    Kill a node and watch a rumour spread.

    ## Kill one

    Three nodes.

    ```lightcone setup
    new gossip 3
    ```

    ```lightcone goal
    down n2
    ```

    ```lightcone hint
    First hint.
    ```

    ```lightcone hint
    Second hint.
    ```

    ```lightcone solution
    kill n2
    ```

    It is down.

    ## Spread

    ```lightcone goal
    delivered hi everywhere within 2s
    ```

    ```lightcone solution
    broadcast hi via n1
    ```

    Everyone has it.

    ## Exercises

    Play.
    """
}
