package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.CreditPolicy;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreState;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.SiteCalendar;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site of 5,000 customers, each on one of many tariffs and many with an appliance loan, restored from the
 * console's replica onto a simulated replacement gateway over TCP: the billing configuration is too large for the
 * begin's frame, so it travels in parts (protocol section 6.39), and the new gateway answers GetBillingConfig with
 * the very document, under the same digest. A site this large is big data, so it runs in the long profile; the
 * replacement gateway's and the replica's own tests cover the parts on small documents.
 */
@Tag("long")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LargeSiteRestoreTest {

    private static final Logger LOG = LoggerFactory.getLogger(LargeSiteRestoreTest.class);
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteInfo SITE = new SiteInfo("site-large", "Large", "KES", ZoneId.of("Africa/Nairobi"));
    private static final int CUSTOMERS = 5_000;
    /** Tariffs negotiated customer by customer: a site this large carries hundreds of them. */
    private static final int TARIFFS = 400;

    private ReplacementSite replacement;

    @AfterEach
    void close() {
        if (replacement != null) {
            replacement.close();
        }
    }

    @Test
    void restoresAFiveThousandCustomerConfigurationInPartsAndTheNewGatewayAnswersItsDigest() throws IOException {
        Map<String, String> tariffOfCustomer = new LinkedHashMap<>();
        BillingConfig config = config(tariffOfCustomer);
        byte[] document = BillingConfigDocument.encode(config);
        ReplicaRestore replica = replica(document, tariffOfCustomer.keySet());
        ReplacementGateway fresh = new ReplacementGateway(SITE.siteId(), "GW-NEW001",
                SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))), DemoOperator.trusted(),
                SimClock.manual(NOW), (meterId, at) -> Optional.of(new RegistersRead.Register(meterId, 10_000,
                        at.minusSeconds(420))));
        replacement = ReplacementSite.listen(fresh);
        BeginRestore begin = replica.begin(CUSTOMERS / ReplicaRestore.CHUNK_ACCOUNTS);
        List<RestoreConfigPart> parts = replica.configParts(begin);

        byte[] pulled;
        RestoreState state;
        try (GatewayClient client = ReplacedSites.supervisor(replacement.address(), SITE.siteId(), NOW,
                GatewayPins.inMemory(), true)) {
            state = replica.sendTo(client, Progress.NONE);
            client.replacement().readRegisters();
            client.replacement().post(new PostReconciliation(replica.restoreId(), List.of(
                    new PostReconciliation.Line("C00001", EntryKind.ENERGY, -120, "gap:M00001:41:energy"))));
            pulled = client.billingConfig(CancelSignal.NEVER);
        }

        LOG.info("A configuration of {} customers on {} tariffs: {} bytes, {} compressed, in {} parts of at most {} "
                + "bytes each, beside a begin of {} bytes and {} chunks of accounts.", CUSTOMERS, TARIFFS,
                document.length, packedSize(parts), parts.size(), largest(parts), MessageCodec.encode(begin).length,
                begin.chunkCount());
        assertThat(begin.configInParts()).as("the configuration does not fit the begin's frame").isTrue();
        assertThat(parts).hasSize(begin.configParts()).allSatisfy(part ->
                assertThat(MessageCodec.encode(part).length).isLessThanOrEqualTo(Frame.MAX_PAYLOAD));
        assertThat(state.applied()).isTrue();
        assertThat(BillingConfigBatch.digestOf(pulled)).isEqualTo(begin.configDigest())
                .isEqualTo(BillingConfigBatch.digestOf(document));
        assertThat(BillingConfigDocument.decode(pulled).scheduleOf("C04999").tariffId())
                .isEqualTo(tariffOfCustomer.get("C04999"));
        assertThat(fresh.balance("C00002")).isEqualTo(balanceOf(2));
    }

    /** Each customer on a tariff drawn from {@link #TARIFFS}, every third with an appliance loan, from a seed. */
    private static BillingConfig config(Map<String, String> tariffOfCustomer) {
        Random random = new Random(5_000);
        Map<String, TariffSchedule> tariffs = new LinkedHashMap<>();
        for (int t = 1; t <= TARIFFS; t++) {
            String id = String.format("T-%04d", t);
            tariffs.put(id, TariffSchedule.flat(new Tariff(id, "KES", 2_000 + random.nextInt(3_000),
                    random.nextInt(2_000), 5_000)));
        }
        List<Debt> debts = new ArrayList<>();
        for (int c = 1; c <= CUSTOMERS; c++) {
            String customerId = customerId(c);
            tariffOfCustomer.put(customerId, String.format("T-%04d", 1 + random.nextInt(TARIFFS)));
            if (c % 3 == 0) {
                debts.add(new Debt("loan-" + customerId, customerId, Debt.Kind.APPLIANCE_LOAN,
                        10_000 + random.nextInt(200_000), 5 + random.nextInt(30)));
            }
        }
        return BillingConfig.perCustomer(tariffs, tariffOfCustomer, new CreditTerms(CreditPolicy.PLAIN,
                SiteCalendar.NONE, Set.of(), debts));
    }

    private static ReplicaRestore replica(byte[] document, Set<String> customerIds) {
        List<RestoreChunk.Account> accounts = new ArrayList<>();
        int c = 0;
        for (String customerId : customerIds) {
            c++;
            accounts.add(new RestoreChunk.Account(
                    new Customer(customerId, "Customer " + c, CustomerCategory.HOUSEHOLD),
                    new Meter(String.format("M%05d", c), String.format("SN-%05d", c), customerId, "GW-OLD", -70),
                    balanceOf(c)));
        }
        LedgerEntry tip = new LedgerEntry(41, NOW.minusSeconds(86_400), "C00001", EntryKind.ENERGY, -30,
                balanceOf(1), "day:2026-06-02");
        return new ReplicaRestore(SITE.siteId() + ":41", SITE, new Tariff("T-0001", "KES", 2_500, 1_000, 5_000), tip,
                ByteString.of(new byte[32]), accounts, document, List.of());
    }

    private static String customerId(int c) {
        return String.format("C%05d", c);
    }

    private static long balanceOf(int c) {
        return 1_000L + 37L * c;
    }

    private static long packedSize(List<RestoreConfigPart> parts) {
        return parts.stream().flatMap(part -> part.pieces().stream()).mapToLong(ByteString::size).sum();
    }

    private static int largest(List<RestoreConfigPart> parts) {
        return parts.stream().mapToInt(part -> MessageCodec.encode(part).length).max().orElse(0);
    }
}
