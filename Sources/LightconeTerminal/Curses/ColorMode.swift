/// How many colours the terminal gets: none (`--theme mono`, `NO_COLOR`, or a terminal
/// without colours), the 8 basic ones, 16, or a 256-colour palette.
public enum ColorMode: Sendable, Equatable {
    case none, basic8, sixteen, palette256

    /// The mode for a terminal reporting `colors` colours.
    public init(terminalColors colors: Int) {
        switch colors {
        case 256...: self = .palette256
        case 16...: self = .sixteen
        case 8...: self = .basic8
        default: self = .none
        }
    }
}
