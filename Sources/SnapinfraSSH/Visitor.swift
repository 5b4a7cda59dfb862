import Foundation

/// Who is on the other end of one SSH connection, as far as the server can tell: the user name
/// they gave and, when they signed with a key, its fingerprint.
final class Visitor: @unchecked Sendable {
    let address: String
    private let lock = NSLock()
    private var _user = ""
    private var _key: String?

    init(address: String) {
        self.address = address
    }

    var user: String { lock.withLock { _user } }
    /// `SHA256:…` of the key they signed with; nil without one.
    var key: String? { lock.withLock { _key } }

    func authenticated(user: String, key: String?) {
        lock.withLock {
            _user = user
            _key = key
        }
    }
}
