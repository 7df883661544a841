package io.gridside.link.testing;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.GatewayKeyReplacement;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.RevocationList;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.site.cbor.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Operator keys and credentials for link tests, from fixed seeds so that every run signs the same bytes. */
public final class TestCredentials {

    /** The operator that the fake gateway trusts. */
    public static final OperatorSigningKey OPERATOR = new OperatorSigningKey("test-operator",
            SigningKey.fromSeed(ByteString.fromHex("01".repeat(32))));
    /** An operator of some other company, whom the fake gateway does not trust. */
    public static final OperatorSigningKey STRANGER = new OperatorSigningKey("other-operator",
            SigningKey.fromSeed(ByteString.fromHex("02".repeat(32))));
    public static final String TECHNICIAN_ID = "T-0042";
    /** The identity key of the gateway that replaces the sample gateway, whose key is seed 03. */
    public static final SigningKey REPLACEMENT_GATEWAY_KEY = SigningKey.fromSeed(ByteString.fromHex("04".repeat(32)));
    /** When the sample key replacement record was issued: half an hour before the sample clock. */
    public static final Instant RECORD_ISSUED_AT = Instant.parse("2024-05-01T08:00:00Z");

    /** The technicians' own key, which the keyed credentials name and which signs their commands. */
    public static final SigningKey TECHNICIAN_KEY = SigningKey.fromSeed(ByteString.fromHex("05".repeat(32)));

    /** The technician key of a laptop reported lost, which the sample revocation list revokes. */
    public static final SigningKey LOST_LAPTOP_KEY = SigningKey.fromSeed(ByteString.fromHex("06".repeat(32)));

    private TestCredentials() {
    }

    public static TrustedOperators trusted() {
        return TrustedOperators.of(OPERATOR.publicKey());
    }

    /** A technician's credential for the sample site, valid a day either side of the sample clock. */
    public static SignedCredential technician() {
        return OPERATOR.sign(credential(Role.TECHNICIAN, List.of(SampleMessages.SITE_ID)));
    }

    public static SignedCredential supervisor() {
        return OPERATOR.sign(credential(Role.SUPERVISOR, List.of(SampleMessages.SITE_ID)));
    }

    /** A technician's credential of the second version, naming {@link #TECHNICIAN_KEY}: it may move money. */
    public static SignedCredential keyedTechnician() {
        return OPERATOR.sign(credential(Role.TECHNICIAN, List.of(SampleMessages.SITE_ID))
                .withTechnicianKey(TECHNICIAN_KEY.publicKey()));
    }

    public static SignedCredential keyedSupervisor() {
        return OPERATOR.sign(credential(Role.SUPERVISOR, List.of(SampleMessages.SITE_ID))
                .withTechnicianKey(TECHNICIAN_KEY.publicKey()));
    }

    /** A session of {@code credential} that signs its commands with {@link #TECHNICIAN_KEY}. */
    public static Authentication signing(SignedCredential credential, GatewayPins pins) {
        return Authentication.of(credential, pins).signingWith(TECHNICIAN_KEY);
    }

    public static TechnicianCredential credential(Role role, List<String> sites) {
        Instant from = SampleMessages.CLOCK.minus(Duration.ofDays(1));
        return new TechnicianCredential(TECHNICIAN_ID, "Amina Wanjiru", role, sites, from,
                from.plus(Duration.ofDays(2)), Map.of("maxOfflineCashCreditMinor", 500_000L), OPERATOR.keyId());
    }

    /**
     * The operator's record that the sample site's gateway {@code newGatewayId} now holds {@code newKey} in place
     * of {@code replaced}, valid for a week from {@code issuedAt}; not yet signed.
     */
    public static GatewayKeyReplacement replacement(String newGatewayId, ByteString newKey, ByteString replaced,
            Instant issuedAt) {
        return new GatewayKeyReplacement(SampleMessages.SITE_ID, newGatewayId, newKey, Ed25519.keyDigest(replaced),
                issuedAt, issuedAt.plus(Duration.ofDays(7)), "gateway replaced after lightning damage",
                OPERATOR.keyId());
    }

    /** The sample record, as the protocol document's test vector has it: the sample gateway's key replaced. */
    public static SignedKeyReplacement keyReplacement() {
        return OPERATOR.sign(replacement(SampleMessages.GATEWAY_ID, REPLACEMENT_GATEWAY_KEY.publicKey(),
                SampleMessages.GATEWAY_KEY.publicKey(), RECORD_ISSUED_AT));
    }

    /**
     * The sample revocation list, as the protocol document's test vector has it: list 3 of the test operator,
     * revoking technician T-0017 and the key of a lost laptop.
     */
    public static SignedRevocationList revocationList() {
        return revocations(3, List.of("T-0017"), List.of(LOST_LAPTOP_KEY.publicKey()));
    }

    /** A revocation list of the test operator, issued when the sample key replacement record was. */
    public static SignedRevocationList revocations(long serial, List<String> technicianIds,
            List<ByteString> technicianKeys) {
        return OPERATOR.sign(new RevocationList(OPERATOR.keyId(), serial, RECORD_ISSUED_AT, technicianIds,
                technicianKeys));
    }
}
