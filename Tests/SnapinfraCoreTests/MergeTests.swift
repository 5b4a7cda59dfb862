import Testing

@testable import SnapinfraCore

/// The three-way merge of regeneration (`generate --merge`, the Write screen): hand edits kept
/// where the tool's changes do not touch them, conflicts where they do.
@Suite struct MergeTests {
    private let base = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"

    private func replacing(_ text: String, _ line: Int, with new: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[line - 1] = new
        return lines.joined(separator: "\n")
    }

    @Test func aHandEditAwayFromTheToolsChangeIsKept() throws {
        let mine = replacing(base, 2, with: "line 2 # by hand")
        let new = replacing(base, 10, with: "line 10 changed by the tool")
        let result = ThreeWayMerge.merge(base: base, mine: mine, new: new)
        #expect(result.conflicts.isEmpty)
        #expect(result.keptEdits == 1)
        let text = try #require(result.text())
        #expect(text == replacing(replacing(base, 2, with: "line 2 # by hand"), 10, with: "line 10 changed by the tool"))
    }

    @Test func insertionsAndDeletionsOnBothSidesMerge() throws {
        let mine = base.replacingOccurrences(of: "line 3\n", with: "line 3\n# a note\n").replacingOccurrences(of: "line 7\n", with: "")
        let new = base.replacingOccurrences(of: "line 12\n", with: "line 12\nline 13\n")
        let result = ThreeWayMerge.merge(base: base, mine: mine, new: new)
        #expect(result.conflicts.isEmpty)
        #expect(result.keptEdits == 2)
        let text = try #require(result.text())
        #expect(text.contains("line 3\n# a note\nline 4") && !text.contains("line 7\n") && text.hasSuffix("line 12\nline 13\n"))
    }

    @Test func bothSidesChangingTheSameLineIsAConflict() throws {
        let mine = replacing(base, 5, with: "line 5 mine")
        let new = replacing(base, 5, with: "line 5 new")
        let result = ThreeWayMerge.merge(base: base, mine: mine, new: new)
        let conflict = try #require(result.conflicts.first)
        #expect(result.conflicts.count == 1)
        #expect(conflict.mine == ["line 5 mine"] && conflict.new == ["line 5 new"] && conflict.base == ["line 5"])
        #expect(conflict.mineLine == 5 && conflict.newLine == 5)
        #expect(result.text() == nil)
        #expect(result.text(resolving: [0: .mine]) == mine)
        #expect(result.text(resolving: [0: .new]) == new)
        #expect(result.text(resolving: [0: .both]) == replacing(base, 5, with: "line 5 mine\nline 5 new"))
    }

    @Test func changesThatTouchConflictAndTheSameChangeDoesNot() throws {
        let touching = ThreeWayMerge.merge(base: base, mine: replacing(base, 5, with: "x"), new: replacing(base, 6, with: "y"))
        #expect(touching.conflicts.count == 1)
        let same = ThreeWayMerge.merge(base: base, mine: replacing(base, 5, with: "x"), new: replacing(base, 5, with: "x"))
        #expect(same.conflicts.isEmpty && same.keptEdits == 0 && same.text() == replacing(base, 5, with: "x"))
    }

    // MARK: The plan of a folder

    private func file(_ path: String, _ content: String) -> RenderedFile {
        RenderedFile(path: path, content: content, source: "t", target: .terraform)
    }

    /// A folder written from `old`, then changed as `disk` says, planned for `new` with merging.
    private func plan(old: [RenderedFile], disk: [String: String], new: [RenderedFile]) -> (OutputPlan, Manifest) {
        let previous = Manifest(project: ProjectFile(project: Project(name: "x")), result: run(designFile()), files: old)
        var folder = disk
        for entry in old { folder[Manifest.basePath(entry.path)] = entry.content }
        let plan = OutputPlan.make(files: new, onDisk: folder.mapValues { SHA256.hex($0) }, previous: previous)
            .merging(previous: previous) { folder[$0] }
        return (plan, previous)
    }

    private func status(_ plan: OutputPlan, _ path: String) -> OutputPlan.Item? {
        plan.items.first { $0.path == path }
    }

    @Test func aCleanMergeWritesTheHandEditWithTheNewContent() throws {
        let mine = replacing(base, 2, with: "line 2 # by hand")
        let new = replacing(base, 10, with: "line 10 new")
        let (plan, _) = plan(old: [file("main.tf", base)], disk: ["main.tf": mine], new: [file("main.tf", new)])
        let item = try #require(status(plan, "main.tf"))
        #expect(item.status == .merged && item.label == "merged (1 hand edit kept)")
        #expect(item.content == replacing(mine, 10, with: "line 10 new"))
        #expect(item.generated == new, "the next base is what the tool generated, not the merge")
        #expect(item.writes && plan.mergeConflicts.isEmpty)
        let manifest = Manifest(
            project: ProjectFile(project: Project(name: "x")), result: run(designFile()), files: [file("main.tf", new)], plan: plan)
        #expect(manifest.files[0].sha256 == SHA256.hex(new) && manifest.files[0].written == SHA256.hex(item.content ?? ""))
        #expect(manifest.states(onDisk: ["main.tf": SHA256.hex(item.content ?? "")]).map(\.state) == [.asWritten])
        // Written, then planned again with nothing new: unchanged, and the manifest still knows it.
        let again = OutputPlan.make(files: [file("main.tf", new)], onDisk: ["main.tf": SHA256.hex(item.content ?? "")], previous: manifest)
        #expect(again.items.map(\.status) == [.unchanged])
        let next = Manifest(project: ProjectFile(project: Project(name: "x")), result: run(designFile()), files: [file("main.tf", new)], plan: again)
        #expect(next.files[0].written == manifest.files[0].written)
    }

    @Test func aConflictIsListedAndSettledHunkByHunk() throws {
        let mine = replacing(replacing(base, 3, with: "3 mine"), 9, with: "9 mine")
        let new = replacing(replacing(base, 3, with: "3 new"), 9, with: "9 new")
        var (plan, _) = plan(old: [file("main.tf", base)], disk: ["main.tf": mine], new: [file("main.tf", new)])
        #expect(status(plan, "main.tf")?.status == .conflict && status(plan, "main.tf")?.label == "conflict (2 hunks to settle)")
        #expect(plan.mergeConflicts.map(\.path) == ["main.tf"] && status(plan, "main.tf")?.writes == false)
        plan.resolve("main.tf", conflict: 0, .mine)
        #expect(plan.mergeConflicts.count == 1 && status(plan, "main.tf")?.content == nil)
        plan.resolve("main.tf", conflict: 1, .new)
        #expect(plan.mergeConflicts.isEmpty && status(plan, "main.tf")?.label == "resolved")
        #expect(status(plan, "main.tf")?.content == replacing(replacing(base, 3, with: "3 mine"), 9, with: "9 new"))
    }

    @Test func aFileDeletedByHandStaysDeletedUnlessTheToolChangesIt() throws {
        let (kept, _) = plan(old: [file("a.tf", base)], disk: [:], new: [file("a.tf", base)])
        #expect(status(kept, "a.tf")?.status == .deletedByHand && status(kept, "a.tf")?.writes == false)
        let manifest = Manifest(project: ProjectFile(project: Project(name: "x")), result: run(designFile()), files: [file("a.tf", base)], plan: kept)
        #expect(manifest.files[0].deletedByHand == true && manifest.states(onDisk: [:]).map(\.state) == [.deletedByHand])
        var (changed, _) = plan(old: [file("a.tf", base)], disk: [:], new: [file("a.tf", replacing(base, 4, with: "4 new"))])
        #expect(status(changed, "a.tf")?.status == .conflict && status(changed, "a.tf")?.note == "deleted by hand, and Snapinfra changes it now")
        changed.resolve("a.tf", conflict: 0, .mine)
        #expect(status(changed, "a.tf")?.status == .deletedByHand && status(changed, "a.tf")?.writes == false)
    }

    @Test func aFileAddedByHandIsLeftAloneUnlessTheToolNowWritesThatPath() throws {
        let (plan, _) = plan(
            old: [file("a.tf", base)], disk: ["a.tf": base, "mine.tf": "by hand\n"], new: [file("a.tf", base), file("b.tf", "b\n")])
        #expect(status(plan, "mine.tf") == nil, "a file Snapinfra never wrote is not in the plan")
        #expect(status(plan, "b.tf")?.status == .new)
        let (clash, _) = self.plan(
            old: [file("a.tf", base)], disk: ["a.tf": base, "b.tf": "by hand\n"], new: [file("a.tf", base), file("b.tf", "b\n")])
        let item = try #require(status(clash, "b.tf"))
        #expect(item.status == .conflict && item.note == "not written by Snapinfra before")
        #expect(item.merge?.conflicts.first?.mine == ["by hand"] && item.merge?.conflicts.first?.new == ["b"])
    }

    @Test func aFileTheNewDesignNoLongerNeedsGoesUnlessEditedByHand() throws {
        let (untouched, _) = plan(
            old: [file("a.tf", base), file("old.tf", "old\n")], disk: ["a.tf": base, "old.tf": "old\n"], new: [file("a.tf", base)])
        #expect(status(untouched, "old.tf")?.status == .removed && status(untouched, "old.tf")?.removes == true)
        var (edited, _) = plan(
            old: [file("a.tf", base), file("old.tf", "old\n")], disk: ["a.tf": base, "old.tf": "old\n# mine\n"], new: [file("a.tf", base)])
        let item = try #require(status(edited, "old.tf"))
        #expect(item.status == .conflict && item.note == "no longer generated, and changed by hand")
        edited.resolve("old.tf", conflict: 0, .new)
        #expect(status(edited, "old.tf")?.removes == true)
        edited.resolve("old.tf", conflict: 0, .mine)
        #expect(status(edited, "old.tf")?.content == "old\n# mine\n" && status(edited, "old.tf")?.writes == true)
    }

    @Test func anEditedBaseIsNotTrusted() throws {
        let previous = Manifest(project: ProjectFile(project: Project(name: "x")), result: run(designFile()), files: [file("a.tf", base)])
        let disk = ["a.tf": replacing(base, 1, with: "1 mine"), Manifest.basePath("a.tf"): "tampered\n"]
        let plan = OutputPlan.make(
            files: [file("a.tf", replacing(base, 12, with: "12 new"))], onDisk: disk.mapValues { SHA256.hex($0) }, previous: previous
        )
        .merging(previous: previous) { disk[$0] }
        #expect(plan.items[0].status == .conflict && plan.items[0].note?.contains("missing or was changed") == true)
    }
}
