package io.gridside.console.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.CsvProblem;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.SitePlan;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Commissioning screen's state on a stand-in source that records the orders it is given. */
class CommissionViewModelTest {

    private final RecordingSource source = new RecordingSource();
    private final CommissionViewModel model = new CommissionViewModel(source);

    @Test
    void refusesASiteFormThatDoesNotReadAndSendsNothing() {
        model.createSite("ngamba-3", "Ngamba", "Ngamba Power", "KES", "Africa/Nowhere", "", "-0.31", "32.65");

        assertThat(model.problemProperty().get()).startsWith("The site could not be created").contains("Nowhere");
        assertThat(source.orders).isEmpty();

        model.createSite("ngamba-3", "Ngamba", "Ngamba Power", "KES", "Africa/Nairobi", "2026-12-26, 2026-12-25",
                "-0.31", "north");

        assertThat(model.problemProperty().get()).contains("north");
        assertThat(source.orders).isEmpty();
    }

    @Test
    void sendsASiteFormThatReadsWithItsHolidaysInOrder() {
        model.createSite(" ngamba-3 ", "Ngamba", "Ngamba Power", "kes", "Africa/Nairobi", "2026-12-26 2026-12-25",
                "-0.31", "32.65");

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(source.plans).singleElement().satisfies(plan -> {
            assertThat(plan.siteId()).isEqualTo("ngamba-3");
            assertThat(plan.currency()).isEqualTo("KES");
            assertThat(plan.zone()).isEqualTo(ZoneId.of("Africa/Nairobi"));
            assertThat(plan.holidays()).extracting(Object::toString).containsExactly("2026-12-25", "2026-12-26");
        });
    }

    @Test
    void aFrenchFormReadsItsPositionWithTheDecimalCommaOrAPoint() {
        I18n.use(Locale.FRENCH);
        try {
            model.createSite("ngamba-3", "Ngamba", "Ngamba Power", "KES", "Africa/Nairobi", "", "-0,31", "32.65");

            assertThat(model.problemProperty().get()).isEmpty();
            assertThat(source.plans).singleElement().satisfies(plan -> {
                assertThat(plan.latitude()).isEqualTo(-0.31);
                assertThat(plan.longitude()).isEqualTo(32.65);
            });
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void aScanWithoutACustomerIsRefusedAndAStrayEnterIsIgnored() {
        model.assign("   ", "NG-0001");
        assertThat(model.problemProperty().get()).isEmpty();

        model.assign("SM023000016", " ");

        assertThat(model.problemProperty().get()).isEqualTo(CommissionTexts.text("assign.noCustomer"));
        assertThat(source.orders).isEmpty();

        model.assign(" SM023000016\t", "NG-0001");
        assertThat(source.orders).containsExactly("assign SM023000016 NG-0001");
    }

    @Test
    void aRefusalFromTheSourceIsShownUntilTheNextOrder() {
        source.refusal = "The serial SM023000017 has a wrong check digit. [SERIAL_CHECK_DIGIT]";
        model.assign("SM023000017", "NG-0001");
        assertThat(model.problemProperty().get()).endsWith("[SERIAL_CHECK_DIGIT]");

        source.refusal = null;
        model.proceed();

        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void showsTheCurrentStepUntilTheTechnicianLooksAtAnother() {
        source.overview(CommissionStep.ASSIGN);
        assertThat(model.shownProperty().get()).isEqualTo(CommissionStep.ASSIGN);

        model.show(CommissionStep.SITE);
        source.overview(CommissionStep.BALANCES);

        assertThat(model.shownProperty().get()).isEqualTo(CommissionStep.SITE);
        assertThat(model.currentProperty().get()).isEqualTo(CommissionStep.BALANCES);
        assertThat(model.shownIsDone()).isTrue();
        model.goBack();
        assertThat(source.orders).containsExactly("back SITE");
    }

    @Test
    void showsTheSourcesThresholdsAsATechnicianTypesThem() {
        assertThat(List.of(0, 1, 2, 3, 4, 5)).extracting(field -> model.thresholdField(field).get())
                .containsExactly("-90", "-100", "2", "4", "2", "1");
    }

    @Test
    void sendsChangedThresholdsAndKeepsTheClusterDistance() {
        model.thresholdField(0).set(" -85 ");
        model.thresholdField(3).set("3,5");

        model.applyThresholds();

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(source.used).containsExactly(new LinkThresholds(-85, -100, 2, 3.5, 2, 1,
                LinkThresholds.DEFAULTS.clusterMetres()));
        assertThat(model.thresholdsProperty().get().passRssiDbm()).isEqualTo(-85);
    }

    @Test
    void refusesThresholdsThatAreNotNumbersOrContradictEachOther() {
        model.thresholdField(4).set("two");
        model.applyThresholds();
        assertThat(model.problemProperty().get()).startsWith("These thresholds cannot be used").contains("'two'");

        model.thresholdField(4).set("2");
        model.thresholdField(1).set("-80");
        model.applyThresholds();

        assertThat(model.problemProperty().get()).startsWith("These thresholds cannot be used")
                .contains("fail signal limit");
        assertThat(source.used).isEmpty();
        assertThat(model.thresholdsProperty().get()).isEqualTo(LinkThresholds.DEFAULTS);
    }

    @Test
    void continueAppliesOnlyWhereTheStepHasNoButtonOfItsOwn() {
        source.overview(CommissionStep.SITE);
        assertThat(model.proceedAppliesProperty().get()).isFalse();

        source.overview(CommissionStep.ASSIGN);
        assertThat(model.proceedAppliesProperty().get()).isTrue();

        source.overview(CommissionStep.LINK_CHECK);
        assertThat(model.proceedAppliesProperty().get()).isTrue();
        assertThat(model.liveProperty().get()).isFalse();

        source.overview(CommissionStep.GO_LIVE);
        assertThat(model.proceedAppliesProperty().get()).isFalse();

        source.overview(CommissionStep.REPORT);
        assertThat(model.liveProperty().get()).isTrue();
    }
    @Test
    void aCustomersFilesProblemsAreWordedAgainAfterALanguageSwitch() {
        ServiceCommissionSource.CustomerProblems problems = new ServiceCommissionSource.CustomerProblems(List.of(
                new CsvProblem(2, "", "The file has a header and no customers.", "customers.none")));
        source.worded = Sentence.later(() -> ServiceCommissionSource.words(problems));
        model.importCustomers(Path.of("customers.csv"));
        String english = model.problemProperty().get();

        I18n.use(Locale.FRENCH);
        try {
            assertThat(model.problemProperty().get()).isNotEqualTo(english)
                    .contains("ligne 2 : le fichier a un en-tête et aucun client").endsWith("[NOT_READY]");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
        assertThat(english).contains("line 2: The file has a header and no customers.").endsWith("[NOT_READY]");
        assertThat(model.problemProperty().get()).isEqualTo(english);
    }

    @Test
    void aSiteFormsRefusalIsWordedAgainAfterALanguageSwitch() {
        model.createSite("ngamba-3", "Ngamba", "Ngamba Power", "KES", "Africa/Nairobi", "", "-0.31", "north");
        String english = model.problemProperty().get();

        I18n.use(Locale.FRENCH);
        try {
            assertThat(model.problemProperty().get()).isNotEqualTo(english).doesNotStartWith("The site");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    /** A source that records each order and answers with a refusal when one is set. */
    private static final class RecordingSource implements CommissionSource {

        final List<String> orders = new ArrayList<>();
        final List<SitePlan> plans = new ArrayList<>();
        final List<LinkThresholds> used = new ArrayList<>();
        String refusal;
        /** A refusal worded when it is read, answered instead of {@link #refusal} when set. */
        Sentence worded;
        private Consumer<CommissionOverview> onOverview;

        void overview(CommissionStep current) {
            List<io.gridside.console.service.commission.StepState> steps = new ArrayList<>();
            for (CommissionStep step : CommissionStep.values()) {
                steps.add(new io.gridside.console.service.commission.StepState(step, step.compareTo(current) < 0
                        ? io.gridside.console.service.commission.StepState.Status.DONE
                        : step == current ? io.gridside.console.service.commission.StepState.Status.CURRENT
                        : io.gridside.console.service.commission.StepState.Status.LEFT));
            }
            onOverview.accept(new CommissionOverview(steps, "", "", "", List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), ""));
        }

        private void answer(String order, Consumer<Sentence> onFailure) {
            orders.add(order);
            if (worded != null) {
                onFailure.accept(worded);
            } else if (refusal != null) {
                onFailure.accept(Sentence.verbatim(refusal));
            }
        }

        @Override
        public void listen(Consumer<CommissionOverview> overviews, Consumer<Progress> progress) {
            this.onOverview = overviews;
        }

        @Override
        public void reload() {
        }

        @Override
        public void proceed(Consumer<Sentence> onFailure) {
            answer("proceed", onFailure);
        }

        @Override
        public void cancel() {
        }

        @Override
        public void createSite(SitePlan plan, Consumer<Sentence> onFailure) {
            plans.add(plan);
            answer("site " + plan.siteId(), onFailure);
        }

        @Override
        public void connectGateway(String address, Consumer<Sentence> onFailure) {
            answer("gateway " + address, onFailure);
        }

        @Override
        public void choosePack(Path pack, Consumer<Sentence> onFailure) {
            answer("pack " + pack, onFailure);
        }

        @Override
        public void importCustomers(Path csv, Consumer<Sentence> onFailure) {
            answer("customers " + csv, onFailure);
        }

        @Override
        public void assign(String serial, String customerId, Consumer<Sentence> onRefused) {
            answer("assign " + serial + " " + customerId, onRefused);
        }

        @Override
        public void unassign(String customerId, Consumer<Sentence> onRefused) {
            answer("unassign " + customerId, onRefused);
        }

        @Override
        public void goLive(Consumer<Sentence> onFailure) {
            answer("go live", onFailure);
        }

        @Override
        public void goBack(CommissionStep step, Consumer<Sentence> onFailure) {
            answer("back " + step, onFailure);
        }

        @Override
        public LinkThresholds thresholds() {
            return LinkThresholds.DEFAULTS;
        }

        @Override
        public void useThresholds(LinkThresholds thresholds, Consumer<Sentence> onFailure) {
            used.add(thresholds);
            answer("thresholds", onFailure);
        }
    }
}
