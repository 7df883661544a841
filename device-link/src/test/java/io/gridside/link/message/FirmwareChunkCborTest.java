package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.site.cbor.ByteString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FirmwareChunkCborTest {

    /** Sizes and indexes at each edge of CBOR's head forms: inline, one, two and four bytes. */
    static Stream<Arguments> chunks() {
        return Stream.of(
                Arguments.of(0, 0), Arguments.of(23, 23), Arguments.of(24, 24), Arguments.of(255, 255),
                Arguments.of(256, 256), Arguments.of(65_535, 65_535), Arguments.of(65_536, 65_536),
                Arguments.of(4_096, 1_000_000));
    }

    private static FirmwareChunk chunk(int size, int index) {
        Random random = new Random(size * 31L + index);
        byte[] sha = new byte[32];
        byte[] data = new byte[size];
        random.nextBytes(sha);
        random.nextBytes(data);
        return new FirmwareChunk(ByteString.of(sha), index, ByteString.of(data));
    }

    @ParameterizedTest(name = "{0} bytes, index {1}")
    @MethodSource("chunks")
    void writesTheSameBytesAsTheGenericEncoder(int size, int index) {
        FirmwareChunk chunk = chunk(size, index);

        assertThat(MessageCodec.encode(chunk)).isEqualTo(MessageCodec.encodeGenerically(chunk));
    }

    @ParameterizedTest(name = "{0} bytes, index {1}")
    @MethodSource("chunks")
    void readsBackWhatItWrote(int size, int index) {
        FirmwareChunk chunk = chunk(size, index);

        assertThat(FirmwareChunkCbor.decodeOrNull(MessageCodec.encode(chunk))).isEqualTo(chunk);
        assertThat(MessageCodec.decode(0x84, MessageCodec.encode(chunk))).isEqualTo(chunk);
    }

    @Test
    void leavesAnotherFormOfTheChunkToTheGenericDecoder() throws Exception {
        FirmwareChunk chunk = chunk(300, 7);
        // The same fields in another order and in a map of known length, as another encoder may write them.
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("index", chunk.index());
        fields.put("data", chunk.data().toByteArray());
        fields.put("imageSha256", chunk.imageSha256().toByteArray());
        byte[] reordered = new CBORMapper().writeValueAsBytes(fields);

        assertThat(FirmwareChunkCbor.decodeOrNull(reordered)).isNull();
        assertThat(MessageCodec.decode(0x84, reordered)).isEqualTo(chunk);
    }

    @Test
    void refusesAPayloadCutShortOrWithBytesAfterIt() {
        byte[] whole = MessageCodec.encode(chunk(100, 3));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 1);

        assertThat(FirmwareChunkCbor.decodeOrNull(cut)).isNull();
        assertThat(FirmwareChunkCbor.decodeOrNull(longer)).isNull();
    }

    @ParameterizedTest(name = "{0} bytes, index {1}")
    @MethodSource("chunks")
    void writesTheSameBytesInPiecesWithTheChunksDataAsItIs(int size, int index) {
        FirmwareChunk chunk = chunk(size, index);

        List<ByteString> pieces = MessageCodec.encodeInPieces(chunk);
        byte[] joined = new byte[pieces.stream().mapToInt(ByteString::size).sum()];
        int at = 0;
        for (ByteString piece : pieces) {
            piece.copyTo(joined, at);
            at += piece.size();
        }

        assertThat(joined).isEqualTo(MessageCodec.encodeGenerically(chunk));
        assertThat(pieces.get(1)).isSameAs(chunk.data());
    }

    @Test
    void aPayloadTakenOverLendsTheChunkItsDataWhileAnotherIsCopied() {
        FirmwareChunk chunk = chunk(1_000, 5);
        byte[] taken = MessageCodec.encode(chunk);
        byte[] copied = taken.clone();

        FirmwareChunk view = (FirmwareChunk) MessageCodec.decodeTakingOver(0x84, taken);
        FirmwareChunk copy = (FirmwareChunk) MessageCodec.decode(0x84, copied);
        assertThat(view).isEqualTo(chunk);
        assertThat(copy).isEqualTo(chunk);
        // Only a payload taken over may be shared: a later change to it shows in the chunk, which is why the link
        // takes over only the payloads it has just put together and nobody else holds.
        taken[taken.length - 2] ^= 1;
        copied[copied.length - 2] ^= 1;

        assertThat(view.data()).isNotEqualTo(chunk.data());
        assertThat(copy.data()).isEqualTo(chunk.data());
    }
}
