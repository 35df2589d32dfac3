package io.jsylla;

import java.net.InetSocketAddress;

/**
 * Authentication SPI: one {@link Authenticator} per connection, for the SASL exchange the node
 * asks for. {@link SessionBuilder#user(String, String)} installs {@link #plainText}; other
 * mechanisms (Kerberos, LDAP proxies...) plug in here.
 */
public interface AuthProvider {

    /**
     * An authenticator for one new connection.
     *
     * @param node the node being connected to
     * @param serverAuthenticator the class the node named in its AUTHENTICATE message
     */
    Authenticator newAuthenticator(InetSocketAddress node, String serverAuthenticator);

    /** One connection's side of a SASL exchange. Tokens may be null. */
    interface Authenticator {
        /** The first AUTH_RESPONSE token. */
        byte[] initialResponse();

        /** The answer to an AUTH_CHALLENGE token. */
        byte[] evaluateChallenge(byte[] challenge);

        /** The exchange succeeded; the final token, if any. */
        default void onSuccess(byte[] token) {
        }
    }

    /** SASL PLAIN with a user name and password; the password appears in no log or toString. */
    static AuthProvider plainText(String user, String password) {
        return new PlainTextAuthProvider(user, password);
    }
}
