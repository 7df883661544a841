package io.gridside.sim.cloud;

import io.gridside.sim.DemoOperator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.Customer;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.SyncStreams;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The down items the demo's cloud holds for its simulated site, published once into a new store: a tariff
 * version, a customer's phone change, two mobile-money top-ups, a firmware release record and the demo
 * operator's revocation list.
 */
final class CloudDemo {

    private CloudDemo() {
    }

    /** Publishes the demo's down items for {@code layout}'s site unless the store already holds some. */
    static void seed(CloudServer cloud, SiteLayout layout) {
        String site = layout.site().siteId();
        if (!cloud.published(site, SyncStreams.TARIFFS).isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        cloud.publishTariff(site, new DownItems.Tariff("cloud-" + now.atZone(ZoneOffset.UTC).toLocalDate(),
                now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1), SyncJson.item(layout.tariff())));
        List<Customer> customers = layout.customers();
        Customer first = customers.get(0);
        Customer second = customers.size() > 1 ? customers.get(1) : first;
        cloud.publishCustomerField(site, new DownItems.CustomerField(first.customerId(), "phone", "+254700000123",
                hlc(now)));
        String currency = layout.site().currency();
        cloud.publishTopUp(site, new DownItems.TopUp("MM-DEMO-0001", first.customerId(), 50_000, currency,
                now.minus(Duration.ofHours(2)), DownItems.MOBILE_MONEY));
        cloud.publishTopUp(site, new DownItems.TopUp("MM-DEMO-0002", second.customerId(), 20_000, currency,
                now.minus(Duration.ofHours(1)), DownItems.MOBILE_MONEY));
        cloud.publishFirmware(site, new DownItems.Firmware(SampleFirmware.METER_VERSION,
                FirmwareProduct.METER.name(), SampleFirmware.METER_HARDWARE, SampleFirmware.METER_COUNTER,
                "Meter firmware released to the demo site's fleet.", now.minus(Duration.ofDays(1))));
        cloud.publishRevocations(site, DemoOperator.demoRevocations(now));
    }

    /** The text form of a hybrid logical clock at {@code at}, counter 0, from the cloud's node. */
    static String hlc(Instant at) {
        return String.format("%013d-%05d-cloud", at.toEpochMilli(), 0);
    }
}
