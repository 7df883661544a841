package io.gridside.console.shell;

import io.gridside.console.Retext;
import io.gridside.console.cash.CashDeskViewModel;
import io.gridside.console.commission.CommissionStart;
import io.gridside.console.commission.CommissionViewModel;
import io.gridside.console.commission.ServiceCommissionSource;
import io.gridside.console.connect.ConnectViewModel;
import io.gridside.console.customers.CustomersViewModel;
import io.gridside.console.dashboard.DashboardViewModel;
import io.gridside.console.exceptions.ExceptionsViewModel;
import io.gridside.console.firmware.FirmwareViewModel;
import io.gridside.console.firmware.SessionFirmwareSource;
import io.gridside.console.importing.ImportsViewModel;
import io.gridside.console.mesh.MeshViewModel;
import io.gridside.console.meters.MetersViewModel;
import io.gridside.console.reconcile.ReconcileViewModel;
import io.gridside.console.replay.ReplayViewModel;
import io.gridside.console.replay.SessionReplaySource;
import io.gridside.console.sync.SessionSyncSource;
import io.gridside.console.sync.SyncViewModel;
import io.gridside.console.tariffs.TariffsViewModel;
import io.gridside.site.commission.LinkThresholds;
import java.util.List;
import java.util.stream.Stream;

/**
 * The view models of every screen of one session, made once: a language or theme switch builds the screens again
 * on the same models, so what the technician had loaded, typed or started stays, and no work runs twice.
 */
public record ScreenModels(ConnectViewModel connect, DashboardViewModel dashboard, MetersViewModel meters,
        MeshViewModel mesh, ReplayViewModel replay, CustomersViewModel customers, CashDeskViewModel cashDesk,
        ImportsViewModel imports, TariffsViewModel tariffs, ExceptionsViewModel exceptions,
        ReconcileViewModel reconcile, FirmwareViewModel firmware, SyncViewModel sync, CommissionViewModel commission) {

    /** The models that write texts once and can write them again after a language switch. */
    public List<Retext> retexting() {
        return Stream.of(connect, dashboard, meters, mesh, replay, customers, cashDesk, imports, tariffs, exceptions,
                reconcile, firmware, sync, commission).filter(Retext.class::isInstance).map(Retext.class::cast)
                .toList();
    }

    /** The models of {@code session}'s screens, the Commissioning screen's started as {@code start} says. */
    public static ScreenModels of(SessionViewModel session, CommissionStart start) {
        CommissionViewModel commission = new CommissionViewModel(new ServiceCommissionSource(session.tasks(),
                start, LinkThresholds.DEFAULTS));
        commission.offer(start);
        return new ScreenModels(new ConnectViewModel(session), new DashboardViewModel(session),
                new MetersViewModel(session), new MeshViewModel(session),
                new ReplayViewModel(new SessionReplaySource(session)), new CustomersViewModel(session),
                new CashDeskViewModel(session), new ImportsViewModel(session), new TariffsViewModel(session),
                new ExceptionsViewModel(session), new ReconcileViewModel(session),
                new FirmwareViewModel(new SessionFirmwareSource(session)),
                new SyncViewModel(new SessionSyncSource(session)), commission);
    }
}
