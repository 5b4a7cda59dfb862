import Foundation

/// Tab completion for a typed path: the entries of its folder that start with its last part,
/// folders with a trailing `/`, hidden ones only when asked for.
enum PathCompletion {
    static func candidates(for typed: String, limit: Int = 200) -> [String] {
        let expanded = typed.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? "~") + typed.dropFirst() : typed
        let folder: String
        let stem: String
        if let slash = expanded.lastIndex(of: "/") {
            folder = String(expanded[...slash])
            stem = String(expanded[expanded.index(after: slash)...])
        } else {
            folder = ""
            stem = expanded
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().prefix(limit).map { name in
            var isFolder: ObjCBool = false
            let path = folder + name
            _ = FileManager.default.fileExists(atPath: path.isEmpty ? "." : path, isDirectory: &isFolder)
            return path + (isFolder.boolValue ? "/" : "")
        }
    }
}
