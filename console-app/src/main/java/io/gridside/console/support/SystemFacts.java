package io.gridside.console.support;

import io.gridside.console.cli.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions and the machine a diagnostics bundle describes: the console, Java, JavaFX, the system, memory. */
final class SystemFacts {

    private static final long MIB = 1024 * 1024;

    private SystemFacts() {
    }

    /** Each fact by name, in the order a person reads them. */
    static Map<String, String> collect() {
        Runtime runtime = Runtime.getRuntime();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("gridside", Versions.current());
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        facts.put("javafx", javaFxVersion());
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        facts.put("processors", Integer.toString(runtime.availableProcessors()));
        facts.put("memory.max.mib", Long.toString(runtime.maxMemory() / MIB));
        facts.put("memory.total.mib", Long.toString(runtime.totalMemory() / MIB));
        facts.put("memory.free.mib", Long.toString(runtime.freeMemory() / MIB));
        facts.put("locale", java.util.Locale.getDefault().toLanguageTag());
        facts.put("timezone", java.util.TimeZone.getDefault().getID());
        return facts;
    }

    /** JavaFX's version from its own jar, read without starting JavaFX; "absent" without it on the class path. */
    private static String javaFxVersion() {
        Properties properties = new Properties();
        try (InputStream in = SystemFacts.class.getClassLoader().getResourceAsStream("javafx.properties")) {
            if (in == null) {
                return "absent";
            }
            properties.load(in);
        } catch (IOException e) {
            return "unreadable";
        }
        return properties.getProperty("javafx.runtime.version", properties.getProperty("javafx.version", "unknown"));
    }
}
