package io.gridside.link.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GatewayAdvertTest {

    private static final GatewayAdvert ADVERT = new GatewayAdvert("GW-0042", "site-42", "Kisumu Village",
            List.of(1), null);

    @Test
    void writesTheDocumentedTxtKeysInOrder() {
        assertThat(ADVERT.toTxt()).containsExactly(
                Map.entry("txtvers", "1"),
                Map.entry("gatewayId", "GW-0042"),
                Map.entry("siteId", "site-42"),
                Map.entry("siteName", "Kisumu Village"),
                Map.entry("protocol", "1"));
    }

    @Test
    void readsBackWhatItWrote() {
        GatewayAdvert withKey = new GatewayAdvert("GW-7", "site-7", "Lodwar", List.of(1, 2), "sha256:ab12");

        assertThat(GatewayAdvert.fromTxt(withKey.toTxt()::get)).contains(withKey);
        assertThat(GatewayAdvert.fromTxt(ADVERT.toTxt()::get)).contains(ADVERT);
    }

    @Test
    void ignoresARecordWithoutGatewayIdSiteOrProtocol() {
        for (String key : List.of("gatewayId", "siteId", "protocol")) {
            Map<String, String> txt = new HashMap<>(ADVERT.toTxt());
            txt.remove(key);

            assertThat(GatewayAdvert.fromTxt(txt::get)).as("without " + key).isEmpty();
        }
    }

    @Test
    void ignoresARecordWhoseProtocolIsNotAListOfNumbers() {
        Map<String, String> txt = new HashMap<>(ADVERT.toTxt());
        txt.put("protocol", "1,two");

        assertThat(GatewayAdvert.fromTxt(txt::get)).isEmpty();
    }

    @Test
    void acceptsARecordWithoutSiteNameAndIgnoresUnknownKeys() {
        Map<String, String> txt = new HashMap<>(ADVERT.toTxt());
        txt.remove("siteName");
        txt.put("firmware", "gw-3.0");

        assertThat(GatewayAdvert.fromTxt(txt::get)).hasValueSatisfying(advert -> {
            assertThat(advert.gatewayId()).isEqualTo("GW-0042");
            assertThat(advert.siteName()).isEmpty();
        });
    }

    @Test
    void instanceNameHasNoDotsAndFitsSixtyThreeBytes() {
        GatewayAdvert longName = new GatewayAdvert("GW-1", "s", "N\u00e9e St. " + "\u00e9".repeat(60), List.of(1),
                null);

        assertThat(ADVERT.instanceName()).isEqualTo("Kisumu Village (GW-0042)");
        assertThat(longName.instanceName()).doesNotContain(".").startsWith("N\u00e9e St ");
        assertThat(longName.instanceName().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    }

    @Test
    void theProtocolDocumentListsTheTxtKeysInTheOrderTheyAreWritten() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "protocol.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("### 1.1"), doc.indexOf("### 1.2"));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(section);
        while (row.find()) {
            documented.add(row.group(1));
        }
        GatewayAdvert everyKey = new GatewayAdvert("GW-1", "s", "n", List.of(1), "sha256:00");

        assertThat(documented).containsExactlyElementsOf(everyKey.toTxt().keySet());
        assertThat(section).contains("`" + GatewayAdvert.SERVICE_TYPE + "`");
    }

    @Test
    void refusesToAdvertiseOnLoopback() {
        assertThatThrownBy(() -> GatewayAdvertiser.start(InetAddress.getLoopbackAddress(), 7700, ADVERT))
                .isInstanceOf(IOException.class).hasMessageContaining("loopback carries no multicast");
    }

    @Test
    void refusesToAdvertiseOnAnAddressThisMachineDoesNotHave() throws IOException {
        InetAddress elsewhere = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 77});

        assertThatThrownBy(() -> GatewayAdvertiser.start(elsewhere, 7700, ADVERT))
                .isInstanceOf(IOException.class).hasMessageContaining("No network interface");
    }
}
