package io.newsflow.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may use a service's own routes on the {@link OpsServer}: the address the server binds and the bearer token.
 * The operator endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}) are open whatever this says.
 *
 * <ul>
 *   <li>a token set: every other route needs {@code Authorization: Bearer <token>} (compared in constant time), 401 without;
 *       routes marked {@link OpsServer.Route#open open} (static files with no data) are served without it;</li>
 *   <li>no token, a loopback address: every route is served (only this machine can connect);</li>
 *   <li>no token, any other address: the other routes answer 403, so nothing but the operator endpoints is exposed
 *       by accident (metrics scraped from another container keep working).</li>
 * </ul>
 *
 * @param host  the address the server binds
 * @param token the bearer token, or null for none
 * @param tokenVariable the setting that holds the token, named in the answers that ask for it
 */
public record Access(String host, String token, String tokenVariable) {

    public Access {
        token = token == null || token.isBlank() ? null : token.strip();
    }

    /** The token masked: settings get printed. */
    @Override
    public String toString() {
        return "Access[host=" + host + ", token=" + (token == null ? "none" : "***") + "]";
    }

    /** Whether the host is a loopback address ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}). */
    public boolean loopback() {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
            return false; // a name other than localhost: not looked up, taken as exposed
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether routes other than the operator endpoints are served at all. */
    public boolean serving() {
        return token != null || loopback();
    }

    /** Whether a request with this {@code Authorization} header may use a guarded route. */
    public boolean admits(String authorization) {
        if (token == null) {
            return loopback();
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // digests of both: equal length, so the comparison takes the same time whatever was sent
        return MessageDigest.isEqual(sha256(token), sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
