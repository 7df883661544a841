package io.gridside.sim;

import io.gridside.sim.rf.MeshPlan;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import java.util.List;

/**
 * A generated site before it runs: who is there, what they use, what they start with and how they pay.
 *
 * @param openingMinor each customer's opening balance, by meter index
 * @param payRate each customer's chance per daytime interval of topping up once low, by meter index
 * @param mesh where the meters stand and whom each can hear, from which the gateway runs the mesh
 * @param grid which feeder supplies each meter and how far along it, for the voltage model and the scenarios
 */
public record SiteLayout(
        SiteInfo site, String gatewayId, Tariff tariff, List<Customer> customers, List<Meter> meters,
        List<LoadProfile> loads, long[] openingMinor, double[] payRate,
        MeshPlan mesh, FeederPlan grid) {
}
