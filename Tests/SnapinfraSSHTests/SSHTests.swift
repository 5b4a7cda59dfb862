import Crypto
import Foundation
import NIOSSH
import Testing

@testable import SnapinfraSSH

/// The fixtures are throwaway keys made with `ssh-keygen -t ed25519` for these tests only.
@Suite struct OpenSSHKeyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ssh")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aKeyFromSSHKeygenIsReadAndFingerprintedAsSSHKeygenDoes() throws {
        let key = try OpenSSHKey.parse(try Self.text("ed25519-fixture-key"))
        let publicKey = try Self.text("ed25519-fixture-key.pub").split(separator: " ").prefix(2).joined(separator: " ")
        #expect(String(openSSHPublicKey: NIOSSHPrivateKey(ed25519Key: key).publicKey) == publicKey)
        // What `ssh-keygen -lf ed25519-fixture-key.pub` printed.
        #expect(HostKey.fingerprint(key) == "SHA256:3WNjMy8R/jNHIPhbiyl2EyWdBdCUl48AUtc3evK70Us")
        #expect(OpenSSHKey.fingerprint(openSSHPublicKey: publicKey) == "SHA256:3WNjMy8R/jNHIPhbiyl2EyWdBdCUl48AUtc3evK70Us")
    }

    @Test func whatWeWriteReadsBackAsTheSameKey() throws {
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHKey.serialize(key, comment: "snapinfra")
        #expect(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 70 || $0.hasPrefix("-----") })
        #expect(try OpenSSHKey.parse(text).rawRepresentation == key.rawRepresentation)
    }

    @Test func keysThatCannotBeUsedSayWhy() throws {
        #expect(throws: OpenSSHKey.Failure.self) { try OpenSSHKey.parse("not a key") }
        let locked = try Self.text("ed25519-with-passphrase")
        do throws(OpenSSHKey.Failure) {
            _ = try OpenSSHKey.parse(locked)
            Issue.record("a key with a passphrase was read")
        } catch {
            #expect(error.description.contains("has a passphrase"))
        }
        let cut = try Self.text("ed25519-fixture-key").split(separator: "\n")
        do throws(OpenSSHKey.Failure) {
            _ = try OpenSSHKey.parse(([cut[0], cut[1], cut.last ?? ""]).joined(separator: "\n"))
            Issue.record("a cut key was read")
        } catch {
            #expect(!error.description.isEmpty)
        }
    }

    @Test func theHostKeyIsGeneratedOnceAndKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-hostkey-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ssh/host_ed25519_key").path
        let first = try HostKey.load(path: path, create: true)
        #expect(first.created)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = try HostKey.load(path: path, create: true)
        #expect(!again.created)
        #expect(again.fingerprint == first.fingerprint)
        #expect(throws: OpenSSHKey.Failure.self) { try HostKey.load(path: path + ".missing", create: false) }
    }
}

@Suite struct SSHSettingsTests {
    @Test func addressesAreHostAndPortOrAPortAlone() {
        func parsed(_ text: String) -> String? { SSHSettings.address(text).map { "\($0.host) \($0.port)" } }
        #expect(parsed("2222") == "127.0.0.1 2222")
        #expect(parsed("0.0.0.0:22") == "0.0.0.0 22")
        #expect(parsed("[::1]:2200") == "::1 2200")
        #expect(parsed("localhost:0") == "localhost 0")
        #expect(parsed("host:99999") == nil)
        #expect(parsed("host:") == nil)
        #expect(parsed(":22") == nil)
    }

    @Test func theStateFolderFollowsXDG() {
        #expect(HostKey.stateRoot(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/snapinfra/ssh")
        #expect(HostKey.stateRoot(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/snapinfra/ssh")
    }
}

@Suite struct VisitorHomeTests {
    @Test func eachKeyAndEachCodeHasAFolderOfItsOwn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapinfra-visitors-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let alice = Visitor(address: "127.0.0.1:1")
        alice.authenticated(user: "alice", key: "SHA256:alice")
        let bob = Visitor(address: "127.0.0.1:2")
        bob.authenticated(user: "alice", key: "SHA256:bob")
        let a = try VisitorHome.resolve(alice, stateRoot: root, demo: false)
        #expect(try VisitorHome.resolve(alice, stateRoot: root, demo: false).path == a.path)
        #expect(try VisitorHome.resolve(bob, stateRoot: root, demo: false).path != a.path)
        #expect(a.code == nil)
        // Without a key: a new code, which as the user name later finds the same folder.
        let keyless = Visitor(address: "127.0.0.1:3")
        keyless.authenticated(user: "guest", key: nil)
        let first = try VisitorHome.resolve(keyless, stateRoot: root, demo: false)
        let code = try #require(first.code)
        #expect(VisitorHome.isCode(code))
        let back = Visitor(address: "127.0.0.1:4")
        back.authenticated(user: code.uppercased(), key: nil)
        #expect(try VisitorHome.resolve(back, stateRoot: root, demo: false).path == first.path)
        // A made-up code that was never given out gets a new folder.
        let guess = Visitor(address: "127.0.0.1:5")
        guess.authenticated(user: "abcdefgh", key: nil)
        #expect(try VisitorHome.resolve(guess, stateRoot: root, demo: false).code != "abcdefgh")
    }

    @Test func theProgramGetsTheVisitorsFoldersAndNotTheServersEnvironment() throws {
        let home = VisitorHome(path: "/v/key-1", code: nil, scratch: false)
        let environment = home.environment(
            term: "screen", server: ["PATH": "/bin", "LANG": "de_DE.UTF-8", "OPENAI_API_KEY": "sk-secret", "XDG_STATE_HOME": "/srv"],
            demo: false, reconnect: "")
        #expect(environment["TERM"] == "screen")
        #expect(environment["XDG_STATE_HOME"] == "/v/key-1/state")
        #expect(environment["HOME"] == "/v/key-1")
        #expect(environment["LANG"] == "de_DE.UTF-8")
        #expect(environment["OPENAI_API_KEY"] == nil)
        #expect(environment["SNAPINFRA_FILE_ROOT"] == nil)
        let demo = VisitorHome(path: "/tmp/snapinfra-demo-x", code: nil, scratch: true).environment(term: "", server: [:], demo: true, reconnect: "")
        #expect(demo["SNAPINFRA_FILE_ROOT"] == "/tmp/snapinfra-demo-x")
        #expect(demo["TMPDIR"] == "/tmp/snapinfra-demo-x/tmp")
        #expect(demo["TERM"] == "xterm-256color")
        let coded = VisitorHome(path: "/v/code-x", code: "k7f3q9ab", scratch: false).environment(
            term: "xterm", server: [:], demo: false, reconnect: "ssh -p 2222 k7f3q9ab@localhost")
        #expect(coded["SNAPINFRA_SESSION_NOTE"] == "Session code k7f3q9ab: to come back to your drafts, connect with ssh -p 2222 k7f3q9ab@localhost")
    }
}
