package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.sim.cloud.CloudTls;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class CloudPinTest {

    private static final X509Certificate SERVER = CloudTls.serverCertificate();
    private static final X509Certificate CA = CloudTls.caCertificate();

    @Test
    void readsItsOwnTextBack() {
        CloudPin pin = CloudPin.of(SERVER);

        assertThat(CloudPin.parse(pin.toString())).isEqualTo(pin);
        assertThat(pin.toString()).startsWith("sha256/").hasSize("sha256/".length() + 44);
    }

    @Test
    void refusesTextThatIsNoPin() {
        assertThatThrownBy(() -> CloudPin.parse("md5/abc")).hasMessageContaining("sha256/");
        assertThatThrownBy(() -> CloudPin.parse("sha256/not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> CloudPin.parse("sha256/" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes");
    }

    @Test
    void trustsAChainByTheServersPinOrItsIssuers() throws Exception {
        X509Certificate[] chain = {SERVER, CA};

        CloudPin.of(SERVER).trustManager().checkServerTrusted(chain, "ECDHE_ECDSA");
        CloudPin.of(CA).trustManager().checkServerTrusted(chain, "ECDHE_ECDSA");
    }

    @Test
    void refusesAChainWithoutThePinnedKeySayingWhichPinItExpected() {
        CloudPin other = CloudPin.parse("sha256/" + Base64.getEncoder().encodeToString(new byte[32]));
        X509TrustManager trust = other.trustManager();

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {SERVER, CA}, "RSA"))
                .isInstanceOf(CloudPin.PinMismatchException.class).hasMessageContaining(other.toString());
    }

    @Test
    void refusesAnIssuersPinWhenTheServerIsNotSignedByIt() {
        // The pinned CA appended to a chain whose server certificate it did not sign: the CA itself as server,
        // signed by nothing in the chain but itself, stands for a forged leaf here.
        X509TrustManager trust = CloudPin.of(SERVER).trustManager();

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {CA, SERVER}, "RSA"))
                .isInstanceOf(CloudPin.PinMismatchException.class).hasMessageContaining("does not hold");
    }
}
