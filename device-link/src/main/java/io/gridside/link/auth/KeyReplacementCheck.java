package io.gridside.link.auth;

import io.gridside.link.message.HelloReply;
import io.gridside.site.cbor.ByteString;
import java.time.Instant;

/**
 * The console's check of a gateway key replacement record, when a gateway proved a key other than the one pinned
 * for its site. The rules run in a fixed order and the first one broken is the refusal.
 *
 * <p>The trust anchor is the technician's own credential. The console holds no operator key of its own, and
 * the gateway that accepted the credential is the very one in doubt, so its acceptance proves nothing. But the
 * credential was given to this laptop by its operator, and its signature verifies only with that operator's
 * key: a record whose operator key also verifies the credential, names the same key id, and is for a site the
 * credential covers, comes from the operator that sent the technician there. The record's validity is judged
 * by the laptop's clock, for the same reason: the gateway's clock is that gateway's own word.
 */
public final class KeyReplacementCheck {

    /** The rule a record broke, in the order they are checked. */
    public enum Rule {
        /** The record's operator key did not sign the session's credential, or that does not cover its site. */
        NOT_THE_CREDENTIALS_OPERATOR,
        /** The signature is not the operator key's signature of the record. */
        BAD_SIGNATURE,
        /** The record is for another site than the gateway's. */
        WRONG_SITE,
        /** The record is for another gateway than the one that answered. */
        WRONG_GATEWAY,
        /** The record's new key is not the key the gateway proved. */
        WRONG_KEY,
        /** The record replaces another key than the one pinned. */
        WRONG_PIN,
        /** The laptop's clock is before the record's issuedAt. */
        NOT_YET_VALID,
        /** The laptop's clock is at or past the record's notAfter. */
        EXPIRED
    }

    private final SignedCredential credential;
    private final Instant clock;

    /**
     * @param credential the credential the session was opened with
     * @param clock the laptop's clock
     */
    public KeyReplacementCheck(SignedCredential credential, Instant clock) {
        this.credential = credential;
        this.clock = clock;
    }

    /**
     * Checks that {@code record} lets the console replace {@code pinnedKey} with the key that {@code reply}'s
     * gateway proved; the proof itself is checked before this.
     *
     * @throws KeyReplacementRefusedException with the first rule the record breaks
     */
    public void check(SignedKeyReplacement record, HelloReply reply, ByteString pinnedKey)
            throws KeyReplacementRefusedException {
        GatewayKeyReplacement replacement = record.replacement();
        checkOperator(record);
        if (!record.signatureVerifies()) {
            throw refused(Rule.BAD_SIGNATURE, "it does not carry a valid signature of operator key '"
                    + replacement.operatorKeyId() + "': it was altered or damaged");
        }
        if (!replacement.siteId().equals(reply.siteId())) {
            throw refused(Rule.WRONG_SITE, "it is for site " + replacement.siteId() + ", not " + reply.siteId());
        }
        if (!replacement.gatewayId().equals(reply.gatewayId())) {
            throw refused(Rule.WRONG_GATEWAY, "it is for gateway " + replacement.gatewayId() + ", but gateway "
                    + reply.gatewayId() + " answered");
        }
        if (!replacement.gatewayKey().equals(reply.gatewayKey())) {
            throw refused(Rule.WRONG_KEY, "it names the key " + replacement.gatewayKeyFingerprint()
                    + ", not the key the gateway proved");
        }
        if (!replacement.replaces(pinnedKey)) {
            throw refused(Rule.WRONG_PIN, "it replaces the key " + replacement.replacedFingerprint()
                    + ", but this laptop has " + Ed25519.fingerprint(pinnedKey) + " pinned");
        }
        checkTime(replacement);
    }

    private void checkOperator(SignedKeyReplacement record) throws KeyReplacementRefusedException {
        String recordKeyId = record.replacement().operatorKeyId();
        TechnicianCredential issued = credential.credential();
        if (!recordKeyId.equals(issued.operatorKeyId())) {
            throw refused(Rule.NOT_THE_CREDENTIALS_OPERATOR, "it is signed by operator key '" + recordKeyId
                    + "', but your credential by '" + issued.operatorKeyId() + "'");
        }
        if (!credential.signedBy(record.operatorKey())) {
            throw refused(Rule.NOT_THE_CREDENTIALS_OPERATOR, "the operator key beside it ("
                    + record.operatorKey().fingerprint() + ") did not sign your credential, so it is not your "
                    + "operator's key");
        }
        if (!issued.covers(record.replacement().siteId())) {
            throw refused(Rule.NOT_THE_CREDENTIALS_OPERATOR, "your credential does not cover site "
                    + record.replacement().siteId() + ", so its operator cannot vouch for that site's gateway here");
        }
    }

    private void checkTime(GatewayKeyReplacement replacement) throws KeyReplacementRefusedException {
        if (clock.isBefore(replacement.issuedAt())) {
            throw refused(Rule.NOT_YET_VALID, "it is valid only from " + replacement.issuedAt()
                    + " and this laptop's clock reads " + clock + "; check the laptop's clock");
        }
        if (!clock.isBefore(replacement.notAfter())) {
            throw refused(Rule.EXPIRED, "it expired at " + replacement.notAfter() + " by this laptop's clock, which "
                    + "reads " + clock);
        }
    }

    private static KeyReplacementRefusedException refused(Rule rule, String why) {
        return new KeyReplacementRefusedException(rule, "The gateway key replacement record was not accepted: "
                + why + ".");
    }
}
