package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.testing.ReplacementSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The billing configuration and receipt books a restore carries (section 6.35), and a peer of schema 1. */
class RestoreBillingConfigTest {

    private static final CBORMapper PLAIN = new CBORMapper();
    private static final byte[] DOCUMENT = "a billing configuration document, repeated ".repeat(40)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void carriesTheConfigurationDocumentCompressed() {
        BeginRestore begin = withConfig(DOCUMENT);

        BeginRestore decoded = (BeginRestore) MessageCodec.decode(0xA0, MessageCodec.encode(begin));

        assertThat(decoded).isEqualTo(begin);
        assertThat(decoded.billingConfigDocument()).isEqualTo(DOCUMENT);
        assertThat(decoded.receiptBooks()).containsExactly(new BeginRestore.ReceiptBook("AA11BB", 7, 12_500));
        assertThat(MessageCodec.encode(begin).length).isLessThan(DOCUMENT.length);
    }

    @Test
    void writesARestoreWithoutAConfigurationExactlyAsSchemaOneDid() throws IOException {
        Map<?, ?> fields = PLAIN.readValue(MessageCodec.encode(ReplacementSamples.begin()), Map.class);

        assertThat(fields.keySet().stream().map(String::valueOf).toList())
                .containsExactly("restoreId", "site", "tariff", "tip", "tipHash", "chunkCount");
    }

    @Test
    void readsTheRestoreOfAConsoleOfSchemaOneAsCarryingNoConfiguration() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(withConfig(DOCUMENT)), Map.class);
        fields.remove("billingConfig");
        fields.remove("receiptBooks");

        BeginRestore decoded = (BeginRestore) MessageCodec.decode(0xA0, PLAIN.writeValueAsBytes(fields));

        assertThat(decoded.billingConfig()).isNull();
        assertThat(decoded.receiptBooks()).isNull();
        assertThat(decoded.billingConfigDocument()).isNull();
        assertThat(decoded).isEqualTo(ReplacementSamples.begin());
    }

    private static BeginRestore withConfig(byte[] document) {
        BeginRestore plain = ReplacementSamples.begin();
        return new BeginRestore(plain.restoreId(), plain.site(), plain.tariff(), plain.tip(), plain.tipHash(),
                plain.chunkCount(), MeshDayBatch.chunksOf(document),
                List.of(new BeginRestore.ReceiptBook("AA11BB", 7, 12_500)));
    }
}
