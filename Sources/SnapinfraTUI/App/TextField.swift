import SnapinfraCore

/// A line of text being edited: the text and a cursor between characters (grapheme clusters, so a
/// wide character or an emoji moves as one).
public struct TextField: Sendable, Hashable {
    public var text: String
    /// Characters before the cursor.
    public var cursor: Int
    public var limit: Int

    public init(_ text: String, limit: Int = 16_384) {
        self.text = text
        cursor = text.count
        self.limit = limit
    }

    /// What a key did to the field.
    public enum Outcome: Sendable, Hashable {
        case edited, moved, ignored
        /// The key would push the text past its limit.
        case tooLong
    }

    /// Applies an editing key: characters, ← →, Home/End (Ctrl-A/E), Backspace, Delete (Ctrl-D),
    /// Ctrl-W (the word before the cursor, up to a space or a slash), Ctrl-U (everything before it), Ctrl-K (everything after).
    public mutating func apply(_ key: Key) -> Outcome {
        var characters = Array(text)
        switch key {
        case .character(let c):
            guard characters.count < limit else { return .tooLong }
            characters.insert(c, at: cursor)
            cursor += 1
        case .paste(let pasted):
            // One line: newlines and tabs become spaces; control and bidi characters are dropped.
            var clean = ""
            for scalar in pasted.unicodeScalars {
                if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                    if !clean.hasSuffix(" ") { clean += " " }
                } else if !DisplayText.isUnsafe(scalar) {
                    clean.unicodeScalars.append(scalar)
                }
            }
            let room = max(0, limit - characters.count)
            let inserted = Array(clean).prefix(room)
            characters.insert(contentsOf: inserted, at: cursor)
            cursor += inserted.count
            text = String(characters)
            return inserted.count < clean.count ? .tooLong : (inserted.isEmpty ? .ignored : .edited)
        case .left:
            guard cursor > 0 else { return .ignored }
            cursor -= 1
            return .moved
        case .right:
            guard cursor < characters.count else { return .ignored }
            cursor += 1
            return .moved
        case .home, .control("a"):
            cursor = 0
            return .moved
        case .end, .control("e"):
            cursor = characters.count
            return .moved
        case .backspace:
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
        case .control("w"):
            guard cursor > 0 else { return .ignored }
            var start = cursor
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace && characters[start - 1] != "/" { start -= 1 }
            if start == cursor { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        default:
            return .ignored
        }
        text = String(characters)
        cursor = min(cursor, text.count)
        return .edited
    }

    /// The part to show in `width` cells, keeping the cursor in view, and the cursor's column in it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        let characters = Array(text)
        var start = 0
        func widthOf(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + TextWidth.width(of: String($1)) } }
        while start < cursor && widthOf(start..<cursor) > width - 1 { start += 1 }
        var end = start
        var used = 0
        while end < characters.count {
            let w = TextWidth.width(of: String(characters[end]))
            if used + w > width { break }
            used += w
            end += 1
        }
        return (String(characters[start..<end]), widthOf(start..<cursor))
    }
}
