package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.GatewayKeyReplacement;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.GatewayPin;
import io.gridside.sim.DemoOperator;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pins file keeps a supervisor's pin as it was, and a pin made by a record together with that record. */
class GatewayPinFileTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SigningKey OLD_KEY = SigningKey.fromSeed(ByteString.fromHex("0a".repeat(32)));
    private static final SigningKey NEW_KEY = SigningKey.fromSeed(ByteString.fromHex("0b".repeat(32)));

    @TempDir
    Path dir;

    @Test
    void readsBackAPinWithTheRecordThatMadeIt() throws IOException {
        GatewayPinFile pins = new GatewayPinFile(dir.resolve(GatewayPinFile.FILE));
        GatewayPin bySupervisor = new GatewayPin("site-1", "GW-1", OLD_KEY.publicKey(), NOW, "S-0001");
        GatewayPin byRecord = new GatewayPin("site-2", "GW-2", NEW_KEY.publicKey(), NOW, "T-0042", record());

        pins.save(bySupervisor);
        pins.save(byRecord);

        GatewayPinFile again = new GatewayPinFile(pins.file());
        assertThat(again.find("site-1")).contains(bySupervisor);
        assertThat(again.find("site-2")).contains(byRecord);
        assertThat(again.find("site-2").orElseThrow().byRecord()).contains(record());
    }

    @Test
    void forgetsAPinOnlyWhileItIsStillTheSitesPin() throws IOException {
        GatewayPinFile pins = new GatewayPinFile(dir.resolve(GatewayPinFile.FILE));
        GatewayPin first = new GatewayPin("site-1", "GW-1", OLD_KEY.publicKey(), NOW, "T-0042");
        GatewayPin other = new GatewayPin("site-2", "GW-2", NEW_KEY.publicKey(), NOW, "S-0001");
        pins.save(first);
        pins.save(other);

        pins.forget(new GatewayPin("site-2", "GW-9", OLD_KEY.publicKey(), NOW, "T-0042"));
        pins.forget(first);

        GatewayPinFile again = new GatewayPinFile(pins.file());
        assertThat(again.find("site-1")).isEmpty();
        assertThat(again.find("site-2")).contains(other);
    }

    @Test
    void aDamagedRecordInThePinsFileRefusesEverySession() throws IOException {
        GatewayPinFile pins = new GatewayPinFile(dir.resolve(GatewayPinFile.FILE));
        pins.save(new GatewayPin("site-2", "GW-2", NEW_KEY.publicKey(), NOW, "T-0042", record()));
        Files.writeString(pins.file(), Files.readString(pins.file()).replace("lightning", "flood"));

        assertThatThrownBy(() -> pins.find("site-2")).isInstanceOf(IOException.class)
                .hasMessageContaining("site-2").hasMessageContaining("cannot be read");
    }

    private static SignedKeyReplacement record() {
        return DemoOperator.signingKey().sign(new GatewayKeyReplacement("site-2", "GW-2", NEW_KEY.publicKey(),
                Ed25519.keyDigest(OLD_KEY.publicKey()), NOW, NOW.plusSeconds(86_400), "lightning",
                DemoOperator.KEY_ID));
    }
}
