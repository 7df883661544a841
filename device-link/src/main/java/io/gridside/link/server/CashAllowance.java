package io.gridside.link.server;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one credential lets its holder credit in cash without the cloud: the limit its operator signed, under
 * the credential's own id. A gateway counts the cash credited under each credential id for the credential's
 * whole life, so a credential issued anew starts at nothing and the operator bounds what each one can take.
 *
 * @param credentialId the SHA-256 of the credential's signed bytes, in hex: one id per credential issued
 * @param limitMinor the most cash, in minor units of the site's currency, the credential may credit
 */
public record CashAllowance(String technicianId, String credentialId, long limitMinor) {

    /** The name of the limit in a credential's {@code limits}. */
    public static final String LIMIT = TechnicianCredential.CASH_LIMIT;

    /**
     * The allowance of the session's credential.
     *
     * @throws CashRefusedException with {@code CASH_NOT_PERMITTED} when the credential carries no cash limit: a
     *     credential that says nothing about cash may credit none
     */
    public static CashAllowance of(SignedCredential credential) throws CashRefusedException {
        Long limit = credential.credential().limits().get(LIMIT);
        if (limit == null) {
            throw new CashRefusedException("CASH_NOT_PERMITTED", "The credential of " + credential.technicianId()
                    + " carries no " + LIMIT + ", so it may not credit cash; ask your operator for a credential "
                    + "with an offline cash limit.");
        }
        return new CashAllowance(credential.technicianId(), idOf(credential), limit);
    }

    private static String idOf(SignedCredential credential) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credential.signed().toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
