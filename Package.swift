// swift-tools-version:6.0
// Lightcone: a distributed-systems lab in the terminal.
// Targets follow the layers of DEVELOPERS.md; each depends only on the ones above it:
//   LightconeSimulation -> LightconeProtocols -> LightconeCheckers -> LightconeLab
//   -> LightconeView -> LightconeTerminal -> lightcone
import PackageDescription

/// The simulation's hot loop is generic over the protocol; let release builds specialise it
/// across module boundaries.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Lightcone",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lightcone", targets: ["lightcone"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // C libraries, through pkg-config and a small shim header each.
        .systemLibrary(name: "CNCursesW", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // POSIX helpers written in C: spawn without inherited fds, counting stream, crash handler.
        .target(name: "CPosix"),
        // libFuzzer's driver, declared for the fuzz harness (`make fuzz`).
        .target(name: "CFuzz"),

        // 1. Simulation core: clock, events, generator, network, lifecycle, trace. No I/O.
        .target(name: "LightconeSimulation", dependencies: [
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: crossModule),
        // 2. Protocols: pure state machines driven by the simulation.
        .target(name: "LightconeProtocols", dependencies: ["LightconeSimulation"], swiftSettings: crossModule),
        // 3. Checkers: linearizability, protocol invariants, convergence, harvest/yield.
        .target(name: "LightconeCheckers", dependencies: ["LightconeSimulation", "LightconeProtocols"]),
        // 4. Commands and lessons: one language for the REPL, scripts and lessons.
        .target(name: "LightconeLab", dependencies: [
            "LightconeSimulation", "LightconeProtocols", "LightconeCheckers",
        ]),
        // 5. Front ends: the pure view (cell grid, line editor) and the terminal backends.
        .target(name: "LightconeView", dependencies: ["LightconeLab", "LightconeSimulation"]),
        .target(name: "LightconeTerminal", dependencies: [
            "LightconeView", "LightconeLab", "CNCursesW", "CLibEdit", "CPosix",
        ]),
        .executableTarget(name: "lightcone", dependencies: [
            "LightconeTerminal", "LightconeLab", "LightconeCheckers", "LightconeView",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lightcone-bench", dependencies: [
            "LightconeSimulation", "LightconeProtocols", "LightconeCheckers", "LightconeLab", "LightconeView",
        ]),
        .executableTarget(name: "lightcone-fuzz", dependencies: ["LightconeCheckers", "CFuzz"]),

        .testTarget(name: "SimulationTests", dependencies: ["LightconeSimulation", "LightconeProtocols"]),
        .testTarget(name: "ProtocolTests", dependencies: ["LightconeSimulation", "LightconeProtocols", "LightconeCheckers", "LightconeLab"]),
        .testTarget(name: "CheckerTests", dependencies: ["LightconeSimulation", "LightconeCheckers", "LightconeLab"], exclude: ["Histories"]),
        .testTarget(name: "LabTests", dependencies: ["LightconeLab", "LightconeView"], exclude: ["Scenarios", "Goldens"]),
        .testTarget(name: "ViewTests", dependencies: ["LightconeView", "LightconeLab"], exclude: ["Goldens"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CPosix", "LightconeTerminal", "LightconeView", "LightconeLab"]),
    ]
)
