import Crypto
import Foundation
import NIOSSH

/// The server's host key: generated once and kept, so returning visitors never see "host key
/// changed", or the one given with `--host-key`.
enum HostKey {
    /// Where the generated key is kept: `$XDG_STATE_HOME/snapinfra/ssh/host_ed25519_key`.
    static func defaultPath(environment: [String: String]) -> String {
        stateRoot(environment: environment) + "/host_ed25519_key"
    }

    /// `$XDG_STATE_HOME/snapinfra/ssh`, or `~/.local/state/snapinfra/ssh`.
    static func stateRoot(environment: [String: String]) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? "/tmp") + "/.local/state"
        return base + "/snapinfra/ssh"
    }

    struct Loaded {
        var key: NIOSSHPrivateKey
        var fingerprint: String
        /// Whether it was generated just now.
        var created: Bool
    }

    /// Reads the key at `path`; when `create` and there is none, generates one and writes it there
    /// (0600, in a 0700 folder, atomically).
    static func load(path: String, create: Bool) throws(OpenSSHKey.Failure) -> Loaded {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path) {
            let key = try OpenSSHKey.parse(String(decoding: data, as: UTF8.self))
            return Loaded(key: NIOSSHPrivateKey(ed25519Key: key), fingerprint: fingerprint(key), created: false)
        }
        guard create else { throw OpenSSHKey.Failure(description: "\(path): no such file") }
        let key = Curve25519.Signing.PrivateKey()
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let temporary = path + ".tmp-\(getpid())"
            guard
                manager.createFile(
                    atPath: temporary, contents: Data(OpenSSHKey.serialize(key, comment: "snapinfra").utf8), attributes: [.posixPermissions: 0o600])
            else { throw OpenSSHKey.Failure(description: "\(path): cannot write the host key") }
            guard rename(temporary, path) == 0 else { throw OpenSSHKey.Failure(description: "\(path): cannot write the host key") }
        } catch let failure as OpenSSHKey.Failure {
            throw failure
        } catch {
            throw OpenSSHKey.Failure(description: "\(folder): \(error.localizedDescription)")
        }
        return Loaded(key: NIOSSHPrivateKey(ed25519Key: key), fingerprint: fingerprint(key), created: true)
    }

    static func fingerprint(_ key: Curve25519.Signing.PrivateKey) -> String {
        OpenSSHKey.fingerprint(openSSHPublicKey: String(openSSHPublicKey: NIOSSHPrivateKey(ed25519Key: key).publicKey))
    }
}
