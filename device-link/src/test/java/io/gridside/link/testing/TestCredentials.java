package io.gridside.link.testing;

import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
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

    public static TechnicianCredential credential(Role role, List<String> sites) {
        Instant from = SampleMessages.CLOCK.minus(Duration.ofDays(1));
        return new TechnicianCredential(TECHNICIAN_ID, "Amina Wanjiru", role, sites, from,
                from.plus(Duration.ofDays(2)), Map.of("maxOfflineCashCreditMinor", 500_000L), OPERATOR.keyId());
    }
}
