import Foundation
import SnapinfraCore

/// Writes a plan into the output folder, all or nothing: every new file is first written beside
/// its destination under a temporary name, and only when all of them are on disk are they renamed
/// into place (a new folder is built aside and renamed as a whole). A failure before the renames
/// removes the temporary files and leaves the folder as it was.
public struct OutputWriter {
    public let folder: URL
    private let files = FileManager.default

    public init(path: String) {
        folder = URL(fileURLWithPath: path).standardizedFileURL
    }

    /// The manifest of the last run, or nil (a corrupt one is treated as absent, which makes
    /// every existing file count as a hand edit: the safe side).
    public func previousManifest() -> Manifest? {
        guard let data = files.contents(atPath: folder.appendingPathComponent(Manifest.fileName).path) else { return nil }
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
            if let data = files.contents(atPath: url.path) { result[path] = SHA256.hex([UInt8](data)) }
        }
        return result
    }

    public func write(_ plan: OutputPlan, manifest: Manifest) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifestText = String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"
        var writes = plan.items.filter { $0.status == .new || $0.status == .changed || $0.status == .handEdited }
            .compactMap { item in item.content.map { (item.path, $0) } }
        writes.append((Manifest.fileName, manifestText))
        let removals = plan.items.filter { $0.status == .removed || ($0.status == .handEdited && $0.content == nil) }.map(\.path)

        if !files.fileExists(atPath: folder.path) {
            try writeNewFolder(writes)
            return
        }
        var staged: [(temp: URL, final: URL)] = []
        do {
            for (path, content) in writes {
                let final = folder.appendingPathComponent(path)
                try files.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temp = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).snapinfra-\(UUID().uuidString)")
                try Data(content.utf8).write(to: temp)
                staged.append((temp, final))
            }
        } catch {
            for item in staged { try? files.removeItem(at: item.temp) }
            throw OutputWriteError(
                "cannot write to \(DisplayText.escape(folder.path, limit: 200)): \(error.localizedDescription); nothing was changed")
        }
        for item in staged {
            // rename(2) replaces the destination atomically.
            if rename(item.temp.path, item.final.path) != 0 {
                throw OutputWriteError("cannot move \(item.final.lastPathComponent) into place: \(String(cString: strerror(errno)))")
            }
        }
        for path in removals { try? files.removeItem(at: folder.appendingPathComponent(path)) }
    }

    private func writeNewFolder(_ writes: [(String, String)]) throws {
        let parent = folder.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).snapinfra-\(UUID().uuidString)")
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
            for (path, content) in writes {
                let url = staging.appendingPathComponent(path)
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: url)
            }
            try files.moveItem(at: staging, to: folder)
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
    /// The plan for writing `files` here: statuses against the manifest and the files on disk.
    public func plan(_ files: [RenderedFile]) throws -> OutputPlan {
        let previous = previousManifest()
        let paths = files.map(\.path) + (previous?.files.map(\.path) ?? [])
        return OutputPlan.make(files: files, onDisk: try hashes(of: paths), previous: previous)
    }
}
