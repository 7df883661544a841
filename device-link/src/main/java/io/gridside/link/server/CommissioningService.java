package io.gridside.link.server;

import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.CommissioningState;
import io.gridside.link.message.MeterCommissioned;
import io.gridside.link.message.RelayTested;
import io.gridside.link.message.SiteSetUp;
import io.gridside.link.message.WentLive;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.List;

/**
 * What a gateway that can be commissioned offers (protocol sections 6.30 and 6.31). The session checks the pack,
 * its tariffs and the technician's credential before it calls {@link #setUp}; the service keeps the rules of the
 * site's state: what was set up, which meter went to which customer, and whether billing is on. Thread-safe.
 */
public interface CommissioningService {

    /** Whether the gateway has no site yet: no setup taken, no operator trusted, clock unset. */
    boolean factoryFresh();

    /** How far commissioning has come. */
    CommissioningState state();

    /**
     * Takes the site, the clock and a pack the session verified; the same setup again answers as the first did.
     *
     * @param tariffs the pack's tariff files as schedules, in the pack's order, each checked valid
     * @param by the technician who set it up, for the record
     * @throws CommissionRefusedException when the gateway serves another site already
     */
    SiteSetUp setUp(SitePlan plan, Instant clock, SignedCommissioningPack pack, List<TariffSchedule> tariffs,
            String by) throws CommissionRefusedException;

    /** The meters that joined the mesh at or after {@code since} (all when null) and have no customer yet. */
    List<JoinedMeter> joinedMeters(Instant since);

    /**
     * Gives a meter to a customer, once per customer id.
     *
     * @throws CommissionRefusedException when a rule of the request is broken, with the rule's code
     */
    MeterCommissioned commission(CommissionMeter request, String by) throws CommissionRefusedException;

    /**
     * Tests a meter's relay; a relay that does not read back as told is an answer that did not pass.
     *
     * @throws CommissionRefusedException when no such meter joined, or before setup
     */
    RelayTested testRelay(String meterSerial, String by) throws CommissionRefusedException;

    /**
     * Switches billing on, once; a repeat answers as the first did.
     *
     * @throws CommissionRefusedException before setup or with no customer
     */
    WentLive goLive(String by) throws CommissionRefusedException;
}
