/// The syntax a project file is written in.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case json
    case yaml

    /// The format for a file name, by its extension; `nil` when the extension says nothing.
    public static func forFileName(_ name: String) -> DocumentFormat? {
        let lower = name.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        return nil
    }

    /// Guesses the format of text with no file name (stdin): JSON unless it starts like YAML.
    public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .json }
        return bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") ? .json : .yaml
    }
}
