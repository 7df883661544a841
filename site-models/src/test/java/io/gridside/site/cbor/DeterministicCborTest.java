package io.gridside.site.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of RFC 8949, Appendix A, that fall within what signed structures use, byte for byte; and the
 * encodings a strict decoder must turn away.
 */
class DeterministicCborTest {

    static Stream<Arguments> appendixA() {
        return Stream.of(
                example("0", 0, "00"),
                example("1", 1, "01"),
                example("10", 10, "0a"),
                example("23", 23, "17"),
                example("24", 24, "1818"),
                example("25", 25, "1819"),
                example("100", 100, "1864"),
                example("1000", 1000, "1903e8"),
                example("1000000", 1_000_000, "1a000f4240"),
                example("1000000000000", 1_000_000_000_000L, "1b000000e8d4a51000"),
                example("18446744073709551615", new BigInteger("18446744073709551615"), "1bffffffffffffffff"),
                example("-18446744073709551616", new BigInteger("-18446744073709551616"), "3bffffffffffffffff"),
                example("-1", -1, "20"),
                example("-10", -10, "29"),
                example("-100", -100, "3863"),
                example("-1000", -1000, "3903e7"),
                example("false", false, "f4"),
                example("true", true, "f5"),
                example("null", null, "f6"),
                example("h''", new byte[0], "40"),
                example("h'01020304'", new byte[] {1, 2, 3, 4}, "4401020304"),
                example("\"\"", "", "60"),
                example("\"a\"", "a", "6161"),
                example("\"IETF\"", "IETF", "6449455446"),
                example("\"\\\"\\\\\"", "\"\\", "62225c"),
                example("\"\\u00fc\"", "\u00fc", "62c3bc"),
                example("\"\\u6c34\"", "\u6c34", "63e6b0b4"),
                example("\"\\ud800\\udd51\"", "\ud800\udd51", "64f0908591"),
                example("[]", List.of(), "80"),
                example("[1, 2, 3]", List.of(1, 2, 3), "83010203"),
                example("[1, [2, 3], [4, 5]]", List.of(1, List.of(2, 3), List.of(4, 5)), "8301820203820405"),
                example("[1, 2, 3, ..., 25]", LongStream.rangeClosed(1, 25).boxed().toList(),
                        "98190102030405060708090a0b0c0d0e0f101112131415161718181819"),
                example("{}", Map.of(), "a0"),
                example("{1: 2, 3: 4}", Map.of(3, 4, 1, 2), "a201020304"),
                example("{\"a\": 1, \"b\": [2, 3]}", Map.of("b", List.of(2, 3), "a", 1), "a26161016162820203"),
                example("[\"a\", {\"b\": \"c\"}]", List.of("a", Map.of("b", "c")), "826161a161626163"),
                example("{\"a\": \"A\", ..., \"e\": \"E\"}", Map.of("e", "E", "d", "D", "c", "C", "b", "B", "a", "A"),
                        "a56161614161626142616361436164614461656145"));
    }

    private static Arguments example(String diagnostic, Object value, String hex) {
        return Arguments.of(diagnostic, value, hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendixA")
    void encodesTheRfcExampleByteForByte(String diagnostic, Object value, String hex) {
        assertThat(HexFormat.of().formatHex(DeterministicCbor.encode(value))).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendixA")
    void decodesTheRfcExampleAndEncodesItBackTheSame(String diagnostic, Object value, String hex) {
        byte[] cbor = HexFormat.of().parseHex(hex);

        Object decoded = DeterministicCbor.decode(cbor);

        assertThat(DeterministicCbor.encode(decoded)).isEqualTo(cbor);
    }

    @Test
    void sortsMapKeysByTheirEncodingSoShorterKeysComeFirst() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("aa", 1);
        map.put("b", 2);
        map.put(100, 3);
        map.put(-1, 4);
        map.put(10, 5);

        // 10 (0a) < 100 (1864) < -1 (20) < "b" (6162) < "aa" (626161): length first, then bytes.
        assertThat(HexFormat.of().formatHex(DeterministicCbor.encode(map)))
                .isEqualTo("a5" + "0a05" + "186403" + "2004" + "616202" + "62616101");
    }

    @Test
    void givesSmallNumbersTheSameBytesWhateverTheirJavaType() {
        assertThat(DeterministicCbor.encode(500)).isEqualTo(DeterministicCbor.encode(500L))
                .isEqualTo(DeterministicCbor.encode(BigInteger.valueOf(500)));
    }

    @Test
    void decodesIntegersAsLongsAndPastTheirRangeAsBigIntegers() {
        assertThat(DeterministicCbor.decode(HexFormat.of().parseHex("1b7fffffffffffffff"))).isEqualTo(Long.MAX_VALUE);
        assertThat(DeterministicCbor.decode(HexFormat.of().parseHex("3b7fffffffffffffff"))).isEqualTo(Long.MIN_VALUE);
        assertThat(DeterministicCbor.decode(HexFormat.of().parseHex("1b8000000000000000")))
                .isEqualTo(BigInteger.ONE.shiftLeft(63));
    }

    @Test
    void decodesByteStringsAsByteStrings() {
        assertThat(DeterministicCbor.decode(HexFormat.of().parseHex("4401020304")))
                .isEqualTo(ByteString.fromHex("01020304"));
    }

    @Test
    void refusesWhatHasNoDeterministicEncodingHere() {
        assertThatThrownBy(() -> DeterministicCbor.encode(1.5)).isInstanceOf(CborException.class)
                .hasMessageContaining("Double");
        assertThatThrownBy(() -> DeterministicCbor.encode(BigInteger.ONE.shiftLeft(64)))
                .isInstanceOf(CborException.class).hasMessageContaining("bignums");
        assertThatThrownBy(() -> DeterministicCbor.encode("\ud800")).isInstanceOf(CborException.class)
                .hasMessageContaining("surrogate");
        Map<Object, Object> sameKeyTwice = new LinkedHashMap<>();
        sameKeyTwice.put(1, "int");
        sameKeyTwice.put(1L, "long");
        assertThat(sameKeyTwice).hasSize(2);
        assertThatThrownBy(() -> DeterministicCbor.encode(sameKeyTwice)).isInstanceOf(CborException.class)
                .hasMessageContaining("keys");
    }

    @Test
    void refusesStructuresNestedBeyondItsLimit() {
        Object nested = List.of();
        for (int i = 0; i < 40; i++) {
            nested = List.of(nested);
        }
        Object deep = nested;

        assertThatThrownBy(() -> DeterministicCbor.encode(deep)).isInstanceOf(CborException.class);
        byte[] deepBytes = hex("81".repeat(40) + "80");
        assertThatThrownBy(() -> DeterministicCbor.decode(deepBytes)).isInstanceOf(CborException.class)
                .hasMessageContaining("nested");
    }

    /** Valid CBOR (most from Appendix A) that is not in the core deterministic encoding, and broken CBOR. */
    @ParameterizedTest
    @ValueSource(strings = {
        "1817", // 23 in two bytes
        "190017", // 23 in three bytes
        "1a000000ff", // 255 in five bytes
        "1b00000000ffffffff", // 2^32 - 1 in nine bytes
        "380a", // -11 in two bytes
        "5f42010243030405ff", // indefinite byte string (Appendix A)
        "7f657374726561646d696e67ff", // indefinite text (Appendix A)
        "9fff", // indefinite empty array (Appendix A)
        "bf61610161629f0203ffff", // indefinite map (Appendix A)
        "a2616201616102", // {"b": 1, "a": 2}: keys out of order
        "a2616101616102", // {"a": 1, "a": 2}: a key twice
        "a2620000016101", // {"\0\0": 1, "a": 1}: longer key first
        "f93c00", // 1.0 as a half float (Appendix A)
        "fb3ff199999999999a", // 1.1 (Appendix A)
        "f7", // undefined
        "f0", // simple(16)
        "f8ff", // simple(255)
        "c074323031332d30332d32315432303a30343a30305a", // tag 0 (Appendix A)
        "c249010000000000000000", // bignum 2^64 (Appendix A)
        "1c", // reserved additional information
        "62c328", // invalid UTF-8
        "6449455446ff", // a value followed by more bytes
        "644945", // a text cut short
        "83010203ff", // trailing break
        "9b00000000ffffffff", // an array longer than the input
        "5a7fffffff00", // a byte string longer than the input
        "",
    })
    void refusesBytesThatAreNotDeterministicCbor(String hex) {
        byte[] bytes = hex(hex);

        assertThatThrownBy(() -> DeterministicCbor.decode(bytes)).isInstanceOf(CborException.class)
                .hasMessageStartingWith("CBOR");
    }

    @Test
    void keepsTheDecodedMapInItsEncodedOrder() {
        Map<?, ?> map = (Map<?, ?>) DeterministicCbor.decode(hex("a3616101616202616303"));

        assertThat(new ArrayList<Object>(map.keySet())).containsExactly("a", "b", "c");
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
