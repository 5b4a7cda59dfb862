import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whole-process figures: the program started as a user starts it, so that loading, start-up and
/// exit are in the numbers. Wall time from `posix_spawn` to `waitpid`, and the child's peak RSS.
enum ProcessBench {
    struct Sample {
        var milliseconds: Double
    }

    /// Runs `binary` with `arguments` once, stdin from `input` (or /dev/null), output discarded.
    static func run(_ binary: String, _ arguments: [String], input: String? = nil) -> Sample? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid else { return nil }
        return Sample(milliseconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    /// The child's peak RSS in KiB, read by GNU time: `wait4`'s own figure for a child spawned from
    /// this process counts the pages it shared with the parent before `exec`.
    static func peakKiB(_ binary: String, _ arguments: [String], input: String?) -> Int? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-rss-\(getpid())").path
        defer { unlink(report) }
        guard run(time, ["-f", "%M", "-o", report, binary] + arguments, input: input) != nil,
            let text = try? String(contentsOfFile: report, encoding: .utf8)
        else { return nil }
        return Int(text.split(separator: "\n").last ?? "")
    }

    /// Prints the median and best wall time of `runs` runs, and the peak RSS of one more.
    static func measure(_ label: String, _ binary: String, _ arguments: [String], input: String? = nil, runs: Int = 15) {
        let samples = (0..<runs).compactMap { _ in run(binary, arguments, input: input) }
        guard !samples.isEmpty else {
            print("\(label): could not start \(binary)")
            return
        }
        let times = samples.map(\.milliseconds).sorted()
        let peak = peakKiB(binary, arguments, input: input).map { String(format: "%5.1f MB", Double($0) / 1024) } ?? "(no /usr/bin/time)"
        let padded = label.count < 48 ? label + String(repeating: " ", count: 48 - label.count) : label
        print(
            padded + String(format: " median %8.1f ms   best %8.1f ms   ", times[times.count / 2], times[0])
                + "peak RSS \(peak)   (\(samples.count) runs)")
    }
}
