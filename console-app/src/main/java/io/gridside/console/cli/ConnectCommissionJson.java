package io.gridside.console.cli;

import io.gridside.console.service.commission.CommissionService;
import io.gridside.console.service.commission.StepState;
import io.gridside.link.message.CommissioningState;
import io.gridside.link.message.HelloReply;
import io.gridside.site.CustomerCategory;
import io.gridside.site.RelayState;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON that the {@code connect ... commission} subcommands print behind {@code --json}: the field names are a
 * contract with scripts.
 */
final class ConnectCommissionJson {

    private ConnectCommissionJson() {
    }

    /** What {@code setup} leaves: the gateway serving the site, its key, the operator key, the pack's tariffs. */
    record SetUp(String siteId, String gatewayId, String gatewayKey, String operatorKeyId, List<String> tariffIds,
            boolean repeated) {
    }

    /** What {@code go-live} leaves: since when the gateway bills, and how many customers. */
    record Live(Instant liveAt, int customers, boolean repeated) {
    }

    /** A meter given to a customer of the plan, with what the plan holds for the customer. */
    record Assigned(String meterSerial, String customerId, String name, CustomerCategory category, String tariffId,
            long openingBalanceMinor, String currency, boolean repeated) {
    }

    /** A relay test as kept in the site database. */
    record Relay(String meterSerial, RelayState afterDisconnect, RelayState afterReconnect, boolean passed,
            Instant testedAt, String failure, Instant testedBeforeAt, boolean repeated) {

        /**
         * {@code test}, after the test kept {@code before} (null when none); repeated when it is that kept test, which
         * passed, and the relay was not switched again.
         */
        static Relay of(RelayTest test, RelayTest before, boolean repeated) {
            return new Relay(test.meterId(), test.afterOff(), test.afterOn(), test.passed(), test.testedAt(),
                    test.note(), before == null ? null : before.testedAt(), repeated);
        }
    }

    /** What {@code status} shows: the gateway's commissioning and, with a site database, its steps. */
    record Status(CommissioningState gateway, List<StepState> steps) {
    }

    /** The site, gateway and pack of {@code day} after its setup step. */
    static SetUp setUp(CommissionService day, boolean repeated) throws IOException {
        CommissioningState state = day.gatewayCommissioning().state();
        String key = day.gateway().map(HelloReply::gatewayKey).map(gatewayKey -> gatewayKey.hex()).orElse("");
        List<String> tariffs = day.records().tariffs().stream().map(TariffSchedule::tariffId).toList();
        return new SetUp(day.plan().siteId(), day.store().gatewayId().orElse(""), key, state.operatorKeyId(), tariffs,
                repeated);
    }
}
