package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway's check of a credential: each rule, and the code it refuses with. */
class CredentialCheckTest {

    private static final Instant CLOCK = SampleMessages.CLOCK;
    private static final CredentialCheck CHECK = new CredentialCheck(TestCredentials.trusted(),
            SampleMessages.SITE_ID);

    @Test
    void acceptsACredentialOfATrustedOperatorForThisSiteAndTime() throws Exception {
        SignedCredential technician = TestCredentials.technician();

        SignedCredential accepted = CHECK.check(technician.signed(), technician.signature(), CLOCK);

        assertThat(accepted).isEqualTo(technician);
        assertThat(accepted.role()).isEqualTo(Role.TECHNICIAN);
    }

    @Test
    void refusesATamperedSignature() {
        SignedCredential technician = TestCredentials.technician();
        byte[] signature = technician.signature().toByteArray();
        signature[0] ^= 0x01;

        assertRefused(technician.signed(), ByteString.of(signature), CLOCK, Refusal.BAD_SIGNATURE,
                "AUTH_BAD_SIGNATURE", "altered");
    }

    @Test
    void refusesACredentialWhoseRoleWasRaisedAfterSigning() {
        SignedCredential technician = TestCredentials.technician();
        Map<String, Object> raised = technician.credential().toCbor();
        raised.put("role", "supervisor");

        assertRefused(ByteString.of(DeterministicCbor.encode(raised)), technician.signature(), CLOCK,
                Refusal.BAD_SIGNATURE, "AUTH_BAD_SIGNATURE", TestCredentials.TECHNICIAN_ID);
    }

    @Test
    void refusesACredentialOfAnOperatorItDoesNotTrust() {
        SignedCredential foreign = TestCredentials.STRANGER.sign(new TechnicianCredential("T-9", "Juma",
                Role.SUPERVISOR, List.of("*"), CLOCK.minusSeconds(60), CLOCK.plusSeconds(60), Map.of(),
                TestCredentials.STRANGER.keyId()));

        assertRefused(foreign.signed(), foreign.signature(), CLOCK, Refusal.UNKNOWN_OPERATOR,
                "AUTH_UNKNOWN_OPERATOR", "other-operator");
    }

    @Test
    void refusesACredentialSignedByAnotherKeyUnderATrustedKeysId() {
        SignedCredential forged = new OperatorSigningKey(TestCredentials.OPERATOR.keyId(), SigningKey.generate())
                .sign(TestCredentials.credential(Role.SUPERVISOR, List.of("*")));

        assertRefused(forged.signed(), forged.signature(), CLOCK, Refusal.BAD_SIGNATURE, "AUTH_BAD_SIGNATURE",
                "test-operator");
    }

    @Test
    void refusesBeforeNotBeforeAndFromNotAfterOnByTheGatewaysClock() {
        SignedCredential technician = TestCredentials.technician();
        Instant notBefore = technician.credential().notBefore();
        Instant notAfter = technician.credential().notAfter();

        assertRefused(technician.signed(), technician.signature(), notBefore.minusSeconds(1), Refusal.NOT_YET_VALID,
                "AUTH_NOT_YET_VALID", notBefore.toString());
        assertRefused(technician.signed(), technician.signature(), notAfter, Refusal.EXPIRED, "AUTH_EXPIRED",
                notAfter.toString());
        assertRefused(technician.signed(), technician.signature(), notAfter.plus(Duration.ofDays(400)),
                Refusal.EXPIRED, "AUTH_EXPIRED", "expired");
    }

    @Test
    void refusesACredentialForOtherSites() {
        SignedCredential elsewhere = TestCredentials.OPERATOR.sign(
                TestCredentials.credential(Role.SUPERVISOR, List.of("site-mto", "site-pwani")));

        assertRefused(elsewhere.signed(), elsewhere.signature(), CLOCK, Refusal.WRONG_SITE, "AUTH_WRONG_SITE",
                "site-kisima");
    }

    @Test
    void refusesBytesThatAreNotACredential() {
        assertRefused(ByteString.fromHex("a0"), TestCredentials.technician().signature(), CLOCK,
                Refusal.CREDENTIAL_MALFORMED, "AUTH_CREDENTIAL_MALFORMED", "type");
        assertRefused(ByteString.fromHex("ff"), TestCredentials.technician().signature(), CLOCK,
                Refusal.CREDENTIAL_MALFORMED, "AUTH_CREDENTIAL_MALFORMED", "CBOR");
    }

    @Test
    void checksTheSignatureBeforeTheTimeSoAForgedWindowIsABadSignature() {
        SignedCredential technician = TestCredentials.technician();
        Map<String, Object> extended = technician.credential().toCbor();
        extended.put("notAfter", "2099-01-01T00:00:00Z");

        assertRefused(ByteString.of(DeterministicCbor.encode(extended)), technician.signature(),
                Instant.parse("2098-01-01T00:00:00Z"), Refusal.BAD_SIGNATURE, "AUTH_BAD_SIGNATURE", "altered");
    }

    private static void assertRefused(ByteString signed, ByteString signature, Instant clock, Refusal refusal,
            String code, String sentenceHas) {
        assertThatThrownBy(() -> CHECK.check(signed, signature, clock))
                .isInstanceOfSatisfying(CredentialRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(refusal);
                    assertThat(e.code()).isEqualTo(code);
                })
                .hasMessageContaining(sentenceHas);
    }
}
