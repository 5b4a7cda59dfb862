import Testing

@testable import SnapinfraCore

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("/users/{id}", "{", true), ("/a://b", "://", true), ("/a:/b", "://", false), ("", "x", false), ("x", "", true),
        ("/é?q", "?", true), ("/ab", "abc", false), ("aab", "ab", true), ("/日本/%{x}", "%{", true),
    ])
    func findsExactlyWhatContainsFinds(hay: String, needle: String, expected: Bool) {
        #expect(hay.containsBytes(needle) == expected)
        #expect(hay.containsBytes(needle) == (needle.isEmpty || hay.contains(needle)))
    }
}
