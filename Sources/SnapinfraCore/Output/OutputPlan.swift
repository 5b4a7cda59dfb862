/// What writing the output would do to each file, decided before anything is written.
public struct OutputPlan: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Not on disk yet.
        case new
        /// Written by Snapinfra before, untouched since, and different now.
        case changed
        /// Same content as on disk.
        case unchanged
        /// On disk with content Snapinfra did not write (edited by hand, or not ours at all).
        case handEdited = "hand-edited"
        /// Written by Snapinfra before and no longer generated; removed if untouched.
        case removed
        /// Changed by hand, and the new content merged with the hand edits (`generate --merge`).
        case merged
        /// Changed by hand where the new content changes too: settled hunk by hunk, or not written.
        case conflict
        /// Deleted by hand, and the new content is what was deleted: it stays deleted.
        case deletedByHand = "deleted-by-hand"
    }

    public struct Item: Sendable, Hashable {
        public var path: String
        public var status: Status
        /// What goes into the folder; nil removes the file (or, deleted by hand, keeps it away).
        public var content: String?
        /// What Snapinfra generated for the path now (the next merge's base); nil when it is no
        /// longer generated.
        public var generated: String?
        /// The three-way merge of a hand-edited file, and how its conflicts were settled.
        public var merge: ThreeWayMerge.Result?
        public var resolutions: [Int: ThreeWayMerge.Resolution] = [:]
        /// Why a merge had nothing, or nothing kept, to merge against (deleted by hand, no base).
        public var note: String?
        /// The file was deleted by hand (a merge's "mine" is empty).
        public var deletedOnDisk = false
        /// An unchanged file that holds hand edits merged in before: the hash it was left with.
        public var writtenWithEdits: String?

        public init(path: String, status: Status, content: String?, generated: String? = nil) {
            self.path = path
            self.status = status
            self.content = content
            self.generated = generated ?? content
        }

        /// Conflicts not settled yet.
        public var openConflicts: Int {
            (merge?.conflicts.count ?? 0) - resolutions.count
        }
    }

    public var items: [Item]
    /// What was found and tidied before planning (an interrupted run finished or rolled back).
    public var notes: [String] = []

    /// Files whose hand edits the run would overwrite or delete.
    public var conflicts: [String] { items.filter { $0.status == .handEdited }.map(\.path) }

    /// Files a merge could not settle.
    public var mergeConflicts: [Item] { items.filter { $0.status == .conflict && $0.openConflicts > 0 } }

    /// Decides the status of every file.
    /// - Parameters:
    ///   - onDisk: SHA-256 of each relevant path that exists in the output folder now.
    ///   - previous: the manifest of the last run, if any.
    public static func make(files: [RenderedFile], onDisk: [String: String], previous: Manifest?) -> OutputPlan {
        let written = Dictionary(previous?.files.map { ($0.path, $0.sha256) } ?? [], uniquingKeysWith: { a, _ in a })
        // Files written with hand edits merged in, as they were left.
        let merged = Dictionary(previous?.files.compactMap { entry in entry.written.map { (entry.path, $0) } } ?? [], uniquingKeysWith: { a, _ in a })
        var items: [Item] = []
        for file in files {
            let hash = SHA256.hex(file.content)
            guard let current = onDisk[file.path] else {
                items.append(Item(path: file.path, status: .new, content: file.content))
                continue
            }
            if current == hash {
                items.append(Item(path: file.path, status: .unchanged, content: file.content))
            } else if let kept = merged[file.path], kept == current, written[file.path] == hash {
                // Merged last time, untouched since, and generated the same: nothing to do.
                var item = Item(path: file.path, status: .unchanged, content: file.content)
                item.writtenWithEdits = kept
                items.append(item)
            } else if written[file.path] == current {
                items.append(Item(path: file.path, status: .changed, content: file.content))
            } else {
                items.append(Item(path: file.path, status: .handEdited, content: file.content))
            }
        }
        let generated = Set(files.map(\.path))
        for entry in previous?.files ?? [] where !generated.contains(entry.path) {
            guard let current = onDisk[entry.path] else { continue }
            items.append(Item(path: entry.path, status: current == entry.sha256 ? .removed : .handEdited, content: nil, generated: nil))
        }
        return OutputPlan(items: items)
    }

    /// Whether a path is a safe relative path inside the output folder.
    public static func isContained(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
