/// "Did you mean …?" for a misspelt name.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars.prefix(256))
        var best: (name: String, distance: Int)?
        var plural: String?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars.prefix(256))
            // A plural or singular of the candidate ("org" for "orgs").
            if plural == nil, other.count == lowered.count + 1 || lowered.count == other.count + 1,
                other.last == "s" && Array(other.dropLast()) == lowered || lowered.last == "s" && Array(lowered.dropLast()) == other
            {
                plural = candidate
            }
            // No distance above 3 is ever accepted, and the lengths alone bound it from below.
            let ceiling = min(3, (best?.distance ?? 4) - 1)
            guard abs(other.count - lowered.count) <= ceiling else { continue }
            let distance = editDistance(lowered, other)
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        if let best {
            let allowed = max(1, min(3, (max(word.count, best.name.count) + 2) / 4))
            if best.distance <= allowed { return best.name }
        }
        return plural
    }

    /// ` (did you mean "x"?)`, or nothing.
    public static func hint(for word: String, in candidates: [String]) -> String {
        guard let match = closest(to: word, in: candidates) else { return "" }
        return " (did you mean \(DisplayText.quoted(match))?)"
    }

    /// Edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars.prefix(256)), Array(b.unicodeScalars.prefix(256)))
    }

    /// The same on scalars, keeping three rows of the table.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, before[j - 2] + 1)
                }
                current[j] = best
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
