package io.gridside.console.service;

import io.gridside.link.message.HelloReply;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The check, before anything is sent to it, that a gateway offered as a dead one's replacement can take the replica:
 * a factory-fresh gateway whose firmware restores a site. The command line and the console's replacement both ask
 * it, so both refuse the same gateways with the same sentence.
 */
public final class RestorableGateway {

    /** A gateway that runs a site already and is no factory-fresh one, such as the site's own gateway alive. */
    public static final String NOT_FRESH = "REPLACE_GATEWAY_NOT_FRESH";
    /** A gateway whose firmware cannot be restored from a replica. */
    public static final String NO_RESTORE = "REPLACE_GATEWAY_NO_RESTORE";
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
        // KNOWN SHORTCOMING: the command line still runs its own copy of this check before the service's (same
        // codes, same English sentence); the copy goes once the command calls this one.
        if (hello.capabilities().contains(RESTORE)) {
            return;
        }
        boolean runsASite = hello.siteId() != null && !hello.siteId().isEmpty();
        String reason = runsASite ? "replace.notFresh" : "replace.cannotRestore";
        List<Object> values = List.of(hello.gatewayId(), runsASite ? hello.siteId() : "");
        throw new ReplacementRefusedException(runsASite ? NOT_FRESH : NO_RESTORE, english(reason, values), reason,
                values);
    }

    /** The sentence as the command line and the log read it: the refusals' own, in no language but English. */
    private static String english(String reason, List<Object> values) {
        String pattern = ResourceBundle.getBundle(REFUSALS, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("refused." + reason);
        return new MessageFormat(pattern, Locale.ENGLISH).format(values.toArray());
    }
}
