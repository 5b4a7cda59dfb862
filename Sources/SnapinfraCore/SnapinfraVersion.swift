/// The version of this program, written into manifests and JSON metadata.
public enum SnapinfraVersion {
    public static let current = "0.1.0"
}
