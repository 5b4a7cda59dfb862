import Foundation
import SnapinfraCore

/// Writes a plan into the output folder so that, after a crash or a kill at any moment, the folder
/// is either wholly the old output or wholly the new one.
///
/// A new folder is built beside its destination and renamed into place. An existing folder gets
/// a journal, the way a database commits:
/// 1. every new file, the manifest among them, is written under `.snapinfra-pending/files/`;
/// 2. `.snapinfra-pending/journal.json` is renamed into place: this is the commit point;
/// 3. each file is renamed over its destination (`rename(2)` is atomic), removed files are
///    deleted, the manifest moves last, and the pending folder goes.
///
/// The next run finds a pending folder and finishes it (journal present) or deletes it (journal
/// absent), and says so, as git does with a stale `index.lock`. Files are renamed, never copied,
/// so a shell or `terraform` working inside the folder keeps working.
public struct OutputWriter {
    public let folder: URL
    private let files = FileManager.default

    /// The hidden folder that holds a write in progress.
    public static let pendingName = ".snapinfra-pending"

    public init(path: String) {
        folder = URL(fileURLWithPath: path).standardizedFileURL
    }

    private var pending: URL { folder.appendingPathComponent(Self.pendingName) }
    private var journalURL: URL { pending.appendingPathComponent("journal.json") }

    struct Journal: Codable {
        /// Paths staged under `files/`, in the order they move; the manifest is last.
        var moves: [String]
        var removals: [String]
    }

    /// The manifest of the last run, or nil (a corrupt one is treated as absent, which makes
    /// every existing file count as a hand edit: the safe side). A manifest that is a symbolic
    /// link is refused, like every other file of the output.
    public func previousManifest() throws -> Manifest? {
        let url = folder.appendingPathComponent(Manifest.fileName)
        if (try? files.destinationOfSymbolicLink(atPath: url.path)) != nil {
            throw OutputWriteError("refusing to read the manifest through the symbolic link \(DisplayText.escape(url.path, limit: 200))")
        }
        guard let data = files.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    /// SHA-256 of each path that exists now, refusing paths that leave the folder or pass through
    /// a symbolic link.
    public func hashes(of paths: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputWriteError("\(DisplayText.escape(folder.path, limit: 200)) exists and is not a folder")
        }
        for path in paths {
            let url = try destination(path)
            if let data = files.contents(atPath: url.path) { result[path] = SHA256.hex([UInt8](data)) }
        }
        return result
    }

    /// The URL of a relative output path, refusing one that leaves the folder or passes through
    /// a symbolic link.
    private func destination(_ path: String) throws -> URL {
        guard OutputPlan.isContained(path) else {
            throw OutputWriteError("refusing to write \(DisplayText.quoted(path)) outside the output folder")
        }
        var url = folder
        for component in path.split(separator: "/") {
            url.appendPathComponent(String(component))
            if (try? files.destinationOfSymbolicLink(atPath: url.path)) != nil {
                throw OutputWriteError("refusing to write through the symbolic link \(DisplayText.escape(url.path, limit: 200))")
            }
        }
        return url
    }

    /// Writes the plan: every file it puts in the folder, the base of every generated file under
    /// `.snapinfra/base/`, and the manifest, all or nothing. A plan with a conflict not yet settled
    /// is refused.
    public func write(_ plan: OutputPlan, manifest: Manifest) throws {
        if let open = plan.mergeConflicts.first {
            throw OutputWriteError("\(open.path) has \(Plural.count(open.openConflicts, "conflict")) to settle first; nothing was changed")
        }
        let manifestText = try JSONText.encode(manifest) + "\n"
        var writes = plan.items.filter(\.writes).compactMap { item in item.content.map { (item.path, $0) } }
        let generated = Set(plan.items.compactMap { $0.generated == nil ? nil : $0.path })
        for item in plan.items {
            guard let content = item.generated else { continue }
            writes.append((Manifest.basePath(item.path), content))
        }
        writes.append((Manifest.fileName, manifestText))
        var removals = plan.items.filter(\.removes).map(\.path)
        // The bases of files no longer generated go with them.
        removals += plan.items.filter { !generated.contains($0.path) }.map { Manifest.basePath($0.path) }
            .filter { files.fileExists(atPath: folder.appendingPathComponent($0).path) }

        if !files.fileExists(atPath: folder.path) {
            try writeNewFolder(writes)
            return
        }
        // `plan` has tidied the folder already; only a write begun since then is finished here.
        if files.fileExists(atPath: pending.path) { _ = try recover() }
        for (path, _) in writes { _ = try destination(path) }
        do {
            try files.createDirectory(at: pending, withIntermediateDirectories: false)
            for (path, content) in writes {
                let url = pending.appendingPathComponent("files/\(path)")
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: url)
            }
            let journal = try JSONText.encode(Journal(moves: writes.map(\.0), removals: removals))
            let temporary = pending.appendingPathComponent("journal.tmp")
            try Data(journal.utf8).write(to: temporary)
            try sync(pending)
            try commit(temporary.path, journalURL.path)
        } catch {
            try? files.removeItem(at: pending)
            throw OutputWriteError(
                "cannot write to \(DisplayText.escape(folder.path, limit: 200)): \(error.localizedDescription); nothing was changed")
        }
        try finish()
    }

    /// Finishes or rolls back a write that an earlier run left unfinished, and removes the staging
    /// files older versions left; returns what it did, for the user.
    public func recover() throws -> [String] {
        var notes: [String] = []
        let shown = DisplayText.escape(folder.path, limit: 200)
        if files.fileExists(atPath: pending.path) {
            if files.fileExists(atPath: journalURL.path) {
                let count = try finish()
                notes.append("\(shown): finished writing \(Plural.count(count, "file")) that an interrupted run had committed")
            } else {
                let count = (files.enumerator(atPath: pending.path)?.allObjects.count) ?? 0
                try files.removeItem(at: pending)
                notes.append(
                    "\(shown): removed the \(Plural.count(count, "staged entry", "staged entries")) of an interrupted run; its files were not changed"
                )
            }
        }
        let stale = staleStagingFiles()
        for url in stale { try? files.removeItem(at: url) }
        if !stale.isEmpty {
            notes.append("\(shown): removed \(Plural.count(stale.count, "staging file")) left by an interrupted run")
        }
        return notes
    }

    /// Moves every staged file into place (the manifest last), deletes the removed files and the
    /// pending folder. Safe to run again after a kill: a file already moved is skipped.
    @discardableResult
    private func finish() throws -> Int {
        guard let data = files.contents(atPath: journalURL.path), let journal = try? JSONDecoder().decode(Journal.self, from: data) else {
            throw OutputWriteError("\(DisplayText.escape(journalURL.path, limit: 200)) is unreadable; remove the folder after checking the output")
        }
        var moved = 0
        func move(_ path: String) throws {
            let staged = pending.appendingPathComponent("files/\(path)")
            guard files.fileExists(atPath: staged.path) else { return }
            let final = try destination(path)
            try files.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            try commit(staged.path, final.path)
            moved += 1
        }
        for path in journal.moves where path != Manifest.fileName { try move(path) }
        for removal in journal.removals { try? files.removeItem(at: try destination(removal)) }
        if journal.moves.contains(Manifest.fileName) { try move(Manifest.fileName) }
        try files.removeItem(at: pending)
        return moved
    }

    /// `rename(2)`, which replaces the destination atomically.
    private func commit(_ from: String, _ to: String) throws {
        if rename(from, to) != 0 {
            throw OutputWriteError("cannot move \(DisplayText.escape(to, limit: 200)) into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes the staged files to disk before the commit point, so a power loss cannot commit a
    /// journal whose files are empty.
    private func sync(_ url: URL) throws {
        guard let walker = files.enumerator(atPath: url.path) else { return }
        for case let relative as String in walker {
            let fd = open(url.appendingPathComponent(relative).path, O_RDONLY)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
        }
    }

    /// `.NAME.snapinfra-UUID` files inside the folder, and `.FOLDER.snapinfra-UUID` folders beside
    /// it: what an interrupted run of this or an older version leaves.
    private func staleStagingFiles() -> [URL] {
        var found: [URL] = []
        let parent = folder.deletingLastPathComponent()
        for name in (try? files.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(".\(folder.lastPathComponent).snapinfra-") && Self.endsInUUID(name) {
            found.append(parent.appendingPathComponent(name))
        }
        guard let walker = files.enumerator(atPath: folder.path) else { return found }
        for case let relative as String in walker {
            let name = (relative as NSString).lastPathComponent
            if name == ".terraform" || name == ".git" || name == "node_modules" {
                walker.skipDescendants()
                continue
            }
            if name.hasPrefix("."), name.contains(".snapinfra-"), Self.endsInUUID(name) {
                found.append(folder.appendingPathComponent(relative))
            }
        }
        return found
    }

    static func endsInUUID(_ name: String) -> Bool {
        guard let range = name.range(of: ".snapinfra-", options: .backwards) else { return false }
        return UUID(uuidString: String(name[range.upperBound...])) != nil
    }

    private func writeNewFolder(_ writes: [(String, String)]) throws {
        let parent = folder.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).snapinfra-\(UUID().uuidString)")
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            for url in staleStagingFiles() { try? files.removeItem(at: url) }
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
            for (path, content) in writes {
                let url = staging.appendingPathComponent(path)
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: url)
            }
            try sync(staging)
            try commit(staging.path, folder.path)
        } catch {
            try? files.removeItem(at: staging)
            throw OutputWriteError(
                "cannot create \(DisplayText.escape(folder.path, limit: 200)): \(error.localizedDescription); nothing was written")
        }
    }
}

/// A folder that cannot be written as asked; nothing was changed.
public struct OutputWriteError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension OutputWriter {
    /// The plan for writing `files` here: statuses against the manifest and the files on disk,
    /// after finishing or rolling back what an interrupted run left.
    /// With `merge`, files changed by hand are merged three ways with the new content (see
    /// `OutputPlan.merging`).
    public func plan(_ files: [RenderedFile], merge: Bool = false) throws -> OutputPlan {
        let notes = try recover()
        let previous = try previousManifest()
        let paths = files.map(\.path) + (previous?.files.map(\.path) ?? [])
        var plan = OutputPlan.make(files: files, onDisk: try hashes(of: paths), previous: previous)
        if merge {
            plan = plan.merging(previous: previous, read: text(of:))
        }
        plan.notes = notes
        return plan
    }

    /// The text of a file of the output, nil if it is not there (or is reached through a link).
    public func text(of path: String) -> String? {
        guard let url = try? destination(path), let data = files.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The last run's manifest and how each of its files stands now (as written, changed by
    /// hand, missing); nil when the folder holds no manifest.
    public func reopen() throws -> (manifest: Manifest, states: [String: Manifest.FileState])? {
        guard let manifest = try previousManifest() else { return nil }
        let states = manifest.states(onDisk: try hashes(of: manifest.files.map(\.path)))
        return (manifest, Dictionary(states.map { ($0.path, $0.state) }, uniquingKeysWith: { a, _ in a }))
    }
}
