import Foundation
import SnapinfraCore

/// A project being worked on in the terminal UI, as it is saved after every change.
public struct Draft: Sendable, Hashable, Codable {
    public var id: String
    public var savedAt: Date
    /// The wizard step it was on (`basics`, `database`, …), to resume there.
    public var step: String
    /// The file it was opened from, if any.
    public var sourcePath: String?
    public var project: ProjectFile

    public init(id: String, savedAt: Date, step: String, sourcePath: String?, project: ProjectFile) {
        self.id = id
        self.savedAt = savedAt
        self.step = step
        self.sourcePath = sourcePath
        self.project = project
    }

    /// A new id: time and a random suffix, safe as a file name.
    public static func newID(now: Date = Date()) -> String {
        let stamp = Int(now.timeIntervalSince1970)
        return "\(stamp)-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }
}

/// Drafts under `$XDG_STATE_HOME/snapinfra/drafts/` (default `~/.local/state/snapinfra/drafts/`),
/// one JSON file each, written atomically (a temporary file renamed over the old one), so a dropped
/// connection, a crash or a closed terminal leaves the last complete save.
public struct DraftStore: Sendable {
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The store for this user, from the environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DraftStore? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return DraftStore(folder: URL(fileURLWithPath: state).appendingPathComponent("snapinfra/drafts"))
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return DraftStore(folder: URL(fileURLWithPath: home).appendingPathComponent(".local/state/snapinfra/drafts"))
    }

    public func save(_ draft: Draft) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(draft)
        let target = url(draft.id)
        let temporary = folder.appendingPathComponent(".\(draft.id).\(getpid()).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Every readable draft, newest first; unreadable files are skipped.
    public func list(limit: Int = 20) -> [Draft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let drafts = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.compactMap { name -> Draft? in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return try? decoder.decode(Draft.self, from: data)
        }
        return Array(drafts.sorted { $0.savedAt > $1.savedAt }.prefix(limit))
    }

    public func delete(_ id: String) {
        try? FileManager.default.removeItem(at: url(id))
    }

    func url(_ id: String) -> URL {
        let safe = id.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return folder.appendingPathComponent("\(safe).json")
    }
}
