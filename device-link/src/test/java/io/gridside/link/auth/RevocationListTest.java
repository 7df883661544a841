package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An operator's revocation list: its one encoding, its signature, what it revokes, and the check of a hello. */
class RevocationListTest {

    private static final ByteString LOST_KEY = TestCredentials.LOST_LAPTOP_KEY.publicKey();

    @Test
    void verifiesWithTheTrustedOperatorKeyThatSignedIt() throws Exception {
        SignedRevocationList list = TestCredentials.revocationList();

        SignedRevocationList read = SignedRevocationList.verify(list.signed(), list.signature(),
                TestCredentials.trusted());

        assertThat(read.list()).isEqualTo(list.list());
        assertThat(read.serial()).isEqualTo(3);
        assertThat(read.list().technicianIds()).containsExactly("T-0017");
        assertThat(read.list().technicianKeys()).containsExactly(LOST_KEY);
    }

    @Test
    void refusesAListWhoseEntriesWereChangedAfterSigning() {
        SignedRevocationList list = TestCredentials.revocationList();
        Map<String, Object> emptied = list.list().toCbor();
        emptied.put("technicianIds", List.of());

        assertRefused(ByteString.of(DeterministicCbor.encode(emptied)), list.signature(),
                RevocationListRefusedException.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedSignature() {
        SignedRevocationList list = TestCredentials.revocationList();
        byte[] signature = list.signature().toByteArray();
        signature[7] ^= 0x10;

        assertRefused(list.signed(), ByteString.of(signature), RevocationListRefusedException.BAD_SIGNATURE);
    }

    @Test
    void refusesAListOfAnOperatorNotTrusted() {
        SignedRevocationList foreign = TestCredentials.STRANGER.sign(new RevocationList(
                TestCredentials.STRANGER.keyId(), 9, SampleMessages.CLOCK, List.of("T-0042"), List.of()));

        assertRefused(foreign.signed(), foreign.signature(), RevocationListRefusedException.UNKNOWN_OPERATOR);
    }

    @Test
    void refusesBytesThatAreNotTheOneEncodingOfAList() {
        SignedRevocationList list = TestCredentials.revocationList();
        Map<String, Object> unsorted = list.list().toCbor();
        unsorted.put("technicianIds", List.of("T-0017", "T-0001"));
        Map<String, Object> unknown = list.list().toCbor();
        unknown.put("reason", "lost");
        Map<String, Object> credential = list.list().toCbor();
        credential.put("type", TechnicianCredential.TYPE);

        for (Map<String, Object> bad : List.of(unsorted, unknown, credential)) {
            assertRefused(ByteString.of(DeterministicCbor.encode(bad)), list.signature(),
                    RevocationListRefusedException.MALFORMED);
        }
        assertRefused(TestCredentials.technician().signed(), list.signature(),
                RevocationListRefusedException.MALFORMED);
    }

    @Test
    void encodesItsEntriesInOrderEachOnceWhateverOrderTheyWereGivenIn() {
        RevocationList given = new RevocationList("test-operator", 4, SampleMessages.CLOCK,
                List.of("T-2", "T-1", "T-2"), List.of(LOST_KEY, LOST_KEY));

        assertThat(given.technicianIds()).containsExactly("T-1", "T-2");
        assertThat(RevocationList.decode(given.encode())).isEqualTo(given);
    }

    @Test
    void revokesAHolderByIdAndAKeyedCredentialByItsKeyForItsOwnOperatorOnly() {
        RevocationList byId = TestCredentials.revocations(1, List.of(TestCredentials.TECHNICIAN_ID), List.of())
                .list();
        RevocationList byKey = TestCredentials.revocations(2, List.of(),
                List.of(TestCredentials.TECHNICIAN_KEY.publicKey())).list();
        RevocationList foreign = new RevocationList("other-operator", 2, SampleMessages.CLOCK,
                List.of(TestCredentials.TECHNICIAN_ID), List.of());

        assertThat(byId.revokes(TestCredentials.technician().credential())).isTrue();
        assertThat(byKey.revokes(TestCredentials.keyedTechnician().credential())).isTrue();
        assertThat(byKey.revokes(TestCredentials.technician().credential())).as("a credential naming no key")
                .isFalse();
        assertThat(foreign.revokes(TestCredentials.technician().credential())).isFalse();
    }

    @Test
    void theGatewaysCheckRefusesARevokedCredentialBeforeItsTimeAndSite() {
        SignedCredential keyed = TestCredentials.keyedTechnician();
        RevocationList byKey = TestCredentials.revocations(2, List.of(),
                List.of(TestCredentials.TECHNICIAN_KEY.publicKey())).list();
        CredentialCheck check = new CredentialCheck(TestCredentials.trusted(), "another-site",
                keyId -> keyId.equals(byKey.operatorKeyId()) ? Optional.of(byKey) : Optional.empty());

        assertThatThrownBy(() -> check.check(keyed.signed(), keyed.signature(),
                keyed.credential().notAfter().plusSeconds(1)))
                .isInstanceOfSatisfying(CredentialRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(Refusal.CREDENTIAL_REVOKED);
                    assertThat(e.code()).isEqualTo("AUTH_CREDENTIAL_REVOKED");
                })
                .hasMessageContaining("technician key " + Ed25519.fingerprint(TestCredentials.TECHNICIAN_KEY
                        .publicKey()))
                .hasMessageContaining("ask your supervisor for a new credential");
    }

    @Test
    void refusesAListWithoutASerialOrWithAnEmptyId() {
        assertThatThrownBy(() -> new RevocationList("test-operator", 0, SampleMessages.CLOCK, List.of(), List.of()))
                .hasMessageContaining("serial");
        assertThatThrownBy(() -> new RevocationList("test-operator", 1, SampleMessages.CLOCK, List.of(" "),
                List.of())).hasMessageContaining("empty id");
    }

    private static void assertRefused(ByteString signed, ByteString signature, String code) {
        assertThatThrownBy(() -> SignedRevocationList.verify(signed, signature, TestCredentials.trusted()))
                .isInstanceOfSatisfying(RevocationListRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(code));
    }
}
