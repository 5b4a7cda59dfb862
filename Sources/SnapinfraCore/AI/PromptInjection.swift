/// Text addressed to a language model rather than describing a project, and model advice that
/// contradicts a guard rail.
///
/// A project's description reaches the model only as delimited data, and whatever it says, the
/// guard rails hold. These checks exist so that people are *told*: an instruction hidden in a
/// description is a warning in `validate`, `design` and the UI, and advice that would break a
/// guard rail is dropped with a note instead of shown.
public enum PromptInjection {
    /// Phrases that speak to a model, compared after lower-casing and folding runs of white space.
    /// Each is specific enough not to occur in an honest project description.
    public static let phrases: [String] = [
        "ignore previous instructions", "ignore all previous", "ignore the above", "ignore your instructions",
        "disregard previous", "disregard the above", "disregard your instructions", "forget your instructions",
        "forget all previous", "new instructions:", "system prompt", "you are now", "you must now", "act as the system",
        "as the ai model", "override the rules", "override your rules", "do not follow the rules",
        "</project_data>", "<|im_start|>", "<|system|>", "[system]", "assistant:",
        "open port 22", "open ssh to", "allow ssh from anywhere", "0.0.0.0/0",
        "make the bucket public", "make the s3 bucket public", "public-read", "disable encryption", "turn off encryption",
        "disable the guard rails", "add an iam user", "create an iam user", "aws_iam_user", "aws_access_key",
    ]

    /// The phrases found in a text, in the list's order.
    public static func phrases(in text: String) -> [String] {
        let folded = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return phrases.filter { folded.contains($0) }
    }

    /// A warning for a project text that holds instructions addressed to a model, or nil.
    public static func warning(_ text: String?, path: String) -> Diagnostic? {
        guard let text else { return nil }
        let found = phrases(in: text)
        guard !found.isEmpty else { return nil }
        let quoted = found.prefix(3).map { DisplayText.quoted($0) }.joined(separator: ", ")
        return .warning(
            path,
            "contains instructions addressed to a language model (\(quoted)); the text is only ever data to a model and the guard rails hold whatever it says"
        )
    }

    /// Why a piece of model advice contradicts a guard rail, or nil: opening SSH or RDP to the
    /// world, a public bucket, encryption off, long-lived IAM user keys.
    public static func contradiction(_ advice: String) -> String? {
        let text = advice.lowercased()
        let world = text.contains("0.0.0.0/0") || text.contains("::/0") || text.contains("the world") || text.contains("anywhere")
        let numbers = Set(text.split { !$0.isNumber }.compactMap { Int($0) })
        if world && (numbers.contains(22) || numbers.contains(3_389) || text.contains("ssh") || text.contains("rdp")) {
            return "SSH (22) or RDP (3389) must not be open to the world"
        }
        if (text.contains("public") && text.contains("bucket") && !text.contains("block public")) || text.contains("public-read") {
            return "buckets stay private, with every public-access block on"
        }
        if text.contains("disable encryption") || text.contains("turn off encryption") || text.contains("without encryption") {
            return "storage stays encrypted at rest"
        }
        if text.contains("iam user") || text.contains("access key") {
            return "the app uses roles, never long-lived IAM user keys"
        }
        return nil
    }
}
