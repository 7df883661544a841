package io.gridside.console.service;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.message.HelloReply;
import io.gridside.site.cbor.ByteString;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The check, before anything is sent to it, that a gateway offered as a dead one's replacement can take the replica:
 * a factory-fresh gateway whose firmware restores a site. The command line and the console's replacement both ask
 * it, so both refuse the same gateways with the same sentence. The console also asks it, at every step that changes
 * the gateway, that the gateway is still the one the technician was shown.
 */
public final class RestorableGateway {

    /** A gateway that runs a site already and is no factory-fresh one, such as the site's own gateway alive. */
    public static final String NOT_FRESH = "REPLACE_GATEWAY_NOT_FRESH";
    /** A gateway whose firmware cannot be restored from a replica. */
    public static final String NO_RESTORE = "REPLACE_GATEWAY_NO_RESTORE";
    /** A gateway other than the one the technician was shown, or the same id under another key. */
    public static final String CHANGED = "REPLACE_GATEWAY_CHANGED";
    /** The capability of a gateway that can be restored from a replica. */
    public static final String RESTORE = "restore";

    private static final String REFUSALS = "io.gridside.console.refusals";

    private RestorableGateway() {
    }

    /**
     * Refuses the gateway that said {@code hello} unless it can be restored from a replica: one that runs a site
     * already (the site's own gateway, alive after all, or another site's) or whose firmware has no restore.
     *
     * @throws ReplacementRefusedException with {@link #NOT_FRESH} or {@link #NO_RESTORE}, whose sentence reads in
     *     the technician's language on screen and in English in its message
     */
    public static void require(HelloReply hello) {
        if (hello.capabilities().contains(RESTORE)) {
            return;
        }
        boolean runsASite = hello.siteId() != null && !hello.siteId().isEmpty();
        String reason = runsASite ? "replace.notFresh" : "replace.cannotRestore";
        List<Object> values = List.of(hello.gatewayId(), runsASite ? hello.siteId() : "");
        throw new ReplacementRefusedException(runsASite ? NOT_FRESH : NO_RESTORE, english(reason, values), reason,
                values);
    }

    /**
     * Refuses the gateway that said {@code hello} unless it is gateway {@code gatewayId} under the identity key
     * {@code key}, the one the technician was shown: the gateway behind an address may change between two sessions
     * (the site's own gateway dies, another is plugged in), and only the key shown may be pinned.
     *
     * @throws ReplacementRefusedException with {@link #CHANGED}
     */
    public static void requireShown(HelloReply hello, String gatewayId, ByteString key) {
        if (hello.gatewayId().equals(gatewayId) && hello.gatewayKey().equals(key)) {
            return;
        }
        List<Object> values = List.of(hello.gatewayId(), Ed25519.fingerprint(hello.gatewayKey()), gatewayId,
                Ed25519.fingerprint(key));
        String reason = "replace.gatewayChanged";
        throw new ReplacementRefusedException(CHANGED, english(reason, values), reason, values);
    }

    /** The sentence as the command line and the log read it: the refusals' own, in no language but English. */
    private static String english(String reason, List<Object> values) {
        String pattern = ResourceBundle.getBundle(REFUSALS, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("refused." + reason);
        return new MessageFormat(pattern, Locale.ENGLISH).format(values.toArray());
    }
}
