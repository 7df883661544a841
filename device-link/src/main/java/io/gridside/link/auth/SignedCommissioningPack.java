package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.Objects;

/**
 * A commissioning pack as its operator signed it: the exact bytes signed, the signature, and what the bytes say.
 * The bytes travel as they are, from the operator's office in the technician's pack file to the gateway.
 *
 * @param signed the deterministic CBOR of the pack, as signed
 * @param signature the Ed25519 signature of {@code signed} by the key the pack names
 */
public record SignedCommissioningPack(CommissioningPack pack, ByteString signed, ByteString signature) {

    public SignedCommissioningPack {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads a pack from its signed bytes and signature; no signature is checked here.
     *
     * @throws IllegalArgumentException when the bytes are not a commissioning pack in deterministic CBOR
     */
    public static SignedCommissioningPack of(ByteString signed, ByteString signature) {
        return new SignedCommissioningPack(CommissioningPack.decode(signed.toByteArray()), signed, signature);
    }

    /**
     * Reads a pack and checks every rule a gateway holds it to, in this order: it is signed, it is a pack, its
     * signature verifies under the key it names, that key is the one the gateway took first (when it took one),
     * it is for {@code siteId}, it has not ended at {@code clock}, and every credential in it is signed by its key
     * and covers the site.
     *
     * @param trusted the operator key the gateway took from its first pack, or null when it has taken none
     * @throws CommissioningPackRefusedException naming the first rule the pack breaks
     */
    public static SignedCommissioningPack verify(ByteString signed, ByteString signature, String siteId,
            Instant clock, OperatorKey trusted) throws CommissioningPackRefusedException {
        if (signature == null || signature.size() == 0) {
            throw new CommissioningPackRefusedException(CommissioningPackRefusedException.UNSIGNED, "The "
                    + "commissioning pack carries no signature; ask the operator for a pack signed with its key.");
        }
        SignedCommissioningPack presented;
        try {
            presented = of(signed, signature);
        } catch (IllegalArgumentException e) {
            throw new CommissioningPackRefusedException(CommissioningPackRefusedException.MALFORMED, "The file is "
                    + "damaged or not a Gridside commissioning pack (" + e.getMessage() + "); ask for it again.");
        }
        presented.checkSignature(trusted);
        presented.checkUse(siteId, clock);
        return presented;
    }

    private void checkSignature(OperatorKey trusted) throws CommissioningPackRefusedException {
        if (!signedBy(pack.operator())) {
            throw new CommissioningPackRefusedException(CommissioningPackRefusedException.ALTERED, "The "
                    + "commissioning pack's signature does not verify under operator key '" + pack.operatorKeyId()
                    + "': it was altered or damaged after signing; ask the operator for a new one.");
        }
        if (trusted != null && !trusted.equals(pack.operator())) {
            throw new CommissioningPackRefusedException(CommissioningPackRefusedException.OTHER_OPERATOR, "This "
                    + "gateway took its operator key '" + trusted.keyId() + "' from its first pack and takes later "
                    + "packs of that key only; this one is of key '" + pack.operatorKeyId() + "'.");
        }
    }

    private void checkUse(String siteId, Instant clock) throws CommissioningPackRefusedException {
        if (!pack.siteId().equals(siteId)) {
            throw new CommissioningPackRefusedException(CommissioningPackRefusedException.WRONG_SITE, "The "
                    + "commissioning pack is for site " + pack.siteId() + ", not " + siteId + "; use the pack "
                    + "made for this site.");
        }
        if (!clock.isBefore(pack.notAfter())) {
            throw new CommissioningPackRefusedException(CommissioningPackRefusedException.EXPIRED, "The "
                    + "commissioning pack ended at " + pack.notAfter() + " and the gateway's clock reads " + clock
                    + "; ask the operator for a new pack, or check the laptop's clock.");
        }
        for (SignedCredential credential : pack.credentials()) {
            if (!credential.signedBy(pack.operator()) || !credential.credential().covers(siteId)) {
                throw new CommissioningPackRefusedException(CommissioningPackRefusedException.BAD_CREDENTIAL, "The "
                        + "credential of " + credential.technicianId() + " in the pack is not signed by operator "
                        + "key '" + pack.operatorKeyId() + "' for site " + siteId + "; ask the operator for a new "
                        + "pack.");
            }
        }
    }

    /** Whether {@code operator} signed these bytes. */
    public boolean signedBy(OperatorKey operator) {
        return operator.keyId().equals(pack.operatorKeyId())
                && Ed25519.verify(operator.publicKey(), signed.toByteArray(), signature);
    }
}
