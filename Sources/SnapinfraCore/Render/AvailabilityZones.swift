/// Default availability zone names of a region, so generated networks name their zones.
enum AvailabilityZones {
    /// Regions whose zone letters do not start a, b, c (checked against AWS's published lists).
    static let letters: [String: [String]] = [
        "ap-northeast-1": ["a", "c", "d"],
        "us-west-1": ["a", "c"],
        "ca-central-1": ["a", "b", "d"],
    ]

    static func names(region: String, count: Int) -> [String] {
        let available = letters[region] ?? ["a", "b", "c"]
        return available.prefix(count).map { region + $0 }
    }
}
