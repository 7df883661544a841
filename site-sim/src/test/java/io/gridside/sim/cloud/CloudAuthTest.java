package io.gridside.sim.cloud;

import static io.gridside.sim.cloud.CloudClient.NOW;
import static io.gridside.sim.cloud.CloudClient.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.DemoOperator;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.sync.api.ApiError;
import io.gridside.site.sync.api.SyncErrors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who may sync: credential checks on every request, revocations, lost laptops, and the pins of the TLS chain. */
@Timeout(60)
class CloudAuthTest {

    @TempDir
    Path dir;

    private CloudServer cloud;
    private CloudClient client;

    @BeforeEach
    void start() {
        cloud = CloudServer.builder(dir).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        client = new CloudClient(cloud);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void validCredentialOfTheSiteIsAccepted() throws IOException {
        assertThat(client.handshake(0, null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void missingOrDamagedCredentialIsRefused() throws IOException {
        String good = CloudServer.credentialHeader(CloudClient.credential("tech-1", SITE));
        String damaged = good.substring(0, good.indexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[64]);

        assertThat(error(client.credential(null).handshake(0, null, Map.of()))).isEqualTo(SyncErrors.BAD_REQUEST);
        assertThat(error(client.credential("not-a-credential").handshake(0, null, Map.of())))
                .isEqualTo(SyncErrors.CREDENTIAL_INVALID);
        CloudClient.Reply refused = client.credential(damaged).handshake(0, null, Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(error(refused)).isEqualTo(SyncErrors.CREDENTIAL_INVALID);
    }

    @Test
    void credentialOfAnUntrustedOperatorOrExpiredIsRefused() throws IOException {
        SigningKey stranger = SigningKey.fromSeed(ByteString.fromHex("07".repeat(32)));
        SignedCredential expired = DemoOperator.issue("tech-1", "T", Role.TECHNICIAN, List.of(SITE),
                NOW.minus(Duration.ofDays(400)), Duration.ofDays(30), Map.of());
        TechnicianCredential unsigned = expired.credential();
        SignedCredential forged = new SignedCredential(unsigned, expired.signed(),
                stranger.sign(expired.signed().toByteArray()));

        CloudClient.Reply old = client.credential(CloudServer.credentialHeader(expired)).handshake(0, null, Map.of());
        CloudClient.Reply fake = client.credential(CloudServer.credentialHeader(forged)).handshake(0, null, Map.of());

        assertThat(old.status()).isEqualTo(401);
        assertThat(old.as(ApiError.class).message()).contains("expired");
        assertThat(fake.status()).isEqualTo(401);
    }

    @Test
    void credentialForAnotherSiteIsRefused() throws IOException {
        client.credential(CloudServer.credentialHeader(CloudClient.credential("tech-1", "another-site")));

        CloudClient.Reply reply = client.handshake(0, null, Map.of());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(error(reply)).isEqualTo(SyncErrors.SITE_NOT_ALLOWED);
    }

    @Test
    void revokedTechnicianOrKeyIsRefusedOnTheNextRequest() throws IOException {
        assertThat(client.handshake(0, null, Map.of()).status()).isEqualTo(200);

        cloud.revokeTechnician("tech-1");
        CloudClient.Reply byId = client.get("/ledger/days");
        CloudClient other = new CloudClient(cloud).credential(CloudServer.credentialHeader(
                CloudClient.credential("tech-2", SITE)));
        cloud.revokeKey(DemoOperator.holderKey().publicKey());
        CloudClient.Reply byKey = other.get("/ledger/days");

        assertThat(byId.status()).isEqualTo(403);
        assertThat(error(byId)).isEqualTo(SyncErrors.CREDENTIAL_REVOKED);
        assertThat(byKey.status()).isEqualTo(403);
        assertThat(byKey.as(ApiError.class).message()).contains("key");
    }

    @Test
    void revocationListPublishedForTheSiteRefusesWhomItNames() throws IOException {
        cloud.publishRevocations(SITE, DemoOperator.revocations(1, NOW, List.of("tech-1"), List.of()));

        CloudClient.Reply revoked = client.handshake(0, null, Map.of());
        CloudClient.Reply other = new CloudClient(cloud).credential(CloudServer.credentialHeader(
                CloudClient.credential("tech-2", SITE))).handshake(0, null, Map.of());

        assertThat(error(revoked)).isEqualTo(SyncErrors.CREDENTIAL_REVOKED);
        assertThat(other.status()).isEqualTo(200);
        assertThat(cloud.published(SITE, "credentials")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("kind", "revocations"));
    }

    @Test
    void lostLaptopIsRefusedWhateverItsCredential() throws IOException {
        String laptop = UUID.randomUUID().toString();
        client.laptop(laptop);

        cloud.reportLaptopLost(laptop);
        CloudClient.Reply reply = client.handshake(0, null, Map.of());
        CloudClient.Reply otherLaptop = new CloudClient(cloud).handshake(0, null, Map.of());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(error(reply)).isEqualTo(SyncErrors.LAPTOP_REPORTED_LOST);
        assertThat(otherLaptop.status()).isEqualTo(200);
    }

    @Test
    void lostLaptopStaysRefusedAfterARestoreFromAnOlderBackup() throws IOException {
        cloud.backup();
        cloud.reportLaptopLost(client.laptop());
        cloud.revokeTechnician("tech-2");

        cloud.restoreLatestBackup();

        assertThat(error(client.handshake(0, null, Map.of()))).isEqualTo(SyncErrors.LAPTOP_REPORTED_LOST);
        assertThat(error(new CloudClient(cloud).credential(CloudServer.credentialHeader(
                CloudClient.credential("tech-2", SITE))).handshake(0, null, Map.of())))
                .isEqualTo(SyncErrors.CREDENTIAL_REVOKED);
    }

    @Test
    void oldSchemaAndBadHeadersAreRefused() throws IOException {
        assertThat(error(new CloudClient(cloud).schema(18).handshake(0, null, Map.of())))
                .isEqualTo(SyncErrors.SCHEMA_UNSUPPORTED);
        assertThat(error(new CloudClient(cloud).laptop("laptop-1").handshake(0, null, Map.of())))
                .isEqualTo(SyncErrors.BAD_REQUEST);
        CloudClient.Reply noKey = new CloudClient(cloud).send("POST", "/handshake", "{}".getBytes(), Map.of());
        assertThat(error(noKey)).isEqualTo(SyncErrors.BAD_REQUEST);
    }

    @Test
    void pinsNameTheCertificateAndTheIssuerTheServerPresents() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(CloudTls.clientContextTrustingTestCa()).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cloud.url() + "/v1/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Certificate[] chain = response.sslSession().orElseThrow().getPeerCertificates();

        assertThat(cloud.pin()).isEqualTo(pin(chain[0])).startsWith("sha256/");
        assertThat(cloud.issuerPin()).isEqualTo(pin(CloudTls.caCertificate())).isNotEqualTo(cloud.pin());
        assertThat(CloudTls.serverCertificate().getIssuerX500Principal())
                .isEqualTo(CloudTls.caCertificate().getSubjectX500Principal());
        assertThat(CloudTls.serverCertificate().getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .contains((Object) "127.0.0.1", "localhost");
        assertThat(CloudTls.serverCertificate().getNotAfter().toInstant())
                .isAfter(CloudTls.serverCertificate().getNotBefore().toInstant().plus(Duration.ofDays(365 * 29)));
        assertThat(cloud.url()).startsWith("https://127.0.0.1:");
    }

    private static String pin(Certificate certificate) throws Exception {
        byte[] spki = certificate.getPublicKey().getEncoded();
        return "sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    }

    private static String error(CloudClient.Reply reply) {
        return reply.as(ApiError.class).error();
    }
}
