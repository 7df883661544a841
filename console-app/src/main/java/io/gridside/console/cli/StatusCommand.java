package io.gridside.console.cli;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.message.HelloReply;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside connect ... status}: prints what the gateway says of itself in its hello. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Prints the gateway's hello.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (GatewayClient client = connect.open()) {
            HelloReply hello = client.hello();
            Duration roundTrip = client.ping();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("gatewayId", hello.gatewayId());
            status.put("siteId", hello.siteId());
            status.put("siteName", hello.siteName());
            status.put("firmware", hello.firmware());
            status.put("protocolVersion", hello.protocolVersion());
            status.put("gatewayClock", hello.clock().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            status.put("clockSkewSeconds", Math.round(Duration.between(Instant.now(), hello.clock()).toMillis()
                    / 1000.0));
            status.put("currency", hello.currency());
            status.put("timeZone", hello.timeZone());
            status.put("capabilities", hello.capabilities());
            status.put("gatewayKey", Ed25519.fingerprint(hello.gatewayKey()));
            status.put("technicianId", client.credential().technicianId());
            status.put("role", hello.role());
            status.put("cashLimitMinor", client.credential().credential().limits()
                    .get(TechnicianCredential.CASH_LIMIT));
            status.put("revocationSerial", revocationSerial(client));
            status.put("transport", client.transport().kind().name().toLowerCase(java.util.Locale.ROOT));
            status.put("address", client.transport().address());
            status.put("roundTripMillis", Math.round(roundTrip.toNanos() / 1e5) / 10.0);
            print(status);
        }
        return ExitCode.OK;
    }

    /**
     * The serial of the revocation list the gateway holds of the credential's operator key (0 when none), or null
     * when the gateway keeps no revocation lists.
     */
    private static Long revocationSerial(GatewayClient client) throws java.io.IOException {
        if (!client.revocations().supported()) {
            return null;
        }
        return client.revocations().held(client.credential().credential().operatorKeyId()).serial();
    }

    private void print(Map<String, Object> status) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(status));
            return;
        }
        status.forEach((key, value) -> out.printf("%-17s %s%n", key, value == null ? "none" : value));
    }
}
