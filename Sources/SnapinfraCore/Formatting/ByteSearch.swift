extension StringProtocol {
    /// Whether `needle` occurs, compared byte by byte: for paths run once per row of a large
    /// project, where Foundation's `contains` (through NSString) and the generic searcher of
    /// `firstRange(of:)` cost more than the check itself.
    func containsBytes(_ needle: String) -> Bool {
        let hay = Array(utf8)
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        guard needle.count <= hay.count else { return false }
        for start in 0...(hay.count - needle.count) where hay[start] == first {
            var offset = 1
            while offset < needle.count, hay[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }
}
