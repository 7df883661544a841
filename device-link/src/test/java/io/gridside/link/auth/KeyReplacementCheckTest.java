package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.KeyReplacementCheck.Rule;
import io.gridside.link.message.HelloReply;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes a console accept an operator's record of a gateway's new key, and each thing that makes it refuse. */
class KeyReplacementCheckTest {

    private static final ByteString PINNED = SampleMessages.GATEWAY_KEY.publicKey();
    private static final SigningKey NEW_KEY = TestCredentials.REPLACEMENT_GATEWAY_KEY;
    private static final Instant LAPTOP_CLOCK = TestCredentials.RECORD_ISSUED_AT.plus(Duration.ofHours(2));
    /** The answer of the replacement gateway, which proves it holds the new key. */
    private static final HelloReply REPLY = HelloProof.sign(SampleMessages.hello(), SampleMessages.helloReply(),
            NEW_KEY);

    private final KeyReplacementCheck technicianCheck =
            new KeyReplacementCheck(TestCredentials.technician(), LAPTOP_CLOCK);

    @Test
    void acceptsTheOperatorsRecordOfTheKeyTheGatewayProvedInATechniciansSession() {
        assertThatCode(() -> technicianCheck.check(TestCredentials.keyReplacement(), REPLY, PINNED))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesARecordOfAnotherOperatorThanTheCredentials() {
        GatewayKeyReplacement theirs = new GatewayKeyReplacement(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID,
                NEW_KEY.publicKey(), Ed25519.keyDigest(PINNED), TestCredentials.RECORD_ISSUED_AT,
                TestCredentials.RECORD_ISSUED_AT.plus(Duration.ofDays(7)), "replaced", "other-operator");

        assertRefused(TestCredentials.STRANGER.sign(theirs), Rule.NOT_THE_CREDENTIALS_OPERATOR, "other-operator");
    }

    @Test
    void refusesARecordSignedByAKeyThatTakesTheOperatorsKeyId() {
        OperatorSigningKey impostor = new OperatorSigningKey(TestCredentials.OPERATOR.keyId(),
                TestCredentials.STRANGER.key());

        assertRefused(impostor.sign(TestCredentials.keyReplacement().replacement()),
                Rule.NOT_THE_CREDENTIALS_OPERATOR, "did not sign your credential");
    }

    @Test
    void refusesARecordForASiteTheCredentialDoesNotCover() {
        SignedCredential elsewhere = TestCredentials.OPERATOR.sign(TestCredentials.credential(Role.TECHNICIAN,
                List.of("site-other")));

        assertThatThrownBy(() -> new KeyReplacementCheck(elsewhere, LAPTOP_CLOCK)
                .check(TestCredentials.keyReplacement(), REPLY, PINNED))
                .isInstanceOfSatisfying(KeyReplacementRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.NOT_THE_CREDENTIALS_OPERATOR))
                .hasMessageContaining("does not cover site " + SampleMessages.SITE_ID);
    }

    @Test
    void refusesARecordWhoseSignatureDoesNotVerify() {
        SignedKeyReplacement genuine = TestCredentials.keyReplacement();
        byte[] signature = genuine.signature().toByteArray();
        signature[0] ^= 1;

        assertRefused(new SignedKeyReplacement(genuine.replacement(), genuine.signed(), ByteString.of(signature),
                genuine.operatorKey()), Rule.BAD_SIGNATURE, "signature");
    }

    @Test
    void refusesARecordForAnotherSite() {
        GatewayKeyReplacement sample = TestCredentials.keyReplacement().replacement();
        SignedCredential everywhere = TestCredentials.OPERATOR.sign(TestCredentials.credential(Role.TECHNICIAN,
                List.of(TechnicianCredential.ALL_SITES)));
        SignedKeyReplacement otherSite = TestCredentials.OPERATOR.sign(new GatewayKeyReplacement("site-other",
                sample.gatewayId(), sample.gatewayKey(), sample.replacedKeySha256(), sample.issuedAt(),
                sample.notAfter(), sample.reason(), sample.operatorKeyId()));

        assertThatThrownBy(() -> new KeyReplacementCheck(everywhere, LAPTOP_CLOCK).check(otherSite, REPLY, PINNED))
                .isInstanceOfSatisfying(KeyReplacementRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.WRONG_SITE))
                .hasMessageContaining("site-other");
    }

    @Test
    void refusesARecordForAnotherGateway() {
        assertRefused(sign("gw-0099", NEW_KEY.publicKey(), PINNED, TestCredentials.RECORD_ISSUED_AT),
                Rule.WRONG_GATEWAY, "gw-0099");
    }

    @Test
    void refusesARecordOfAnotherKeyThanTheGatewayProved() {
        SigningKey other = SigningKey.fromSeed(ByteString.fromHex("05".repeat(32)));

        assertRefused(sign(SampleMessages.GATEWAY_ID, other.publicKey(), PINNED, TestCredentials.RECORD_ISSUED_AT),
                Rule.WRONG_KEY, other.fingerprint());
    }

    @Test
    void refusesARecordThatReplacesAnotherKeyThanThePinnedOne() {
        ByteString older = SigningKey.fromSeed(ByteString.fromHex("06".repeat(32))).publicKey();

        assertRefused(sign(SampleMessages.GATEWAY_ID, NEW_KEY.publicKey(), older, TestCredentials.RECORD_ISSUED_AT),
                Rule.WRONG_PIN, Ed25519.fingerprint(older));
    }

    @Test
    void refusesARecordOutsideItsWindowByTheLaptopsClock() {
        SignedKeyReplacement record = TestCredentials.keyReplacement();
        Instant before = TestCredentials.RECORD_ISSUED_AT.minusSeconds(1);
        Instant end = record.replacement().notAfter();

        assertThatThrownBy(() -> new KeyReplacementCheck(TestCredentials.technician(), before)
                .check(record, REPLY, PINNED))
                .isInstanceOfSatisfying(KeyReplacementRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.NOT_YET_VALID));
        assertThatThrownBy(() -> new KeyReplacementCheck(TestCredentials.technician(), end)
                .check(record, REPLY, PINNED))
                .isInstanceOfSatisfying(KeyReplacementRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.EXPIRED))
                .hasMessageContaining("expired at " + end);
        assertThatCode(() -> new KeyReplacementCheck(TestCredentials.technician(), end.minusSeconds(1))
                .check(record, REPLY, PINNED)).doesNotThrowAnyException();
    }

    private static SignedKeyReplacement sign(String gatewayId, ByteString newKey, ByteString replaced,
            Instant issuedAt) {
        return TestCredentials.OPERATOR.sign(TestCredentials.replacement(gatewayId, newKey, replaced, issuedAt));
    }

    private void assertRefused(SignedKeyReplacement record, Rule rule, String message) {
        assertThatThrownBy(() -> technicianCheck.check(record, REPLY, PINNED))
                .isInstanceOfSatisfying(KeyReplacementRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessageContaining(message);
    }
}
