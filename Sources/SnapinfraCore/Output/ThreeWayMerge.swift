/// A three-way merge of one text file, per hunk, the way `git merge-file` does it: the base is
/// what Snapinfra wrote last time, "mine" is the file on disk with its hand edits, and "new" is
/// what Snapinfra generates now. A region changed on one side only takes that side; a region
/// changed on both sides the same way takes it once; anything else, including changes that touch
/// (no unchanged line between them), is a conflict.
public enum ThreeWayMerge {
    /// A region both sides changed differently.
    public struct Conflict: Sendable, Hashable {
        /// 1-based first line of the region in the file on disk (where it would be inserted if
        /// the region is empty there).
        public var mineLine: Int
        /// 1-based first line of the region in the newly generated file.
        public var newLine: Int
        public var base: [String]
        public var mine: [String]
        public var new: [String]
    }

    /// How a conflict is settled.
    public enum Resolution: String, Sendable, Hashable, Codable, CaseIterable {
        /// The file on disk's lines.
        case mine
        /// The newly generated lines.
        case new
        /// Both: the lines on disk, then the new ones.
        case both
    }

    public enum Chunk: Sendable, Hashable {
        /// Lines in the merged file, and whether they are a hand edit kept.
        case lines([String], handEdit: Bool)
        case conflict(Conflict)
    }

    public struct Result: Sendable, Hashable {
        public var chunks: [Chunk]
        /// Whether the inputs ended with a newline (the merge keeps the file on disk's choice).
        var trailingNewline: Bool

        public var conflicts: [Conflict] {
            chunks.compactMap { if case .conflict(let conflict) = $0 { conflict } else { nil } }
        }

        /// Regions where a hand edit was kept.
        public var keptEdits: Int {
            chunks.filter { if case .lines(_, true) = $0 { true } else { false } }.count
        }

        /// The merged text, with each conflict settled by `resolutions` (by the conflict's index);
        /// nil while a conflict is left unsettled.
        public func text(resolving resolutions: [Int: Resolution] = [:]) -> String? {
            var lines: [String] = []
            var index = 0
            for chunk in chunks {
                switch chunk {
                case .lines(let more, _):
                    lines += more
                case .conflict(let conflict):
                    guard let resolution = resolutions[index] else { return nil }
                    switch resolution {
                    case .mine: lines += conflict.mine
                    case .new: lines += conflict.new
                    case .both: lines += conflict.mine + conflict.new
                    }
                    index += 1
                }
            }
            if lines.isEmpty { return "" }
            return lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")
        }
    }

    /// Merges the two changes of `base`.
    public static func merge(base: String, mine: String, new: String) -> Result {
        let b = lines(base)
        let m = lines(mine)
        let n = lines(new)
        let mineHunks = hunks(from: b, to: m)
        let newHunks = hunks(from: b, to: n)
        var chunks: [Chunk] = []
        var position = 0
        // Offsets of each side's lines against base before the current position.
        var mineShift = 0
        var newShift = 0
        var iMine = 0
        var iNew = 0
        func append(_ lines: ArraySlice<String>, handEdit: Bool) {
            guard !lines.isEmpty || handEdit else { return }
            if case .lines(let previous, let wasEdit) = chunks.last, wasEdit == handEdit, !handEdit {
                chunks[chunks.count - 1] = .lines(previous + lines, handEdit: false)
            } else {
                chunks.append(.lines(Array(lines), handEdit: handEdit))
            }
        }
        while iMine < mineHunks.count || iNew < newHunks.count {
            // The next group: hunks of either side that overlap or touch, from the earliest on.
            var groupMine: [Hunk] = []
            var groupNew: [Hunk] = []
            if iNew >= newHunks.count || (iMine < mineHunks.count && mineHunks[iMine].base.lowerBound <= newHunks[iNew].base.lowerBound) {
                groupMine.append(mineHunks[iMine])
                iMine += 1
            } else {
                groupNew.append(newHunks[iNew])
                iNew += 1
            }
            let low = (groupMine.first ?? groupNew[0]).base.lowerBound
            var high = (groupMine.first ?? groupNew[0]).base.upperBound
            while true {
                if iMine < mineHunks.count, mineHunks[iMine].base.lowerBound <= high {
                    high = max(high, mineHunks[iMine].base.upperBound)
                    groupMine.append(mineHunks[iMine])
                    iMine += 1
                } else if iNew < newHunks.count, newHunks[iNew].base.lowerBound <= high {
                    high = max(high, newHunks[iNew].base.upperBound)
                    groupNew.append(newHunks[iNew])
                    iNew += 1
                } else {
                    break
                }
            }
            append(b[position..<low], handEdit: false)
            let mineStart = low + mineShift
            let newStart = low + newShift
            let mineSide = side(b, low..<high, groupMine, shift: &mineShift, other: m)
            let newSide = side(b, low..<high, groupNew, shift: &newShift, other: n)
            if groupNew.isEmpty {
                append(mineSide[...], handEdit: true)
            } else if groupMine.isEmpty || mineSide == newSide {
                append(newSide[...], handEdit: false)
            } else {
                chunks.append(
                    .conflict(
                        Conflict(mineLine: mineStart + 1, newLine: newStart + 1, base: Array(b[low..<high]), mine: mineSide, new: newSide)))
            }
            position = high
        }
        append(b[position...], handEdit: false)
        let trailing = mine.isEmpty ? new.hasSuffix("\n") : mine.hasSuffix("\n")
        return Result(chunks: chunks, trailingNewline: trailing)
    }

    /// One replacement: `base` lines become `other` lines.
    struct Hunk: Equatable {
        var base: Range<Int>
        var other: Range<Int>
    }

    /// The side's text for `base[range]`: base lines with the side's hunks in the range applied.
    /// `shift` moves on by the lines the side added or removed there.
    private static func side(_ base: [String], _ range: Range<Int>, _ hunks: [Hunk], shift: inout Int, other: [String]) -> [String] {
        var out: [String] = []
        var at = range.lowerBound
        for hunk in hunks {
            out += base[at..<hunk.base.lowerBound]
            out += other[hunk.other]
            at = hunk.base.upperBound
            shift += hunk.other.count - hunk.base.count
        }
        out += base[at..<range.upperBound]
        return out
    }

    /// The replacements that turn `base` into `other`, in order (Myers, from the standard library).
    static func hunks(from base: [String], to other: [String]) -> [Hunk] {
        let difference = other.difference(from: base)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Hunk] = []
        var i = 0
        var j = 0
        while i < base.count || j < other.count {
            let (startI, startJ) = (i, j)
            while i < base.count, removed.contains(i) { i += 1 }
            while j < other.count, inserted.contains(j) { j += 1 }
            if i != startI || j != startJ {
                result.append(Hunk(base: startI..<i, other: startJ..<j))
            }
            if i < base.count, j < other.count {
                i += 1
                j += 1
            } else if i == startI && j == startJ {
                break
            }
        }
        return result
    }

    static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
