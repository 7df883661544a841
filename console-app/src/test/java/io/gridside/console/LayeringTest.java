package io.gridside.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module layering of the design, enforced on the compiled classes of every module. Maven's module graph
 * already stops an upward import from compiling; these rules guard what it cannot see.
 */
@AnalyzeClasses(packages = "io.gridside", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainStandsAlone = noClasses().that().resideInAPackage("io.gridside.site..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gridside.billing..", "io.gridside.link..",
                    "io.gridside.sim..", "io.gridside.console..")
            .because("the domain and the site store are the ground every module stands on");

    @ArchTest
    static final ArchRule billingUsesOnlyTheDomain = noClasses().that().resideInAPackage("io.gridside.billing..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gridside.link..", "io.gridside.sim..",
                    "io.gridside.console..", "java.sql..", "java.net..")
            .because("the gateway and the console must run the very same engine, free of storage and I/O");

    @ArchTest
    static final ArchRule linkKnowsNoBillingOrSimulator = noClasses().that().resideInAPackage("io.gridside.link..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gridside.billing..", "io.gridside.sim..",
                    "io.gridside.console..")
            .because("the link carries messages; it must not depend on who bills or who simulates");

    @ArchTest
    static final ArchRule simulatorIsNotTheConsole = noClasses().that().resideInAPackage("io.gridside.sim..")
            .should().dependOnClassesThat().resideInAPackage("io.gridside.console..")
            .because("the simulated site stands in for a real gateway, which knows nothing of the console");

    @ArchTest
    static final ArchRule coreModulesNeverImportJavaFx = noClasses().that()
            .resideInAnyPackage("io.gridside.site..", "io.gridside.billing..", "io.gridside.link..",
                    "io.gridside.sim..", "io.gridside.console.service..", "io.gridside.console.cli..",
                    "io.gridside.console.support..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("domain, billing, link, simulator and services must run headless, on a gateway or in CI");

    @ArchTest
    static final ArchRule screensNeverTouchStorageOrSockets = noClasses().that()
            .resideInAnyPackage("io.gridside.console.connect..", "io.gridside.console.dashboard..",
                    "io.gridside.console.meters..", "io.gridside.console.customers..",
                    "io.gridside.console.shell..", "io.gridside.console.tasks..",
                    "io.gridside.console.exceptions..", "io.gridside.console.reconcile..", "io.gridside.console.cash..",
                    "io.gridside.console.importing..", "io.gridside.console.tariffs..", "io.gridside.console.mesh..",
                    "io.gridside.console.replay..", "io.gridside.console.firmware..",
                    "io.gridside.console.sync..", "io.gridside.console.replace..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..",
                    "io.gridside.link.transport..", "io.gridside.link.frame..", "io.gridside.link.session..")
            .because("the UI talks to services, never to JDBC or sockets directly");
}
