package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.testing.ReplacementSamples;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dead gateway's cash receipts a reconciliation carries (section 6.32), and a peer of schema 1. */
class ReconciliationReceiptsTest {

    private static final CBORMapper PLAIN = new CBORMapper();

    @Test
    void carriesEachReceiptAsTheSlipReads() {
        PostReconciliation post = ReplacementSamples.reconciliationOfSchemaTwo();

        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, MessageCodec.encode(post));

        assertThat(decoded).isEqualTo(post);
        assertThat(decoded.receiptsCarried()).singleElement().satisfies(receipt -> {
            assertThat(receipt.receipt()).isEqualTo("AA11BB-0008");
            assertThat(receipt.technicianId()).isEqualTo("tech-01");
        });
    }

    @Test
    void writesAReconciliationWithoutReceiptsExactlyAsSchemaOneDid() throws IOException {
        Map<?, ?> fields = PLAIN.readValue(MessageCodec.encode(ReplacementSamples.reconciliation()), Map.class);

        assertThat(fields.keySet().stream().map(String::valueOf).toList()).containsExactly("restoreId", "lines");
    }

    @Test
    void readsTheReconciliationOfAConsoleOfSchemaOneAsCarryingNoReceipt() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(
                ReplacementSamples.reconciliationOfSchemaTwo()), Map.class);
        fields.remove("receipts");

        PostReconciliation decoded = (PostReconciliation) MessageCodec.decode(0xA6, PLAIN.writeValueAsBytes(fields));

        assertThat(decoded.receipts()).isNull();
        assertThat(decoded.receiptsCarried()).isEmpty();
        assertThat(decoded).isEqualTo(ReplacementSamples.reconciliation());
    }
}
