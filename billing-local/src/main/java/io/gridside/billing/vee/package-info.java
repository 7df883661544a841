/**
 * Validation, estimation and editing (VEE) of a meter's raw register reads, ahead of the billing engine: reads
 * that break a rule go to the exceptions queue, and the energy of each gap between good reads is spread over the
 * gap's intervals by a stated method.
 */
package io.gridside.billing.vee;
