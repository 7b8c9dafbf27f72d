import LightconeLab
import Testing

/// `help NAME` for an operation several protocols declare in different words.
@Suite struct HelpTests {
    @Test("help order: the current protocol's order; with neither generals protocol current, each one's by name")
    func helpOfASharedOperation() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new byzantine 4")
        #expect(lab.execute("help order").lines == [
            "usage: order attack|retreat",
            "The commander (n1) sends its order to every lieutenant, and the algorithm runs.",
            "example: order retreat",
        ])
        _ = lab.execute("new twogenerals")
        #expect(lab.execute("help order").lines == [
            "usage: order attack|retreat",
            "General A (n1) picks the plan and sends messenger m0 across the valley.",
            "example: order attack",
        ])
        _ = lab.execute("new gossip 3")
        #expect(lab.execute("help order").lines == [
            "order belongs to twogenerals, byzantine:",
            "twogenerals:",
            "  usage: order attack|retreat",
            "  General A (n1) picks the plan and sends messenger m0 across the valley.",
            "  example: order attack",
            "byzantine:",
            "  usage: order attack|retreat",
            "  The commander (n1) sends its order to every lieutenant, and the algorithm runs.",
            "  example: order retreat",
        ])
    }
}
