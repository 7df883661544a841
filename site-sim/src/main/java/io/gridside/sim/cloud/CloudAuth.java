package io.gridside.sim.cloud;

import com.sun.net.httpserver.Headers;
import io.gridside.link.auth.CredentialCheck;
import io.gridside.link.auth.CredentialRefusedException;
import io.gridside.link.auth.Refusal;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncHeaders;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The checks the cloud makes of every request's headers, in the order docs/sync.md gives: present and well
 * formed, a schema it reads, a laptop not reported lost, a credential signed by a trusted operator key, valid
 * now, for the site, and not revoked.
 */
final class CloudAuth {

    /** The oldest console store schema the cloud reads: the one that brought the sync outbox. */
    static final int MIN_SCHEMA = 19;

    /** Who sent a request that passed every check. */
    record Caller(String laptopId, int schema, SignedCredential credential) {
    }

    private CloudAuth() {
    }

    /**
     * Checks {@code headers} of a request about {@code site}.
     *
     * @throws CloudException with the first rule broken
     */
    static Caller check(Connection connection, Headers headers, String site, TrustedOperators trusted, Instant now)
            throws SQLException {
        String siteHeader = required(headers, SyncHeaders.SITE);
        if (!siteHeader.equals(site)) {
            throw bad("The " + SyncHeaders.SITE + " header names site " + siteHeader + " but the path names " + site
                    + "; send both for the same site.");
        }
        int schema = schema(required(headers, SyncHeaders.SCHEMA));
        String laptop = laptop(required(headers, SyncHeaders.LAPTOP));
        SignedCredential credential = credential(required(headers, SyncHeaders.CREDENTIAL));
        if (Sql.number(connection, 0, "SELECT COUNT(*) FROM lost_laptop WHERE laptop_id = ?", laptop) > 0) {
            throw new CloudException(403, SyncErrors.LAPTOP_REPORTED_LOST, "This laptop (" + laptop + ") was reported "
                    + "lost, so the cloud takes nothing from it; ask your supervisor.");
        }
        checkCredential(credential, site, trusted, now);
        TechnicianCredential held = credential.credential();
        boolean technicianRevoked = revoked(connection, "technician", held.technicianId());
        boolean keyRevoked = held.technicianKey() != null && revoked(connection, "key", held.technicianKey().hex());
        if (technicianRevoked || keyRevoked) {
            throw new CloudException(403, SyncErrors.CREDENTIAL_REVOKED, "The credential of " + held.technicianId()
                    + " was revoked" + (keyRevoked ? " (its key was reported lost)" : "") + "; sync stops. Ask "
                    + "your supervisor for a new credential.");
        }
        return new Caller(laptop, schema, credential);
    }

    private static void checkCredential(SignedCredential credential, String site, TrustedOperators trusted,
            Instant now) {
        try {
            new CredentialCheck(trusted, site).check(credential.signed(), credential.signature(), now);
        } catch (CredentialRefusedException e) {
            if (e.refusal() == Refusal.WRONG_SITE) {
                throw new CloudException(403, SyncErrors.SITE_NOT_ALLOWED, "The credential of "
                        + credential.technicianId() + " does not cover site " + site + "; sync with a credential "
                        + "for this site.");
            }
            throw new CloudException(401, SyncErrors.CREDENTIAL_INVALID, "The cloud refused the credential ["
                    + e.code() + "]: " + e.getMessage());
        }
    }

    // KNOWN SHORTCOMING: the cloud's revoked technicians and keys are one list for all sites and operators, since
    // the simulated cloud serves one operator; a real cloud keeps one per operator key.
    private static boolean revoked(Connection connection, String kind, String value) throws SQLException {
        return Sql.number(connection, 0, "SELECT COUNT(*) FROM revoked WHERE kind = ? AND value = ?", kind,
                value) > 0;
    }

    private static String required(Headers headers, String name) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw bad("The request lacks the " + name + " header; every sync request carries it.");
        }
        return value.strip();
    }

    private static int schema(String text) {
        int schema;
        try {
            schema = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad("The " + SyncHeaders.SCHEMA + " header is '" + text + "', not a whole number.");
        }
        if (schema < MIN_SCHEMA) {
            throw new CloudException(400, SyncErrors.SCHEMA_UNSUPPORTED, "The laptop's site store has schema "
                    + schema + " and the cloud reads " + MIN_SCHEMA + " or later; update the console.");
        }
        return schema;
    }

    private static String laptop(String text) {
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw bad("The " + SyncHeaders.LAPTOP + " header is '" + text + "', not a UUID.");
        }
    }

    private static SignedCredential credential(String text) {
        int dot = text.indexOf('.');
        try {
            if (dot < 0) {
                throw new IllegalArgumentException("there is no '.' between the credential and its signature");
            }
            Base64.Decoder base64 = Base64.getUrlDecoder();
            return SignedCredential.of(ByteString.of(base64.decode(text.substring(0, dot))),
                    ByteString.of(base64.decode(text.substring(dot + 1))));
        } catch (IllegalArgumentException e) {
            throw new CloudException(401, SyncErrors.CREDENTIAL_INVALID, "The " + SyncHeaders.CREDENTIAL + " header "
                    + "is not a credential (" + e.getMessage() + "); sync with your credential file.");
        }
    }

    /** The header value of {@code credential}: {@code base64url(signed) "." base64url(signature)}. */
    static String header(SignedCredential credential) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(credential.signed().toByteArray()) + "."
                + base64.encodeToString(credential.signature().toByteArray());
    }

    private static CloudException bad(String message) {
        return new CloudException(400, SyncErrors.BAD_REQUEST, message);
    }
}
