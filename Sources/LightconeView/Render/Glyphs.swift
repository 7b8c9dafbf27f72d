/// The symbols the view draws, in Unicode or (for `--ascii`) plain ASCII.
struct Glyphs: Sendable {
    let isASCII: Bool
    let cross: Character
    let pausedMark: String
    let playingMark: String
    let wall: Character
    let linkDot: Character
    let ellipsis: Character
    let goalMet: String
    let goalPending: String
    let separator: String
    let nodeDot: Character
    let nodeBox: BoxLine
    let leaderBox: BoxLine
    let panelBox: BoxLine
    let overlayBox: BoxLine
    let right: Character, left: Character, up: Character, down: Character
    let heldMark: Character
    let cutMark: Character
    let bandRule: Character
    let nextKey: String
    let backKey: String
    /// After a committed log entry.
    let committedMark: Character
    /// The part of a timer bar still to run, and the part run out.
    let timerLeft: Character, timerGone: Character

    init(isASCII: Bool) {
        self.isASCII = isASCII
        if isASCII {
            cross = "x"; pausedMark = "||"; playingMark = ">"; wall = "|"; linkDot = "."
            ellipsis = "~"; goalMet = "[x]"; goalPending = "[ ]"; separator = " | "; nodeDot = "o"
            nodeBox = .ascii; leaderBox = .asciiStrong; panelBox = .ascii; overlayBox = .ascii
            right = ">"; left = "<"; up = "^"; down = "v"; heldMark = "="; cutMark = "X"; bandRule = "="
            nextKey = "PageDown/Right"; backKey = "PageUp/Left"
            committedMark = "*"; timerLeft = "="; timerGone = "-"
        } else {
            cross = "✗"; pausedMark = "‖"; playingMark = "▶"; wall = "┃"; linkDot = "·"
            ellipsis = "…"; goalMet = "✓"; goalPending = "○"; separator = " · "; nodeDot = "●"
            nodeBox = .rounded; leaderBox = .heavy; panelBox = .rounded; overlayBox = .double
            right = "▸"; left = "◂"; up = "▴"; down = "▾"; heldMark = "◼"; cutMark = "╳"; bandRule = "━"
            nextKey = "PgDn/→"; backKey = "PgUp/←"
            committedMark = "✓"; timerLeft = "━"; timerGone = "─"
        }
    }
}
