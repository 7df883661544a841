package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gridside.link.testing.SampleMessages;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LedgerBatch schema 3 carries each entry's link of the hash chain; the older schema reads or refuses it. */
class LedgerBatchTest {

    /** The fields of schema 2, which consoles built before the chain read a LedgerBatch into. */
    private record SchemaTwoBatch(List<LedgerEntry> entries, long total) {
    }

    private static LedgerBatch batch() {
        List<LedgerEntry> entries = SampleMessages.ledger(3);
        return new LedgerBatch(entries, LedgerChain.heads(LedgerChain.genesis(), entries), 3);
    }

    @Test
    void travelsWithItsHashesOnePerEntry() {
        LedgerBatch batch = batch();

        LedgerBatch decoded = (LedgerBatch) MessageCodec.decode(0x23, MessageCodec.encode(batch));

        assertThat(decoded).isEqualTo(batch);
        assertThat(decoded.links()).extracting(l -> LedgerChain.hex(l.hash()))
                .containsExactlyElementsOf(batch.hashes().stream().map(LedgerChain::hex).toList());
    }

    @Test
    void aSchemaTwoReaderTakesASchemaThreeBatchAndIgnoresTheHashes() throws Exception {
        LedgerBatch batch = batch();

        SchemaTwoBatch old = MessageCodec.read(MessageCodec.encode(batch), SchemaTwoBatch.class);

        assertThat(old).isEqualTo(new SchemaTwoBatch(batch.entries(), 3));
    }

    @Test
    void aSchemaTwoBatchLacksTheHashesSoIsMalformed() throws Exception {
        byte[] schemaTwo = CBORMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()
                .writeValueAsBytes(new SchemaTwoBatch(SampleMessages.ledger(2), 2));

        assertThatThrownBy(() -> MessageCodec.decode(0x23, schemaTwo)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("hashes");
    }

    @Test
    void aHashOfAnotherLengthOrAMissingOneIsRefused() {
        List<LedgerEntry> entries = SampleMessages.ledger(2);

        assertThatThrownBy(() -> new LedgerBatch(entries, List.of(new byte[32]), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerBatch(entries, List.of(new byte[32], new byte[31]), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
