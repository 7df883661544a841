package io.gridside.console.service;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.PostPayments;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the tests of a site whose gateway was replaced share: a supervisor's link to either gateway, and the
 * operator's export of the mobile money the dead gateway took, which its simulation goes on crediting.
 */
final class ReplacedSites {

    private ReplacedSites() {
    }

    /**
     * A supervisor's session with the gateway at {@code address}, pinning its key under {@code pins}.
     *
     * @param repinning whether the session may pin a new gateway's key in place of the dead one's
     */
    static GatewayClient supervisor(InetSocketAddress address, String siteId, Instant now, GatewayPins pins,
            boolean repinning) throws IOException {
        Authentication auth = Authentication.of(DemoOperator.supervisorFor(siteId, now), pins);
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                repinning ? auth.repinning() : auth, Duration.ofSeconds(10));
    }

    /**
     * Imports on the new gateway the payments the dead gateway's simulation credited after entry {@code pulled}
     * that the new one lacks, as the operator's export of them; the new gateway credits each once.
     */
    static void importTheMobileMoneyTheDeadGatewayTook(SimulatedGateway old, ReplacementGateway fresh, long pulled) {
        Set<String> known = fresh.ledgerAfter(pulled).stream().map(LedgerEntry::reference)
                .collect(Collectors.toSet());
        List<PostPayments.Payment> export = old.ledgerAfter(pulled).stream()
                .filter(entry -> entry.kind() == EntryKind.TOP_UP && entry.reference().startsWith("payment:")
                        && !known.contains(entry.reference()))
                .map(entry -> new PostPayments.Payment(entry.reference().substring("payment:".length()),
                        entry.customerId(), entry.amountMinor(), old.profile().currency(), entry.at(),
                        "mobile money export"))
                .toList();
        if (!export.isEmpty()) {
            fresh.postPayments(new PostPayments(export));
        }
    }
}
