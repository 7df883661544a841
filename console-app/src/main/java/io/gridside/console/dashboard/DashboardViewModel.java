package io.gridside.console.dashboard;

import io.gridside.console.I18n;
import io.gridside.console.Retext;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.message.HelloReply;
import io.gridside.site.CreditState;
import io.gridside.site.MeterStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/** The dashboard's figures, recomputed whenever the meters are pulled again. */
public final class DashboardViewModel implements Retext {

    /** A meter counts as online when it has reported within this long of the gateway's clock. */
    static final Duration ONLINE_WITHIN = Duration.ofHours(1);

    private final SessionViewModel session;
    private final GatewayHealthViewModel gatewayHealth;
    private final IntegerProperty online = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty low = new SimpleIntegerProperty();
    private final IntegerProperty out = new SimpleIntegerProperty();
    private final LongProperty creditMinor = new SimpleLongProperty();
    private final SortedList<MeterStatus> attention;
    private final javafx.beans.property.StringProperty auditResult =
            new javafx.beans.property.SimpleStringProperty("");

    public DashboardViewModel(SessionViewModel session) {
        this.session = session;
        this.gatewayHealth = new GatewayHealthViewModel(session.gatewayHealth());
        this.attention = new SortedList<>(new FilteredList<>(session.meters(),
                m -> m.creditState() != CreditState.ACTIVE), Comparator.comparingLong(MeterStatus::balanceMinor));
        session.meters().addListener((ListChangeListener<MeterStatus>) change -> recount());
        session.gatewayClockProperty().addListener((obs, old, now) -> recount());
    }

    /** Writes the gateway's health again in the language now in use. */
    @Override
    public void retext() {
        gatewayHealth.retext();
    }

    private void recount() {
        ObservableList<MeterStatus> meters = session.meters();
        Instant clock = session.gatewayClockProperty().get();
        total.set(meters.size());
        online.set((int) meters.stream().filter(m -> isOnline(m, clock)).count());
        low.set((int) meters.stream().filter(m -> m.creditState() == CreditState.LOW).count());
        out.set((int) meters.stream().filter(m -> m.creditState() == CreditState.DISCONNECTED).count());
        creditMinor.set(meters.stream().mapToLong(m -> Math.max(0, m.balanceMinor())).sum());
    }

    static boolean isOnline(MeterStatus meter, Instant clock) {
        return meter.lastReadingAt() != null && clock != null
                && !meter.lastReadingAt().isBefore(clock.minus(ONLINE_WITHIN));
    }

    public String onlineText() {
        return figure(I18n.text("dashboard.meters.value", online.get(), total.get()));
    }

    /**
     * Whether the open site's first pull has ended. Until then the counts are of no meter at all, and the
     * dashboard says that the site is loading rather than that nothing is online and everyone has credit.
     */
    public ReadOnlyBooleanProperty loadedProperty() {
        return session.pulledProperty();
    }

    /** {@code text} once the site is loaded, the word for loading before. */
    public String figure(String text) {
        return loadedProperty().get() ? text : I18n.text("dashboard.loading.value");
    }

    /** What the table of customers near or out of credit says when it lists none. */
    public String attentionEmptyText() {
        return I18n.text(loadedProperty().get() ? "dashboard.attention.empty" : "dashboard.loading.attention");
    }

    /** The gateway's own health, as its card shows it. */
    public GatewayHealthViewModel gatewayHealth() {
        return gatewayHealth;
    }

    public ReadOnlyObjectProperty<HelloReply> helloProperty() {
        return session.helloProperty();
    }

    public ZoneId zone() {
        HelloReply hello = session.helloProperty().get();
        return hello == null ? ZoneId.systemDefault() : ZoneId.of(hello.timeZone());
    }

    public String currency() {
        HelloReply hello = session.helloProperty().get();
        return hello == null ? "XXX" : hello.currency();
    }

    public ReadOnlyObjectProperty<Instant> gatewayClockProperty() {
        return session.gatewayClockProperty();
    }

    public IntegerProperty onlineProperty() {
        return online;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public IntegerProperty lowProperty() {
        return low;
    }

    public IntegerProperty outProperty() {
        return out;
    }

    public LongProperty creditMinorProperty() {
        return creditMinor;
    }

    /** Re-runs the site's billing on this laptop and says whether the gateway's ledger agrees. */
    public void audit() {
        auditResult.set(I18n.text("audit.running"));
        session.audit(report -> auditResult.set(describe(report)), auditResult::set);
    }

    private static String describe(io.gridside.console.service.BillingReport report) {
        var reconciliation = report.reconciliation();
        String notChecked = reconciliation.notChecked().isEmpty() ? ""
                : " " + I18n.text("audit.notChecked", reconciliation.notChecked().size());
        if (reconciliation.agrees() && reconciliation.notChecked().isEmpty()) {
            return I18n.text("audit.agrees", reconciliation.compared(), report.rows().size());
        }
        if (reconciliation.agrees()) {
            return I18n.text("audit.agreesChecked", reconciliation.compared(), report.rows().size()) + notChecked;
        }
        return I18n.text("audit.differs", reconciliation.compared() - reconciliation.matched(),
                reconciliation.compared(), reconciliation.firstDifference().orElse("")) + notChecked;
    }

    public javafx.beans.property.StringProperty auditResultProperty() {
        return auditResult;
    }

    /** Customers who are low or out of credit, the poorest first. */
    public SortedList<MeterStatus> attention() {
        return attention;
    }
}
