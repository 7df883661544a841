package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenario;
import io.gridside.site.InvalidValueException;
import java.nio.file.Path;
import java.util.Locale;

/** Where the console should find its gateway. */
public sealed interface ConnectionTarget {

    /** A gateway on a LAN (or a simulator on loopback). */
    record Tcp(String host, int port) implements ConnectionTarget {

        public Tcp {
            if (port < 1 || port > 65_535) {
                throw new InvalidValueException("connect.port", "The port must be between 1 and 65535, was " + port
                        + ".", String.valueOf(port));
            }
        }

        /** Parses {@code HOST:PORT}. */
        public static Tcp parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new InvalidValueException("connect.address", "Give the gateway's address as HOST:PORT, for "
                        + "example 127.0.0.1:7700; '" + text + "' is not.", text);
            }
            String host = text.substring(0, colon);
            if (host.contains(":") && !(host.startsWith("[") && host.endsWith("]"))) {
                throw new InvalidValueException("connect.colons", "'" + text + "' has more than one ':'; give "
                        + "HOST:PORT, with an IPv6 host in brackets, such as [::1]:7700.", text);
            }
            try {
                return new Tcp(host, Integer.parseInt(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                InvalidValueException refused = new InvalidValueException("connect.portNumber", "The port in '"
                        + text + "' is not a number.", text);
                refused.initCause(e);
                throw refused;
            }
        }
    }

    /**
     * A gateway on a USB or UART serial port.
     *
     * @param confirmed whether the technician said to use the port even though it does not look like a gateway
     */
    record Serial(String device, boolean confirmed) implements ConnectionTarget {

        /** A port the console opens only if it looks like a gateway. */
        public Serial(String device) {
            this(device, false);
        }
    }

    /**
     * A simulated site started inside the console, reached over loopback TCP.
     *
     * @param scenario what the site plays from the start of its history
     * @param database the site database file the console pulls into, or null for a fresh temporary one
     */
    record Demo(SiteSpec spec, double speed, Scenario scenario, Path database) implements ConnectionTarget {

        /** A demo site pulled into a fresh temporary database. */
        public Demo(SiteSpec spec, double speed, Scenario scenario) {
            this(spec, speed, scenario, null);
        }

        /** A demo site left to itself. */
        public Demo(SiteSpec spec, double speed) {
            this(spec, speed, Scenario.NONE);
        }
    }

    /**
     * How the technician reads this target on screen: the demo site in the language in use, an address or a port as
     * {@link #describe()} writes it.
     */
    default String words() {
        if (this instanceof Demo demo) {
            String meters = Integer.toString(demo.spec().meters());
            String seed = Long.toString(demo.spec().seed());
            return demo.scenario() == Scenario.NONE ? I18n.text("connect.target.demo", meters, seed)
                    : I18n.text("connect.target.demoScenario", meters, seed, demo.scenario().name());
        }
        return describe();
    }

    /** How a person would name this target, in English: for the log and for errors raised below the screens. */
    default String describe() {
        if (this instanceof Tcp tcp) {
            return tcp.host() + ":" + tcp.port();
        }
        if (this instanceof Serial serial) {
            return serial.device();
        }
        Demo demo = (Demo) this;
        String scenario = demo.scenario() == Scenario.NONE ? "" : ", scenario " + demo.scenario().name();
        return String.format(Locale.ROOT, "demo site (%d meters, seed %d%s)", demo.spec().meters(),
                demo.spec().seed(), scenario);
    }
}
