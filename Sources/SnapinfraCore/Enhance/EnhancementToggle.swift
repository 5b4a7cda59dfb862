/// Switching one suggestion on or off in a chosen set, resolving what it requires and refusing
/// what it conflicts with, so any set the user reaches can be applied.
public struct EnhancementToggle: Sendable, Hashable {
    /// The set after the toggle (unchanged when refused).
    public var applied: [String]
    /// What happened, in a sentence.
    public var message: String
    public var refused: Bool

    public init(_ id: String, in applied: [String], suggestions: [Enhancement]) {
        let byID = Dictionary(suggestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if applied.contains(id) {
            // Off, with everything that needs it.
            var removed = [id]
            var changed = true
            while changed {
                changed = false
                for other in applied where !removed.contains(other) && !(byID[other]?.requires ?? []).filter(removed.contains).isEmpty {
                    removed.append(other)
                    changed = true
                }
            }
            self.applied = applied.filter { !removed.contains($0) }
            let extra = removed.dropFirst()
            message = "Removed \(id)" + (extra.isEmpty ? "" : " and \(extra.joined(separator: ", ")), which require it")
            refused = false
            return
        }
        let needed = (byID[id]?.requires ?? []).filter { byID[$0] != nil && !applied.contains($0) }
        let adding = needed + [id]
        if let clash = adding.lazy.compactMap({ new in (byID[new]?.conflicts ?? []).first(where: applied.contains).map { (new, $0) } }).first {
            self.applied = applied
            message = "\(clash.0) conflicts with \(clash.1): turn \(clash.1) off first"
            refused = true
            return
        }
        self.applied = applied + adding
        message = "Applied \(id)" + (needed.isEmpty ? "" : " and \(needed.joined(separator: ", ")), which it requires")
        refused = false
    }
}
