extension String {
    /// The text with control characters shown escaped (`\x1b`, `\x07`), so that an error or an
    /// `echo` never sends a terminal an escape sequence it would act on (set the title, move
    /// the cursor, ...). Printable text, tabs included as `\x09`, is otherwise unchanged.
    public func escapingControlCharacters() -> String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.isControlCharacter {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// C0 controls, DEL and C1 controls (which some terminals read as ESC + a letter).
    var isControlCharacter: Bool { value < 0x20 || (0x7f...0x9f).contains(value) }
}
