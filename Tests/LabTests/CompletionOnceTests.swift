import LightconeLab
import Testing

/// Tab completion lists each candidate once (issue 13: `p` Tab Tab listed `put` twice).
@Suite("Completion candidates are listed once")
struct CompletionOnceTests {
    @Test("on every protocol in the build, no first-word candidate appears twice", arguments: ProtocolRegistry.builtIn.names)
    func onceEach(_ name: String) {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new \(name)")
        for letter in "abcdefghijklmnopqrstuvwxyz" {
            let candidates = lab.completions(for: String(letter))
            #expect(candidates.count == Set(candidates).count, "\(name), \(letter): \(candidates)")
        }
        let all = lab.completions(for: "")
        #expect(all.count == Set(all).count, "\(name): \(all)")
    }
}
