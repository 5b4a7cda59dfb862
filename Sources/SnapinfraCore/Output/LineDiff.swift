/// A unified-style line diff, for showing what an enhancement changes in the rendered files.
public enum LineDiff {
    /// Lines of a diff between two file sets: `--- a/path`, `+++ b/path`, then `-`/`+` lines with
    /// up to `context` unchanged lines around each change, and `@@` between distant changes.
    public static func unified(from old: [RenderedFile], to new: [RenderedFile], context: Int = 2) -> [String] {
        var out: [String] = []
        let oldByPath = Dictionary(old.map { ($0.path, $0.content) }, uniquingKeysWith: { a, _ in a })
        let newByPath = Dictionary(new.map { ($0.path, $0.content) }, uniquingKeysWith: { a, _ in a })
        let paths = (old.map(\.path) + new.map(\.path)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for path in paths where oldByPath[path] != newByPath[path] {
            out.append("--- a/\(path)")
            out.append("+++ b/\(path)")
            out += hunks(lines(oldByPath[path]), lines(newByPath[path]), context: context)
        }
        return out
    }

    private static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Longest-common-subsequence edit script, printed with context.
    static func hunks(_ a: [String], _ b: [String], context: Int) -> [String] {
        let n = a.count
        let m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var script: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                script.append((" ", a[i]))
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                // Deletions before insertions, as unified diffs print them.
                script.append(("-", a[i]))
                i += 1
            } else {
                script.append(("+", b[j]))
                j += 1
            }
        }
        let changed = script.indices.filter { script[$0].0 != " " }
        var keep = Set<Int>()
        for index in changed {
            for k in max(0, index - context)...min(script.count - 1, index + context) { keep.insert(k) }
        }
        var out: [String] = []
        var previous: Int?
        for index in keep.sorted() {
            if let previous, index > previous + 1 { out.append("@@") }
            out.append(String(script[index].0) + script[index].1)
            previous = index
        }
        return out
    }
}
