import Foundation

/// A security control, with the checkov checks it corresponds to.
public struct SecurityControl: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var checkovIDs: [String]
}

/// A suggested change to a design, with what it costs, what it fixes and how risky it is.
public struct Enhancement: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case low, medium, high
    }

    /// What applying it can do to a running system.
    public enum Risk: String, Sendable, Hashable, Codable {
        case none
        case downtime
        case dataLoss = "data-loss"
        /// A term that cannot be cancelled: the commitment is paid whether the capacity is used or not.
        case commitment
    }

    public var id: String
    public var title: String
    public var category: EnhancementCategory
    public var severity: Severity
    public var rationale: String
    /// Which rule fired on which inputs.
    public var trigger: String
    public var risk: Risk
    public var reversible: Bool
    /// Input the user must give before it works (a certificate ARN), if any.
    public var needsInput: String?
    public var conflicts: [String]
    public var requires: [String]
    public var controls: [SecurityControl]
    /// Monthly cost change from the same estimator, and the total after applying it alone.
    public var monthlyCostDelta: Decimal
    /// Change of the security score (0–100) when applied; nil if the design could not be rendered.
    public var securityScoreDelta: Double?
    /// Derived from the facts above, never from words: no risk, reversible, no input needed, and a
    /// cost increase under the threshold (`EnhancementEngine.safeCostThreshold`).
    public var safe: Bool
    /// The value to ask for when it is switched on, if it is one Snapinfra takes.
    public var input: EnhancementInput? = nil
}

/// An enhancement that cannot be applied as asked.
public struct EnhancementError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
