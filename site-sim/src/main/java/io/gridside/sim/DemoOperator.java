package io.gridside.sim;

import io.gridside.link.auth.OperatorKey;
import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.RevocationList;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.site.cbor.ByteString;
import io.gridside.link.auth.TrustedOperators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The demo operator: a signing key shipped with the simulator for demos, training and tests, and trusted by
 * the simulated site by default. DEMO ONLY: its private key is public, so anyone can sign any credential with
 * it; no real gateway may ever trust it, and nothing outside the demo paths may use it.
 */
public final class DemoOperator {

    public static final String KEY_ID = "gridside-demo-operator";
    private static final String RESOURCE = "demo-operator-key.json";
    /** Long enough that a demo clock running a million times faster than real time never outruns it. */
    private static final Duration DEMO_VALIDITY = Duration.ofDays(36_500);
    private static final OperatorSigningKey KEY = load();
    /**
     * The key that every demo credential names as its holder's, which signs the demo's commands that move money.
     * DEMO ONLY, and public like the demo operator's: its seed is written here.
     */
    private static final SigningKey HOLDER_KEY = SigningKey.fromSeed(ByteString.fromHex("d0".repeat(32)));

    /** The technician id that the demo's revocation list revokes: a technician who left. */
    public static final String REVOKED_TECHNICIAN_ID = "demo-former-technician";
    /**
     * The technician key of the demo's lost laptop, which the demo's revocation list revokes. DEMO ONLY, and public:
     * its seed is written here.
     */
    private static final SigningKey LOST_LAPTOP_KEY = SigningKey.fromSeed(ByteString.fromHex("d1".repeat(32)));

    private DemoOperator() {
    }

    private static OperatorSigningKey load() {
        try (InputStream in = DemoOperator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo operator key " + RESOURCE + " is missing from the build.");
            }
            OperatorSigningKey key = OperatorKeyFile.parseSigning(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), RESOURCE);
            if (!key.keyId().equals(KEY_ID)) {
                throw new IllegalStateException("The demo operator key is not " + KEY_ID + ".");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The demo operator key could not be read.", e);
        }
    }

    /** The demo operator's signing key, for {@code credential issue --demo} and for tests. */
    public static OperatorSigningKey signingKey() {
        return KEY;
    }

    public static OperatorKey publicKey() {
        return KEY.publicKey();
    }

    /** The trust of a simulated site that has been told nothing else: the demo operator alone. */
    public static TrustedOperators trusted() {
        return TrustedOperators.of(KEY.publicKey());
    }

    /**
     * A demo supervisor's credential for one simulated site, issued on the spot, so that the demo paths need no
     * setup: valid from a day before {@code gatewayClock} for a century.
     */
    public static SignedCredential supervisorFor(String siteId, Instant gatewayClock) {
        Instant from = gatewayClock.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        return KEY.sign(new TechnicianCredential("demo-supervisor", "Demo supervisor", Role.SUPERVISOR,
                List.of(siteId), from, from.plus(DEMO_VALIDITY), Map.of(), KEY_ID, HOLDER_KEY.publicKey()));
    }

    /** A demo credential as {@link OperatorSigningKey#issue} makes one, naming {@link #holderKey}: for tests. */
    public static SignedCredential issue(String technicianId, String name, Role role, List<String> sites,
            Instant from, Duration validity, Map<String, Long> limits) {
        return KEY.sign(new TechnicianCredential(technicianId, name, role, sites, from, from.plus(validity), limits,
                KEY_ID, HOLDER_KEY.publicKey()));
    }

    /** The private key that demo credentials name, for the demo paths and tests only. */
    public static SigningKey holderKey() {
        return HOLDER_KEY;
    }

    /**
     * A revocation list signed by the demo operator, for the simulated cloud to serve and for tests. It may revoke
     * the demo supervisor (by {@code demo-supervisor} or {@link #holderKey}), which then cannot reach a simulated
     * site that holds the list.
     */
    public static SignedRevocationList revocations(long serial, Instant issuedAt, List<String> technicianIds,
            List<ByteString> technicianKeys) {
        return KEY.sign(new RevocationList(KEY_ID, serial, issuedAt.truncatedTo(ChronoUnit.SECONDS), technicianIds,
                technicianKeys));
    }

    /**
     * The demo's revocation list, which the demo cloud is seeded with: list 1, revoking a technician who left
     * ({@link #REVOKED_TECHNICIAN_ID}) and the key of a lost laptop ({@link #lostLaptopKey}), never the demo
     * supervisor, so that the demo goes on working once a console carried the list to the simulated site.
     */
    public static SignedRevocationList demoRevocations(Instant issuedAt) {
        return revocations(1, issuedAt, List.of(REVOKED_TECHNICIAN_ID), List.of(LOST_LAPTOP_KEY.publicKey()));
    }

    /** The private key of the demo's lost laptop, whose public half the demo's revocation list revokes: for tests. */
    public static SigningKey lostLaptopKey() {
        return LOST_LAPTOP_KEY;
    }
}
