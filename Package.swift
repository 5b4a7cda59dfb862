// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "snapinfra",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "snapinfra", targets: ["SnapinfraCLI"]),
        .library(name: "SnapinfraCore", targets: ["SnapinfraCore"]),
        .executable(name: "snapinfra-bench", targets: ["SnapinfraBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // OpenAPI 3.0/3.1 documents for `import`; without the ExternalLoading trait (we resolve local
        // references only, and the trait's concurrency code is slow to compile).
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
        // `serve`: the HTTP API (without the swift-configuration and full-Foundation traits) and the
        // graceful shutdown on SIGTERM.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // `serve --ssh`: the SSH server for the terminal UI, and the ed25519 host key.
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `mcp`: the Model Context Protocol over stdio.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    ],
    targets: [
        // The pure core: project files, validation, naming, design, pricing. No terminal, no printing,
        // no file system.
        .target(
            name: "SnapinfraCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // ncursesw as a system library; see shared notes on NCURSES_WIDECHAR.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        // Signal handling and crash restore for the terminal, in C (async-signal-safe).
        .target(name: "CTermGuard"),
        // libc wcwidth, which Swift's Glibc module does not expose.
        .target(name: "CWidth"),
        // Language-model providers over HTTP (URLSession): OpenAI-compatible and Anthropic, with
        // timeouts, retries, a repair round and the fallback to the rules engine.
        .target(name: "SnapinfraAI", dependencies: ["SnapinfraCore"]),
        // Projects from what teams already have: OpenAPI documents (OpenAPIKit) and SQL DDL (the core's
        // reader), merged into one project file.
        .target(
            name: "SnapinfraImport",
            dependencies: [
                "SnapinfraCore",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
            ]
        ),
        // `snapinfra serve`: the HTTP API over the core's ProjectService, with its limits.
        .target(
            name: "SnapinfraServer",
            dependencies: [
                "SnapinfraCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // forkpty and the window size, for the SSH server's sessions.
        .target(name: "CPty", linkerSettings: [.linkedLibrary("util")]),
        // `snapinfra serve --ssh`: one `snapinfra tui` per SSH session, on a terminal of its own.
        .target(
            name: "SnapinfraSSH",
            dependencies: [
                "CPty",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `snapinfra mcp`: read-only MCP tools over the same ProjectService.
        .target(name: "SnapinfraMCP", dependencies: ["SnapinfraCore", .product(name: "MCP", package: "swift-sdk")]),
        // What front ends do with files: staged, atomic writes of generated output.
        .target(name: "SnapinfraFiles", dependencies: ["SnapinfraCore"]),
        // The terminal UI: screen buffer, views, state; one small type talks to ncurses.
        .target(
            name: "SnapinfraTUI",
            dependencies: ["SnapinfraCore", "SnapinfraAI", "SnapinfraFiles", "SnapinfraImport", "CNcursesw", "CTermGuard", "CWidth"]
        ),
        .executableTarget(
            name: "SnapinfraCLI",
            dependencies: [
                "SnapinfraCore",
                "SnapinfraAI",
                "SnapinfraFiles",
                "SnapinfraImport",
                "SnapinfraTUI",
                "SnapinfraServer",
                "SnapinfraMCP",
                "SnapinfraSSH",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SnapinfraCoreTests", dependencies: ["SnapinfraCore"], exclude: ["Golden"]),
        .testTarget(name: "SnapinfraImportTests", dependencies: ["SnapinfraImport", "SnapinfraCore"]),
        // Benchmarks: `swift run -c release snapinfra-bench` (numbers, never timed assertions).
        .executableTarget(name: "SnapinfraBench", dependencies: ["SnapinfraCore", "SnapinfraFiles", "SnapinfraImport", "SnapinfraTUI"]),
        .testTarget(
            name: "SnapinfraTUITests",
            dependencies: ["SnapinfraTUI", "SnapinfraCore", "SnapinfraAI", "SnapinfraFiles", "SnapinfraImport", "CWidth", "FakeModelServer"],
            exclude: ["Golden"]),
        // A real HTTP server on loopback that plays a language model, for the tests only.
        .target(name: "FakeModelServer", path: "Tests/FakeModelServer"),
        .testTarget(name: "SnapinfraCLITests", dependencies: ["SnapinfraCore", "FakeModelServer"]),
        .testTarget(
            name: "SnapinfraSSHTests",
            dependencies: [
                "SnapinfraSSH", .product(name: "NIOSSH", package: "swift-nio-ssh"), .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(name: "SnapinfraAITests", dependencies: ["SnapinfraAI", "SnapinfraCore", "FakeModelServer"]),
    ]
)
