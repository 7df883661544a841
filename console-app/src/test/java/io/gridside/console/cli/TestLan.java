package io.gridside.console.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LAN of two hosts for one test: two network namespaces that this class creates, joined by a veth pair, with
 * multicast on. The gateway's host is 10.213.0.1 and the console's 10.213.0.2. Nothing here touches this machine's
 * own interfaces or routes; {@link #close()} kills every process started in the LAN (a graceful stop is not what
 * these tests are about, and multicast DNS takes seconds to say goodbye) and deletes both namespaces.
 */
final class TestLan implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestLan.class);
    private static final long COMMAND_WAIT_S = 30;

    /** The two hosts of the LAN. */
    enum Host {
        GATEWAY("10.213.0.1"),
        CONSOLE("10.213.0.2");

        private final String address;

        Host(String address) {
            this.address = address;
        }

        String address() {
            return address;
        }
    }

    private final String tag;
    private final Path logs;
    private final List<String> namespaces = new CopyOnWriteArrayList<>();
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    /** Cleans up should the test JVM be stopped before the test's own cleanup runs. */
    private final Thread cleanupAtExit = new Thread(this::close, "test-lan-cleanup");

    private TestLan(String tag, Path logs) {
        this.tag = tag;
        this.logs = logs;
    }

    /** Why a LAN cannot be made on this machine, or empty when it can. */
    static Optional<String> whyUnavailable() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("network namespaces exist on Linux only");
        }
        try {
            if (!run(List.of("id", "-u")).strip().equals("0")) {
                return Optional.of("creating network namespaces needs root");
            }
            run(List.of("ip", "netns", "list"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("'ip netns' is not usable here: " + e.getMessage());
        }
    }

    /** Creates the two namespaces and the link between them; on any failure, removes what it made. */
    static TestLan create(Path logs) throws IOException {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        TestLan lan = new TestLan(HexFormat.of().formatHex(random), logs);
        Runtime.getRuntime().addShutdownHook(lan.cleanupAtExit);
        try {
            lan.build();
            return lan;
        } catch (IOException | RuntimeException e) {
            lan.close();
            throw e;
        }
    }

    private void build() throws IOException {
        for (Host host : Host.values()) {
            run(List.of("ip", "netns", "add", namespace(host)));
            namespaces.add(namespace(host));
        }
        run(List.of("ip", "-n", namespace(Host.GATEWAY), "link", "add", device(Host.GATEWAY), "type", "veth",
                "peer", "name", device(Host.CONSOLE), "netns", namespace(Host.CONSOLE)));
        for (Host host : Host.values()) {
            String ns = namespace(host);
            run(List.of("ip", "-n", ns, "addr", "add", host.address() + "/24", "dev", device(host)));
            run(List.of("ip", "-n", ns, "link", "set", device(host), "multicast", "on", "up"));
            run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
            run(List.of("ip", "-n", ns, "route", "add", "224.0.0.0/4", "dev", device(host)));
        }
        LOG.info("Made the test LAN {} and {}.", namespace(Host.GATEWAY), namespace(Host.CONSOLE));
    }

    private String namespace(Host host) {
        return "gridside-" + tag + "-" + host.name().toLowerCase(Locale.ROOT);
    }

    /** Interface names may have 15 characters at most. */
    private String device(Host host) {
        return "gs" + host.name().charAt(0) + tag;
    }

    /**
     * Starts {@code command} on {@code host}; its standard error goes to a file named after {@code name}.
     * The process is stopped when the LAN closes, if it has not ended by then.
     */
    Process start(Host host, String name, List<String> command) throws IOException {
        List<String> inNamespace = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
        inNamespace.addAll(command);
        Process process = new ProcessBuilder(inNamespace)
                .redirectError(logs.resolve(name + ".err").toFile())
                .start();
        processes.add(process);
        return process;
    }

    /** What a process wrote to its standard error, for a failure message. */
    String errorsOf(String name) {
        try {
            return Files.readString(logs.resolve(name + ".err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no error output: " + e.getMessage() + ")";
        }
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_WAIT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish.");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + ": "
                        + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " was interrupted.", e);
        }
    }

    /** Stops the processes started in the LAN, then deletes both namespaces and with them the veth pair. */
    @Override
    public synchronized void close() {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            awaitEnd(process);
        }
        for (String namespace : namespaces) {
            try {
                run(List.of("ip", "netns", "del", namespace));
            } catch (IOException e) {
                LOG.error("The test namespace {} could not be deleted; delete it by hand.", namespace, e);
            }
        }
        namespaces.clear();
        processes.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
        } catch (IllegalStateException e) {
            LOG.debug("The JVM is shutting down; this is the cleanup at exit.");
        }
    }

    private static void awaitEnd(Process process) {
        try {
            if (!process.waitFor(COMMAND_WAIT_S, TimeUnit.SECONDS)) {
                LOG.error("The test process {} did not end when killed.", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
