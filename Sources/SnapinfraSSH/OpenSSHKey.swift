import Crypto
import Foundation

/// Ed25519 keys in OpenSSH's own files: the private key as `ssh-keygen -t ed25519` writes it
/// (`openssh-key-v1`, unencrypted), and public keys' SHA256 fingerprints as `ssh-keygen -l` shows
/// them.
enum OpenSSHKey {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let magic = Array("openssh-key-v1".utf8) + [0]

    /// The key in an OpenSSH private key file.
    static func parse(_ text: String) throws(Failure) -> Curve25519.Signing.PrivateKey {
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard text.contains("BEGIN OPENSSH PRIVATE KEY"), let data = Data(base64Encoded: body) else {
            throw Failure(description: "not an OpenSSH private key (ssh-keygen -t ed25519 writes one)")
        }
        var reader = Reader(bytes: Array(data))
        guard reader.take(magic.count) == magic else { throw Failure(description: "not an openssh-key-v1 file") }
        guard let cipher = reader.string(), let kdf = reader.string(), reader.string() != nil else {
            throw Failure(description: "the key file is cut short")
        }
        guard cipher == Array("none".utf8), kdf == Array("none".utf8) else {
            throw Failure(description: "the key has a passphrase; give one without (ssh-keygen -p -N '' -f FILE)")
        }
        guard reader.uint32() == 1, reader.string() != nil, let secret = reader.string() else {
            throw Failure(description: "the key file holds no single key")
        }
        var inner = Reader(bytes: secret)
        guard let check1 = inner.uint32(), let check2 = inner.uint32(), check1 == check2 else {
            throw Failure(description: "the key file is damaged (check bytes differ)")
        }
        guard inner.string() == Array("ssh-ed25519".utf8) else { throw Failure(description: "only ed25519 host keys are supported") }
        guard inner.string()?.count == 32, let pair = inner.string(), pair.count == 64 else {
            throw Failure(description: "the ed25519 key has the wrong length")
        }
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: pair[0..<32])
        } catch {
            throw Failure(description: "the ed25519 key cannot be read: \(error)")
        }
    }

    /// The key as an OpenSSH private key file.
    static func serialize(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = Array(key.publicKey.rawRepresentation)
        let blob = string(Array("ssh-ed25519".utf8)) + string(publicKey)
        let check = UInt32.random(in: 0...UInt32.max)
        var secret = uint32(check) + uint32(check) + string(Array("ssh-ed25519".utf8)) + string(publicKey)
        secret += string(Array(key.rawRepresentation) + publicKey) + string(Array(comment.utf8))
        var pad: UInt8 = 1
        while secret.count % 8 != 0 {
            secret.append(pad)
            pad += 1
        }
        let none = Array("none".utf8)
        let file = magic + string(none) + string(none) + string([]) + uint32(1) + string(blob) + string(secret)
        let base64 = Data(file).base64EncodedString()
        var lines: [String] = []
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(70)))
            rest = rest.dropFirst(70)
        }
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + lines.joined(separator: "\n") + "\n-----END OPENSSH PRIVATE KEY-----\n"
    }

    /// `SHA256:…` of a public key given as `ssh-ed25519 AAAA…`, as `ssh-keygen -l` prints it.
    static func fingerprint(openSSHPublicKey: String) -> String {
        let parts = openSSHPublicKey.split(separator: " ")
        guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])) else { return "SHA256:?" }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    private static func uint32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    private static func string(_ bytes: [UInt8]) -> [UInt8] { uint32(UInt32(bytes.count)) + bytes }

    struct Reader {
        var bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, offset + count <= bytes.count else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func uint32() -> UInt32? {
            guard let four = take(4) else { return nil }
            return four.reduce(0) { $0 << 8 | UInt32($1) }
        }

        mutating func string() -> [UInt8]? {
            guard let length = uint32(), length <= 1 << 20 else { return nil }
            return take(Int(length))
        }
    }
}
