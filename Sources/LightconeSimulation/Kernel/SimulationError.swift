/// A command the simulation cannot carry out (`restart n2` when n2 is up); nothing changed.
public struct SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line saying what is wrong and, where it helps, what to do instead.
    public var message: String
    /// An error with that message.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
