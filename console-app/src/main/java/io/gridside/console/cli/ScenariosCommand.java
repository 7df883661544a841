package io.gridside.console.cli;

import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.Scenarios;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside scenarios}: lists the scenarios a simulated site can play. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"Lists the scenarios a simulated site can play, for demo --scenario and sim --scenario.",
            "A scenario file of one's own may be given there instead of a name."})
final class ScenariosCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--json", description = "Print a JSON array for programs.")
    boolean json;

    /** One scenario as the JSON output carries it; the field names are a contract with scripts. */
    record ScenarioJson(String name, int days, int steps, String description) {

        static ScenarioJson of(Scenario scenario) {
            return new ScenarioJson(scenario.name(), scenario.days(), scenario.steps().size(),
                    scenario.description());
        }
    }

    @Override
    public Integer call() {
        List<Scenario> scenarios = Scenarios.all();
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(scenarios.stream().map(ScenarioJson::of).toList()));
            return ExitCode.OK;
        }
        out.printf("%-18s %4s %5s  %s%n", "name", "days", "steps", "what happens");
        for (Scenario scenario : scenarios) {
            out.printf("%-18s %4d %5d  %s%n", scenario.name(), scenario.days(), scenario.steps().size(),
                    scenario.description());
        }
        return ExitCode.OK;
    }
}
