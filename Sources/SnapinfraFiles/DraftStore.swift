import Foundation
import SnapinfraCore

/// A session of the terminal UI, as it is saved after every change: the project, the enhancements
/// switched on, the output folder, and where the user was.
public struct Draft: Sendable, Hashable, Codable {
    /// Where the session was: the screen and its cursor, down to an open table or field editor.
    public struct Place: Sendable, Hashable, Codable {
        /// `design`, `files`, `enhancements`, `write` or `wizard`.
        public var screen: String
        /// The selected suggestion (by id) and file (by path), and the design page's scroll.
        public var enhancement: String?
        public var file: String?
        public var designScroll: Int?
        /// In the wizard: the page (`step`, `table`, `field`, `endpoint`), its indices and row.
        public var page: String?
        public var table: Int?
        public var field: Int?
        public var endpoint: Int?
        public var row: Int?
        /// The wizard was opened over the review screens (Esc designs the edits).
        public var fromReview: Bool?

        public init(screen: String) {
            self.screen = screen
        }
    }

    public var id: String
    public var savedAt: Date
    /// The wizard step it was on (`basics`, `database`, …), or `review`.
    public var step: String
    /// The file or output folder it was opened from, if any: one draft per source.
    public var sourcePath: String?
    public var project: ProjectFile
    /// The enhancements switched on, in order, with those the design does not offer now.
    public var applied: [String]?
    public var keptAside: [String]?
    public var outputFolder: String?
    /// The design was fitted to the budget.
    public var fitToBudget: Bool?
    /// Values given for the suggestions that need one, by variable.
    public var inputs: [String: String]?
    public var place: Place?

    public init(id: String, savedAt: Date, step: String, sourcePath: String?, project: ProjectFile) {
        self.id = id
        self.savedAt = savedAt
        self.step = step
        self.sourcePath = sourcePath
        self.project = project
    }

    /// The key a source is known by: its absolute, standardised path.
    public static func source(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// A new id: time and a random suffix, safe as a file name.
    public static func newID(now: Date = Date()) -> String {
        let stamp = Int(now.timeIntervalSince1970)
        return "\(stamp)-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }
}

/// Drafts under `$XDG_STATE_HOME/snapinfra/drafts/` (default `~/.local/state/snapinfra/drafts/`),
/// one JSON file each. Each save goes to a temporary file that is fsynced and renamed over the old
/// one, and the folder is fsynced after the rename, so a power loss, a crash or a dropped
/// connection leaves the last complete save.
public struct DraftStore: Sendable {
    public var folder: URL

    /// Drafts older than this, or past the newest `keep`, are pruned.
    public static let maxAge: TimeInterval = 30 * 24 * 3600
    public static let keep = 50

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

    /// Saves the draft, and removes any other draft of the same source.
    public func save(_ draft: Draft) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(draft)
        let target = url(draft.id)
        let temporary = folder.appendingPathComponent(".\(draft.id).\(getpid()).tmp")
        do {
            try Self.writeSynced(data, to: temporary.path)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        Self.sync(folder.path)
        if let source = draft.sourcePath {
            for other in list(limit: .max) where other.id != draft.id && other.sourcePath == source { delete(other.id) }
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

    /// The draft of a source (a file or an output folder), if there is one.
    public func draft(of source: String) -> Draft? {
        list(limit: .max).first { $0.sourcePath == source }
    }

    /// Removes drafts older than 30 days and those past the newest 50; returns how many went.
    @discardableResult
    public func prune(now: Date = Date()) -> Int {
        var removed = 0
        for (index, draft) in list(limit: .max).enumerated() where index >= Self.keep || now.timeIntervalSince(draft.savedAt) > Self.maxAge {
            delete(draft.id)
            removed += 1
        }
        return removed
    }

    public func delete(_ id: String) {
        try? FileManager.default.removeItem(at: url(id))
    }

    func url(_ id: String) -> URL {
        let safe = id.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return folder.appendingPathComponent("\(safe).json")
    }

    /// Writes and fsyncs a new file.
    static func writeSynced(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else { throw CocoaError(.fileWriteOutOfSpace) }
    }

    /// fsync of a folder, so a rename in it survives a power loss.
    static func sync(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
