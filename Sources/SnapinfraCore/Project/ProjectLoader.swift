/// Reads a project file from bytes: syntax, shape and relations, all problems in one run.
///
/// The core never opens files: front ends read the bytes and hand them here.
public struct ProjectLoader: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = .standard) {
        self.limits = limits
    }

    /// What loading found: the project (nil when any error was found) and every diagnostic.
    public struct Result: Sendable {
        public var file: ProjectFile?
        public var diagnostics: [Diagnostic]
        public var format: DocumentFormat
    }

    /// Loads a project. `format` nil means: guess from the content (JSON unless it looks like YAML).
    public func load(_ bytes: [UInt8], format: DocumentFormat? = nil) -> Result {
        let format = format ?? DocumentFormat.sniff(bytes)
        if bytes.count > limits.maxBytes {
            return Result(
                file: nil, diagnostics: [.error("", "the file is \(bytes.count) bytes, over the limit of \(limits.maxBytes)")], format: format)
        }
        let root: DocumentNode
        do {
            root = try parse(bytes, format: format)
        } catch {
            return Result(file: nil, diagnostics: [error.diagnostic], format: format)
        }
        var decoder = ProjectDecoder(limits: limits)
        let decoded = decoder.decode(root)
        var diagnostics = decoder.diagnostics
        if let decoded, !diagnostics.hasErrors {
            diagnostics += ProjectValidator().validate(decoded)
        }
        if diagnostics.contains(where: { $0.position == nil && !$0.path.isEmpty }) {
            diagnostics = PositionIndex(root).attach(to: diagnostics)
        }
        return Result(file: diagnostics.hasErrors ? nil : decoded, diagnostics: diagnostics, format: format)
    }

    private func parse(_ bytes: [UInt8], format: DocumentFormat) throws(DocumentError) -> DocumentNode {
        switch format {
        case .json:
            return try JSONReader.read(bytes, limits: limits)
        case .yaml:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw DocumentError("the file is not valid UTF-8")
            }
            return try YAMLReader.read(text, limits: limits)
        }
    }
}
