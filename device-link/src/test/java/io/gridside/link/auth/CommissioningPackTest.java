package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.CommissioningSamples;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commissioning pack reads back as signed, from its bytes and from its file, and is checked rule by rule. */
class CommissioningPackTest {

    private static final SignedCommissioningPack PACK = CommissioningSamples.pack();

    @Test
    void readsBackFromItsSignedBytesAsTheOperatorSignedIt() {
        SignedCommissioningPack read = SignedCommissioningPack.of(PACK.signed(), PACK.signature());

        assertThat(read.pack()).isEqualTo(PACK.pack());
        assertThat(read.signedBy(TestCredentials.OPERATOR.publicKey())).isTrue();
        assertThat(read.pack().credentials()).extracting(SignedCredential::technicianId)
                .containsExactly(TestCredentials.TECHNICIAN_ID);
    }

    @Test
    void refusesBytesWithAFieldThisVersionDoesNotKnow() {
        Map<String, Object> map = new LinkedHashMap<>(PACK.pack().toCbor());
        map.put("extra", "x");
        byte[] bytes = DeterministicCbor.encode(map);

        assertThatThrownBy(() -> CommissioningPack.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra");
    }

    @Test
    void verifiesAGoodPackAndRefusesEachRuleBrokenByItsCode() throws CommissioningPackRefusedException {
        var site = SampleMessages.SITE_ID;
        var clock = CommissioningSamples.ISSUED_AT.plus(Duration.ofDays(1));
        var operator = TestCredentials.OPERATOR.publicKey();

        assertThat(SignedCommissioningPack.verify(PACK.signed(), PACK.signature(), site, clock, operator).pack())
                .isEqualTo(PACK.pack());
        assertRefused(PACK.signed(), ByteString.of(new byte[0]), site, clock, null, "COMMISSION_PACK_UNSIGNED");
        assertRefused(ByteString.of(new byte[] {1, 2}), PACK.signature(), site, clock, null,
                "COMMISSION_PACK_MALFORMED");
        assertRefused(PACK.signed(), TestCredentials.STRANGER.key().sign(PACK.signed().toByteArray()), site, clock,
                null, "COMMISSION_PACK_ALTERED");
        assertRefused(PACK.signed(), PACK.signature(), site, clock, TestCredentials.STRANGER.publicKey(),
                "COMMISSION_PACK_OTHER_OPERATOR");
        assertRefused(PACK.signed(), PACK.signature(), "another-site", clock, null, "COMMISSION_PACK_WRONG_SITE");
        assertRefused(PACK.signed(), PACK.signature(), site, PACK.pack().notAfter(), null,
                "COMMISSION_PACK_EXPIRED");
    }

    @Test
    void writesAFileThatReadsBackAndNeverReplacesOne(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("pack.json");
        CommissioningPackFile.write(file, PACK);

        SignedCommissioningPack read = CommissioningPackFile.read(file);

        assertThat(read.signed()).isEqualTo(PACK.signed());
        assertThat(read.signature()).isEqualTo(PACK.signature());
        assertThat(Files.readString(file)).contains(SampleMessages.SITE_ID).contains(TestCredentials.TECHNICIAN_ID);
        assertThatThrownBy(() -> CommissioningPackFile.write(file, PACK)).isInstanceOf(IOException.class);
    }

    private static void assertRefused(ByteString signed, ByteString signature, String site, Instant clock,
            OperatorKey trusted, String code) {
        assertThatThrownBy(() -> SignedCommissioningPack.verify(signed, signature, site, clock, trusted))
                .isInstanceOfSatisfying(CommissioningPackRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(code));
    }
}
