/// A condition a protocol brings (`committed N`, `delivered V everywhere`, `chosen V`): its
/// keyword, how it reads, and how its words are checked when it is typed. The protocol
/// answers it in `evaluate` as `.protocolCondition(keyword, arguments)`.
public struct ConditionForm: Sendable {
    /// The first word or words, e.g. `committed`, `no agreement`; the longest keyword that
    /// begins what was typed wins.
    public var keyword: String
    /// How it reads, for help and errors, e.g. `committed N`.
    public var syntax: String
    /// One line: what it asks.
    public var summary: String
    /// Checks the words after the keyword and returns the arguments the protocol evaluates;
    /// the message of a thrown error is shown as is.
    public var parse: @Sendable ([String]) throws(OptionError) -> [String]

    /// A condition form.
    public init(_ keyword: String, syntax: String, summary: String,
                parse: @escaping @Sendable ([String]) throws(OptionError) -> [String]) {
        self.keyword = keyword
        self.syntax = syntax
        self.summary = summary
        self.parse = parse
    }
}

extension ConditionForm {
    /// The keyword's words, lower-cased (`["no", "agreement"]`).
    public var keywordWords: [String] { keyword.lowercased().split(separator: " ").map(String.init) }
}
