package io.gridside.console.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The console's version, as the build stamped it. */
public final class Versions implements CommandLine.IVersionProvider {

    /** The version of this build, or "unknown" when run from unpackaged classes. */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/io/gridside/console/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gridside " + current(), "Java " + System.getProperty("java.version")};
    }
}
