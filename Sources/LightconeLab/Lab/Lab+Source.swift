import Foundation

extension Lab {
    /// `source FILE`: runs a script's lines in this lab; stops at the first error.
    mutating func source(_ path: String) throws(CommandError) -> CommandOutput {
        guard sourceDepth < 8 else { throw CommandError("source is nested more than 8 deep") }
        let text: String
        switch TextFile.read(path) {
        case .success(let contents): text = contents
        case .failure(let failure): throw CommandError("cannot read \(path): \(failure.reason)")
        }
        sourceDepth += 1
        defer { sourceDepth -= 1 }
        var output = CommandOutput()
        for (number, line) in text.textLines().enumerated() {
            let result = execute(String(line))
            output.lines += result.lines
            output.requests += result.requests
            if let message = result.errorMessage {
                output.lines[output.lines.count - 1] = "error: \(path):\(number + 1): " + message
                output.isError = true
                return output
            }
            if result.isFailure {
                output.isFailure = true
                output.violationText = output.violationText ?? result.violationText
            }
            if result.requests.contains(.quit) { break }
        }
        return output
    }
}
