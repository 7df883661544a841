package io.gridside.console.cli;

import io.gridside.sim.firmware.SampleFirmware;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside firmware samples}: writes the simulated site's signed sample images and the demo key. */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = {"Writes the simulated site's signed sample images (one for its gateway, one for its "
            + "meters) and the public file of the demo firmware key that signs them.",
            "DEMO ONLY: the demo key's private half is public; no real gateway trusts it."})
final class FirmwareSamplesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write them into; it is made if need be.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException(out + " is a file, not a folder; give a folder for --out.");
        }
        try {
            SampleFirmware.writeSamples(out);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(e.getFile() + " exists already and holds another key; move it away first.", e,
                    CommandFiles.FILE_EXISTS);
        }

        command.commandLine().getOut().println("Wrote " + SampleFirmware.GATEWAY_FILE + " (gateway image "
                + SampleFirmware.GATEWAY_VERSION + "), " + SampleFirmware.METER_FILE + " (meter image "
                + SampleFirmware.METER_VERSION + ") and " + SampleFirmware.KEY_FILE + " (the demo firmware key, "
                + SampleFirmware.key().fingerprint() + ") to " + out + ". Demo only: no real gateway trusts "
                + "that key.");
        return ExitCode.OK;
    }
}
