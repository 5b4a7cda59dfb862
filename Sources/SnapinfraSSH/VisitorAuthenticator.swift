import NIOCore
import NIOSSH

/// Accepts every visitor: with a key (its fingerprint keys their drafts), or without one, when
/// any password (an empty one too) is accepted. Nothing to sign up for. "none" is refused so that
/// a client with a key offers it.
final class VisitorAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    let visitor: Visitor

    init(visitor: Visitor) {
        self.visitor = visitor
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { [.publicKey, .password] }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        switch request.request {
        case .publicKey(let offer):
            // The signature is checked by NIOSSH before this is called.
            visitor.authenticated(user: request.username, key: OpenSSHKey.fingerprint(openSSHPublicKey: String(openSSHPublicKey: offer.publicKey)))
            responsePromise.succeed(.success)
        case .password:
            visitor.authenticated(user: request.username, key: nil)
            responsePromise.succeed(.success)
        default:
            responsePromise.succeed(.failure)
        }
    }
}
