import CWidth
import Testing

@testable import SnapinfraTUI

@Suite struct ScreenBufferTests {
    init() {
        _ = cw_set_ctype("C.UTF-8")
    }

    @Test func putClipsToWidthAndKeepsWideCharactersWhole() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        let used = buffer.put("日本語テキスト", x: 0, y: 0)
        #expect(used == 10)
        #expect(buffer.text == "日本語テキ\n          ")
        var narrow = ScreenBuffer(width: 5, height: 1)
        narrow.put("ab日本", x: 0, y: 0)
        #expect(narrow.text == "ab日 ")
    }

    @Test func unsafeCharactersAreDrawnAsQuestionMarks() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("a\u{1B}b\u{202E}c", x: 0, y: 0)
        #expect(buffer.text == "a?b?c   ")
    }

    @Test func emojiSequencesKeepAlignment() {
        #expect(TextWidth.width(of: "👩‍💻") == 2)
        #expect(TextWidth.width(of: "café") == 4)
        #expect(TextWidth.width(of: "e\u{301}") == 1)
    }
}
