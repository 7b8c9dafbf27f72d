/// One decoded key press (or terminal event), as the terminal backend delivers it to the
/// view's line editor and key bindings.
///
/// `KeyEvent.ctrl("a")` is Ctrl-A, `KeyEvent.alt("b")` is Alt-B (or Escape then B);
/// printable input, including wide and combining characters, arrives as `.character`.
public enum KeyEvent: Sendable, Hashable {
    /// A printable character (one grapheme cluster).
    case character(Character)
    case enter
    case backspace
    case delete
    case tab
    /// Shift-Tab.
    case backTab
    case escape
    case left, right, up, down
    case home, end
    case pageUp, pageDown
    case insert
    /// Function key F`n` (F1 is `.function(1)`).
    case function(Int)
    /// A control key; the character is the lower-case letter (`.ctrl("c")` is Ctrl-C).
    case ctrl(Character)
    /// Meta/Alt plus a character (`.alt("f")`).
    case alt(Character)
    /// The terminal changed size.
    case resize
    /// A key the backend could not name (its code).
    case unknown(Int)
}

extension KeyEvent {
    /// Decodes a control code (0...31, 127) as a key: 13 → `.enter`, 9 → `.tab`, 1 → `.ctrl("a")`.
    ///
    /// `KeyEvent(controlCode: 8) == .backspace` (terminals send 8 or 127 for Backspace).
    public init?(controlCode code: UInt32) {
        switch code {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 0: self = .ctrl("@")
        case 1...26:
            guard let scalar = Unicode.Scalar(UInt32(96) + code) else { return nil }
            self = .ctrl(Character(scalar))
        case 28: self = .ctrl("\\")
        case 29: self = .ctrl("]")
        case 30: self = .ctrl("^")
        case 31: self = .ctrl("_")
        default: return nil
        }
    }
}
