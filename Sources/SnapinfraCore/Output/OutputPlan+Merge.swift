extension OutputPlan {
    /// The plan with every file changed by hand merged three ways instead of overwritten: the base
    /// is what Snapinfra wrote last time (kept under `.snapinfra/base/`), "mine" is the file on
    /// disk, "new" is what is generated now. A file deleted by hand stays deleted while the new
    /// content is what was deleted; a file no longer generated but changed by hand, or deleted by
    /// hand and changed now, is a conflict to settle.
    /// - Parameter read: the text of a path in the output folder, nil if it is not there.
    public func merging(previous: Manifest?, read: (String) -> String?) -> OutputPlan {
        let entries = Dictionary(previous?.files.map { ($0.path, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        var plan = self
        for index in plan.items.indices {
            var item = plan.items[index]
            let entry = entries[item.path]
            let mine: String
            switch item.status {
            case .handEdited:
                mine = read(item.path) ?? ""
            case .new where entry != nil:
                // It was written, and is gone: deleted by hand.
                guard let entry, let generated = item.generated else { continue }
                if SHA256.hex(generated) == entry.sha256 {
                    item.status = .deletedByHand
                    item.content = nil
                    plan.items[index] = item
                    continue
                }
                mine = ""
                item.deletedOnDisk = true
            default:
                continue
            }
            let (base, note) = Self.base(of: entry, read: read)
            let result = ThreeWayMerge.merge(base: base, mine: mine, new: item.generated ?? "")
            item.merge = result
            item.note =
                item.deletedOnDisk
                ? "deleted by hand, and Snapinfra changes it now" : (item.generated == nil ? "no longer generated, and changed by hand" : note)
            item.status = result.conflicts.isEmpty ? .merged : .conflict
            item.settle()
            plan.items[index] = item
        }
        return plan
    }

    /// Settles one conflict of a file; once all are settled, the file has its content.
    public mutating func resolve(_ path: String, conflict: Int, _ resolution: ThreeWayMerge.Resolution) {
        guard let index = items.firstIndex(where: { $0.path == path }) else { return }
        items[index].resolve(conflict: conflict, resolution)
    }

    /// The last run's copy of a file, if it is there and unchanged, else nothing and why.
    static func base(of entry: Manifest.Entry?, read: (String) -> String?) -> (String, String?) {
        guard let entry else { return ("", "not written by Snapinfra before") }
        guard let path = entry.base else { return ("", "written by an older Snapinfra that kept no base to merge against") }
        guard let text = read(path), SHA256.hex(text) == entry.sha256 else {
            return ("", "its base copy \(path) is missing or was changed")
        }
        return (text, nil)
    }
}

extension OutputPlan.Item {
    /// Settles one conflict; once all are settled, the item has its content.
    public mutating func resolve(conflict: Int, _ resolution: ThreeWayMerge.Resolution) {
        guard let merge, merge.conflicts.indices.contains(conflict) else { return }
        resolutions[conflict] = resolution
        settle()
    }

    /// The content once the merge is settled: nil removes the file when it is no longer generated,
    /// or keeps it away when it was deleted by hand.
    mutating func settle() {
        guard let merge, let text = merge.text(resolving: resolutions) else {
            content = nil
            return
        }
        if text.isEmpty && (generated == nil || deletedOnDisk) {
            content = nil
            if deletedOnDisk { status = .deletedByHand }
        } else {
            content = text
        }
    }

    /// Whether writing would put this file in the folder.
    public var writes: Bool {
        switch status {
        case .new, .changed, .handEdited: return content != nil
        case .merged, .conflict: return content != nil && openConflicts == 0
        case .unchanged, .removed, .deletedByHand: return false
        }
    }

    /// Whether writing would delete this file from the folder.
    public var removes: Bool {
        switch status {
        case .removed: return true
        case .handEdited: return content == nil
        case .merged, .conflict: return content == nil && generated == nil && openConflicts == 0
        default: return false
        }
    }

    /// The status as the Write screen says it: `merged (2 hand edits kept)`.
    public var label: String {
        if status == .conflict && openConflicts == 0 { return "resolved" }
        return status.rawValue + (detail.map { " (\($0))" } ?? "")
    }

    /// What a merge did to the file, when it did anything: `2 hand edits kept`, `1 hunk to settle`.
    public var detail: String? {
        switch status {
        case .merged: return "\(Plural.count(merge?.keptEdits ?? 0, "hand edit")) kept"
        case .conflict: return openConflicts == 0 ? nil : "\(Plural.count(openConflicts, "hunk")) to settle"
        default: return nil
        }
    }
}

extension OutputPlan {
    /// The files as the folder will hold them after writing: merged content where hand edits were
    /// kept, nothing for a file deleted by hand. A merged Terraform file is validated like a
    /// generated one before anything is written.
    public func filesAsWritten(_ rendered: [RenderedFile]) -> [RenderedFile] {
        let byPath = Dictionary(items.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return rendered.compactMap { file in
            guard let item = byPath[file.path] else { return file }
            if item.status == .deletedByHand { return nil }
            guard let content = item.content else { return file }
            var written = file
            written.content = content
            return written
        }
    }

    /// Whether any file keeps hand edits (so the files must be validated again as merged).
    public var mergesHandEdits: Bool { items.contains { $0.merge != nil } }

    /// Each conflict not yet settled, as lines for a terminal: the file and its lines, then both
    /// sides.
    public func conflictReport(folder: String) -> [String] {
        var lines: [String] = []
        for item in mergeConflicts {
            let path = "\(folder)/\(DisplayText.escape(item.path, limit: 200))"
            if let note = item.note { lines.append("\(path): note: \(DisplayText.escape(note, limit: 200))") }
            for (index, conflict) in (item.merge?.conflicts ?? []).enumerated() where item.resolutions[index] == nil {
                let span = { (start: Int, count: Int) in count <= 1 ? "\(start)" : "\(start)-\(start + count - 1)" }
                lines.append(
                    "\(path):\(span(conflict.mineLine, conflict.mine.count)): error: conflict: changed by hand and by Snapinfra "
                        + "(lines \(span(conflict.mineLine, conflict.mine.count)) on disk, \(span(conflict.newLine, conflict.new.count)) new)")
                lines.append("  on disk:" + (conflict.mine.isEmpty ? " (nothing)" : ""))
                lines += conflict.mine.map { "  | " + DisplayText.escape($0, limit: 400) }
                lines.append("  new:" + (conflict.new.isEmpty ? " (nothing)" : ""))
                lines += conflict.new.map { "  | " + DisplayText.escape($0, limit: 400) }
            }
        }
        return lines
    }
}
