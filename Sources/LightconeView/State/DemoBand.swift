/// What presenter mode's narration band shows for a demo script: its title, the part being
/// played (`part 2/5`) and what that part said (`say`), newest last. Never the script's path.
///
/// `DemoBand(title: "Raft failover", part: 2, partCount: 5, captions: ["Kill the leader"])`
public struct DemoBand: Sendable, Equatable {
    /// The demo's title: its `# title` line or its first `say`.
    public var title: String
    /// The part played (0 before the first).
    public var part: Int
    /// How many parts the script has.
    public var partCount: Int
    /// The current part's `say` lines, newest last.
    public var captions: [String]

    /// A band.
    public init(title: String, part: Int, partCount: Int, captions: [String]) {
        self.title = title
        self.part = part
        self.partCount = partCount
        self.captions = captions
    }

    /// `Raft failover · part 2/5`.
    public var heading: String { "\(title) · part \(part)/\(partCount)" }
}
