package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.testing.ReplacementSamples;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a reconciliation billed a meter whose register read was stale (section 6.42), and a peer of schema 4. */
class ReconciliationBilledToTest {

    private static final CBORMapper PLAIN = new CBORMapper();

    private static PostReconciliation withBilledTo() {
        PostReconciliation post = ReplacementSamples.reconciliationOfSchemaThree();
        return new PostReconciliation(post.restoreId(), post.lines(), post.receipts(), post.periods(),
                List.of(new PostReconciliation.BilledTo("m-001", 123_456, Instant.parse("2024-04-30T11:45:00Z"))));
    }

    @Test
    void carriesWhereEachMeterWasBilledToThroughTheCodec() {
        PostReconciliation post = withBilledTo();

        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, MessageCodec.encode(post));

        assertThat(decoded).isEqualTo(post);
        assertThat(decoded.billedToCarried()).singleElement().satisfies(billed -> {
            assertThat(billed.meterId()).isEqualTo("m-001");
            assertThat(billed.registerWh()).isEqualTo(123_456);
            assertThat(billed.at()).isEqualTo(Instant.parse("2024-04-30T11:45:00Z"));
        });
    }

    @Test
    void writesAReconciliationThatBillsEveryMeterFromItsRegisterExactlyAsSchemaFourDid() {
        PostReconciliation post = ReplacementSamples.reconciliationOfSchemaThree();
        PostReconciliation empty = new PostReconciliation(post.restoreId(), post.lines(), post.receipts(),
                post.periods(), List.of());

        assertThat(MessageCodec.encode(empty)).isEqualTo(MessageCodec.encode(post));
    }

    @Test
    void readsTheReconciliationOfAConsoleOfSchemaFourAsBillingEveryMeterFromItsRegister() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(withBilledTo()), Map.class);
        fields.remove("billedTo");

        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, PLAIN.writeValueAsBytes(fields));

        assertThat(decoded.billedTo()).isNull();
        assertThat(decoded.billedToCarried()).isEmpty();
        assertThat(decoded).isEqualTo(ReplacementSamples.reconciliationOfSchemaThree());
    }
}
