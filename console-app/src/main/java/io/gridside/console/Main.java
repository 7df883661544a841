package io.gridside.console;

import io.gridside.console.cli.GridsideCommand;
import io.gridside.console.service.AppDirs;

/** The one entry point: {@code gridside} with no arguments opens the console; otherwise a subcommand runs. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppDirs.forCurrentUser().configureLogging();
        if (args.length == 0) {
            System.exit(GridsideCommand.openWindow());
        }
        System.exit(GridsideCommand.run(args));
    }
}
