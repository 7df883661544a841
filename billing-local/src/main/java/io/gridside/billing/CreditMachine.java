package io.gridside.billing;

import io.gridside.site.CreditState;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The credit state machine the engine runs after every posting: active, low, emergency credit, grace, arrears
 * for customers never cut off, disconnected, and reconnection once a payment covers the threshold and the set
 * share of the emergency debt. It decides the relay, unless a maintenance lock holds it.
 *
 * <p>It reads only the account, the policy, the calendar and the time of the posting, so two engines fed the
 * same inputs reach the same states and decisions.
 */
final class CreditMachine {

    private final CreditPolicy policy;
    private final SiteCalendar calendar;
    private final ZoneId zone;
    private final long lowCreditMinor;

    CreditMachine(CreditPolicy policy, SiteCalendar calendar, ZoneId zone, long lowCreditMinor) {
        this.policy = policy;
        this.calendar = calendar;
        this.zone = zone;
        this.lowCreditMinor = lowCreditMinor;
    }

    /** Moves the account to the state its balance gives at {@code at}, deciding the relay and any alert. */
    void evaluate(Account account, Instant at, List<RelayDecision> decisions, List<CreditAlert> alerts) {
        alertOnLowCredit(account, at, alerts);

        CreditState previous = account.state;
        account.state = previous == CreditState.DISCONNECTED ? afterDisconnection(account, at)
                : connectedState(account, at);
        if (account.state == CreditState.DISCONNECTED && previous != CreditState.DISCONNECTED) {
            account.emergencyDebtMinor = Math.min(policy.emergencyCapMinor(), Math.max(0, -account.availableMinor()));
        }

        RelayState wanted = wantedRelay(account);
        if (account.lock == null && account.relay != wanted) {
            account.relay = wanted;
            decisions.add(new RelayDecision(account.meterId, account.customerId, at, wanted,
                    reason(account.state)));
        }
    }

    /** The relay billing wants for the account's state: open only when disconnected. */
    static RelayState wantedRelay(Account account) {
        return account.state == CreditState.DISCONNECTED ? RelayState.OFF : RelayState.ON;
    }

    /** Whether the account is in a state that grace ends: the engine re-evaluates such accounts every tick. */
    static boolean awaitsTime(Account account) {
        return account.state == CreditState.GRACE;
    }

    private CreditState connectedState(Account account, Instant at) {
        long balance = account.availableMinor();
        if (balance >= lowCreditMinor && balance > 0) {
            return CreditState.ACTIVE;
        }
        if (balance > 0) {
            return CreditState.LOW;
        }
        if (account.neverDisconnect) {
            return CreditState.ARREARS;
        }
        if (policy.emergencyCredit() && balance > -policy.emergencyCapMinor()) {
            return CreditState.EMERGENCY;
        }
        if (policy.graceEnabled() && calendar.isGrace(at.atZone(zone).toLocalDateTime())) {
            return CreditState.GRACE;
        }
        return CreditState.DISCONNECTED;
    }

    /**
     * A disconnected customer is reconnected once their payments cover the reconnect threshold and the set share
     * of the emergency debt they were cut off with; the rest of that debt stays as a negative balance, which the
     * emergency credit then carries.
     */
    private CreditState afterDisconnection(Account account, Instant at) {
        long carried = Math.floorDiv(account.emergencyDebtMinor * (100 - policy.reconnectSharePercent()), 100);
        if (account.availableMinor() < policy.reconnectMinor() - carried) {
            return CreditState.DISCONNECTED;
        }
        CreditState next = connectedState(account, at);
        // Reconnecting into grace would only defer a disconnection the balance already calls for.
        return next == CreditState.GRACE ? CreditState.DISCONNECTED : next;
    }

    private void alertOnLowCredit(Account account, Instant at, List<CreditAlert> alerts) {
        long balance = account.availableMinor();
        if (balance >= lowCreditMinor + policy.lowAlertHysteresisMinor()) {
            account.lowAlertArmed = true;
        } else if (balance < lowCreditMinor && account.lowAlertArmed) {
            account.lowAlertArmed = false;
            alerts.add(new CreditAlert(account.customerId, account.meterId, at, balance, lowCreditMinor));
        }
    }

    private static String reason(CreditState next) {
        return next == CreditState.DISCONNECTED ? "credit-exhausted" : "topped-up";
    }

    /** Counts a reading's energy that was delivered below zero credit, by the share of its charge below zero. */
    void recordDelivery(Account account, long energyWh, long chargedMinor) {
        long after = account.availableMinor();
        if (after >= 0 || energyWh == 0) {
            return;
        }
        long before = after + chargedMinor;
        long pastZero = before <= 0 || chargedMinor == 0 ? energyWh
                : Math.multiplyExact(energyWh, -after) / chargedMinor;
        account.energyPastZeroWh += pastZero;
        if (account.state == CreditState.GRACE) {
            account.energyInGraceWh += pastZero;
        }
    }
}
