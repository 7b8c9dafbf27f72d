import LightconeSimulation
/// A colour theme: how each thing on screen looks. `mono` uses attributes only (for
/// `--theme mono` and `NO_COLOR`); `dark` and `light` suit projectors of either kind.
///
/// `Theme.dark.style(for: .leader)` is bold bright yellow.
public enum Theme: String, Sendable, CaseIterable {
    case dark, light, mono

    /// Parses `dark`, `light`, `mono`.
    public init?(name: String) { self.init(rawValue: name.lowercased()) }

    /// What a style is for.
    public enum Role: Sendable, CaseIterable {
        case leader, follower, candidate, otherRole, faulty, down, paused
        case request, reply, held, dropped, wall, link
        case statusBar, statusBarStrong, panelBorder, panelTitle, text, faint
        case goalMet, goalPending, alert, prompt, overlay, overlayKey, completion
        /// A protocol's mark on a node box (a light cone).
        case mark
    }

    /// The style for `role` in this theme.
    public func style(for role: Role) -> CellStyle {
        switch self {
        case .dark: Theme.darkStyle(role)
        case .light: Theme.lightStyle(role)
        case .mono: Theme.monoStyle(role)
        }
    }

    /// The same style, made stronger for presenter mode (everything but faint text bold).
    public func presenterStyle(for role: Role) -> CellStyle {
        var style = style(for: role)
        switch role {
        case .faint, .link, .down, .panelBorder: break
        default: style.attributes.insert(.bold)
        }
        return style
    }

    /// The node style for a role's kind (protocols name their roles; the view knows kinds).
    public static func role(kind: RoleKind) -> Role {
        switch kind {
        case .leading: .leader
        case .campaigning: .candidate
        case .following: .follower
        case .passive: .otherRole
        case .faulty: .faulty
        }
    }

    private static func darkStyle(_ role: Role) -> CellStyle {
        switch role {
        case .leader: CellStyle(foreground: .brightYellow, attributes: .bold)
        case .follower: CellStyle(foreground: .brightWhite)
        case .candidate: CellStyle(foreground: .brightMagenta, attributes: .bold)
        case .otherRole: CellStyle(foreground: .brightWhite)
        case .faulty: CellStyle(foreground: .brightRed, attributes: .bold)
        case .down: CellStyle(foreground: .brightBlack, attributes: .dim)
        case .paused: CellStyle(foreground: .brightBlue, attributes: .bold)
        case .request: CellStyle(foreground: .brightCyan, attributes: .bold)
        case .reply: CellStyle(foreground: .brightGreen, attributes: .bold)
        case .held: CellStyle(foreground: .black, background: .yellow)
        case .dropped: CellStyle(foreground: .brightRed, attributes: .bold)
        case .wall: CellStyle(foreground: .brightRed, attributes: .bold)
        case .link: CellStyle(foreground: .brightBlack)
        case .statusBar: CellStyle(foreground: .black, background: .cyan)
        case .statusBarStrong: CellStyle(foreground: .black, background: .cyan, attributes: .bold)
        case .panelBorder: CellStyle(foreground: .brightBlack)
        case .panelTitle: CellStyle(foreground: .brightWhite, attributes: .bold)
        case .text: CellStyle(foreground: .default)
        case .faint: CellStyle(foreground: .brightBlack)
        case .goalMet: CellStyle(foreground: .brightGreen, attributes: .bold)
        case .goalPending: CellStyle(foreground: .brightYellow)
        case .alert: CellStyle(foreground: .brightWhite, background: .red, attributes: .bold)
        case .prompt: CellStyle(foreground: .brightCyan, attributes: .bold)
        case .overlay: CellStyle(foreground: .brightWhite, background: .blue)
        case .overlayKey: CellStyle(foreground: .brightYellow, background: .blue, attributes: .bold)
        case .completion: CellStyle(foreground: .black, background: .white)
        case .mark: CellStyle(foreground: .brightGreen, attributes: .bold)
        }
    }

    private static func lightStyle(_ role: Role) -> CellStyle {
        switch role {
        case .leader: CellStyle(foreground: .blue, attributes: .bold)
        case .follower: CellStyle(foreground: .black)
        case .candidate: CellStyle(foreground: .magenta, attributes: .bold)
        case .otherRole: CellStyle(foreground: .black)
        case .faulty: CellStyle(foreground: .red, attributes: .bold)
        case .down: CellStyle(foreground: .brightBlack)
        case .paused: CellStyle(foreground: .cyan, attributes: .bold)
        case .request: CellStyle(foreground: .blue, attributes: .bold)
        case .reply: CellStyle(foreground: .green, attributes: .bold)
        case .held: CellStyle(foreground: .black, background: .brightYellow)
        case .dropped: CellStyle(foreground: .red, attributes: .bold)
        case .wall: CellStyle(foreground: .red, attributes: .bold)
        case .link: CellStyle(foreground: .brightBlack)
        case .statusBar: CellStyle(foreground: .brightWhite, background: .blue)
        case .statusBarStrong: CellStyle(foreground: .brightWhite, background: .blue, attributes: .bold)
        case .panelBorder: CellStyle(foreground: .brightBlack)
        case .panelTitle: CellStyle(foreground: .black, attributes: .bold)
        case .text: CellStyle(foreground: .default)
        case .faint: CellStyle(foreground: .brightBlack)
        case .goalMet: CellStyle(foreground: .green, attributes: .bold)
        case .goalPending: CellStyle(foreground: .magenta)
        case .alert: CellStyle(foreground: .brightWhite, background: .red, attributes: .bold)
        case .prompt: CellStyle(foreground: .blue, attributes: .bold)
        case .overlay: CellStyle(foreground: .brightWhite, background: .blue)
        case .overlayKey: CellStyle(foreground: .brightYellow, background: .blue, attributes: .bold)
        case .completion: CellStyle(foreground: .brightWhite, background: .black)
        case .mark: CellStyle(foreground: .green, attributes: .bold)
        }
    }

    private static func monoStyle(_ role: Role) -> CellStyle {
        switch role {
        case .leader: CellStyle(attributes: .bold)
        case .follower, .otherRole, .text, .link, .panelBorder: CellStyle()
        case .candidate: CellStyle(attributes: [.bold, .underline])
        case .faulty: CellStyle(attributes: [.reverse, .bold])
        case .down, .faint: CellStyle(attributes: .dim)
        case .paused: CellStyle(attributes: .underline)
        case .request: CellStyle(attributes: .bold)
        case .reply: CellStyle(attributes: .underline)
        case .held: CellStyle(attributes: .reverse)
        case .dropped, .wall, .panelTitle, .goalMet, .prompt: CellStyle(attributes: .bold)
        case .goalPending: CellStyle()
        case .mark: CellStyle(attributes: [.bold, .underline])
        case .statusBar, .overlay, .completion: CellStyle(attributes: .reverse)
        case .statusBarStrong, .alert, .overlayKey: CellStyle(attributes: [.reverse, .bold])
        }
    }
}
