package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TechnicianCredentialTest {

    private static final TechnicianCredential CREDENTIAL =
            TestCredentials.credential(Role.TECHNICIAN, List.of("site-kisima", "site-mto"));

    @Test
    void readsBackWhatItEncoded() {
        assertThat(TechnicianCredential.decode(CREDENTIAL.encode())).isEqualTo(CREDENTIAL);
    }

    @Test
    void encodesTheSameBytesHoweverItsLimitsWereOrdered() {
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("zeta", 1L);
        limits.put("alpha", 2L);
        TechnicianCredential one = withLimits(limits);
        TechnicianCredential other = withLimits(Map.of("alpha", 2L, "zeta", 1L));

        assertThat(one.encode()).isEqualTo(other.encode());
    }

    @Test
    void coversItsSitesOrEverySiteWithAStar() {
        TechnicianCredential everywhere = TestCredentials.credential(Role.TECHNICIAN, List.of("*"));

        assertThat(CREDENTIAL.covers("site-mto")).isTrue();
        assertThat(CREDENTIAL.covers("site-other")).isFalse();
        assertThat(everywhere.covers("site-other")).isTrue();
    }

    @Test
    void isValidFromNotBeforeUpToButNotIncludingNotAfter() {
        assertThat(CREDENTIAL.validAt(CREDENTIAL.notBefore())).isTrue();
        assertThat(CREDENTIAL.validAt(CREDENTIAL.notBefore().minusNanos(1))).isFalse();
        assertThat(CREDENTIAL.validAt(CREDENTIAL.notAfter().minusNanos(1))).isTrue();
        assertThat(CREDENTIAL.validAt(CREDENTIAL.notAfter())).isFalse();
    }

    @Test
    void refusesBytesWithAFieldItDoesNotKnow() {
        Map<String, Object> map = CREDENTIAL.toCbor();
        map.put("shell", "/bin/sh");

        assertThatThrownBy(() -> TechnicianCredential.decode(DeterministicCbor.encode(map)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shell");
    }

    @Test
    void refusesBytesWithAFieldOfTheWrongType() {
        Map<String, Object> map = CREDENTIAL.toCbor();
        map.put("role", 1);

        assertThatThrownBy(() -> TechnicianCredential.decode(DeterministicCbor.encode(map)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role");
    }

    @Test
    void refusesAnInstantWrittenOtherThanInItsOneForm() {
        Map<String, Object> map = CREDENTIAL.toCbor();
        map.put("notAfter", "2024-05-02T08:30:00.000Z");

        assertThatThrownBy(() -> TechnicianCredential.decode(DeterministicCbor.encode(map)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notAfter");
    }

    @Test
    void refusesBytesThatAreNotDeterministic() {
        byte[] cbor = CREDENTIAL.encode();
        byte[] indefinite = new byte[cbor.length + 1];
        // The same map with an indefinite length: 0xbf, the entries, 0xff.
        indefinite[0] = (byte) 0xbf;
        System.arraycopy(cbor, 1, indefinite, 1, cbor.length - 1);
        indefinite[cbor.length] = (byte) 0xff;

        assertThatThrownBy(() -> TechnicianCredential.decode(indefinite))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indefinite");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        assertThatThrownBy(() -> new TechnicianCredential("T-1", "A", Role.TECHNICIAN, List.of("s"), at, at,
                Map.of(), "k")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notBefore");
    }

    @Test
    void refusesAStarAmongSiteIds() {
        assertThatThrownBy(() -> TestCredentials.credential(Role.TECHNICIAN, List.of("*", "site-mto")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TechnicianCredential withLimits(Map<String, Long> limits) {
        return new TechnicianCredential(CREDENTIAL.technicianId(), CREDENTIAL.name(), CREDENTIAL.role(),
                CREDENTIAL.sites(), CREDENTIAL.notBefore(), CREDENTIAL.notAfter(), limits,
                CREDENTIAL.operatorKeyId());
    }
}
