import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Times the console's start to its first usable window against a minimal JavaFX window, and its memory on a site. */
public final class StartupBench {

    private static final String MARK = "gridside-mark ";
    /** Each started process's output lines, read as they come, and the file its error output goes to. */
    private static final Map<Process, BlockingQueue<String>> OUTPUTS = new ConcurrentHashMap<>();
    private static final Map<Process, Path> ERRORS = new ConcurrentHashMap<>();
    private static final String FIRST_USABLE_WINDOW = "first-usable-window";
    private static final String SITE_SHOWN = "site-shown";
    private static final String MAIN = "io.gridside.console.Main";
    /** Goals of the issue: the first usable window within 2 s and 2.5 times the minimal window, 400 MB resident. */
    private static final double GOAL_STARTUP_MS = 2000;
    private static final double GOAL_RATIO = 2.5;
    private static final double GOAL_RSS_MB = 400;
    /** How long a site stays open after it is shown before its memory is read: the pull's last work settles. */
    private static final long SETTLE_MILLIS = 10_000;

    /**
     * The minimal window: a stage with a label, marked by the console's own {@code StartupMarks}, the one class of
     * the console it loads, so that both windows are timed to the same moment.
     */
    private static final String MINIMAL_WINDOW = """
            import io.gridside.console.StartupMarks;
            import javafx.application.Application;
            import javafx.scene.Scene;
            import javafx.scene.control.Label;
            import javafx.stage.Stage;

            // Launched as the console is, from a class that is not the Application: JavaFX on the class path
            // refuses to start an Application subclass given as the main class.
            public final class MinimalWindow {
                public static void main(String[] args) {
                    Application.launch(Window.class, args);
                }

                public static final class Window extends Application {
                    @Override
                    public void start(Stage stage) {
                        stage.setScene(new Scene(new Label("Gridside"), 1280, 800));
                        stage.show();
                        StartupMarks.watchWindow(stage);
                    }
                }
            }
            """;

    private final Path root;
    private final Path work;
    private final String classpath;
    private final List<String> jvmOptions;
    private final String display;
    private double lastCpuMillis;
    /** The class data archive ./gridside keeps beside the console's jars, made by the first window it opens. */
    private final Path archive;

    private StartupBench(Path root, Path work, String display) throws IOException {
        this.root = root;
        this.work = work;
        this.classpath = System.getProperty("java.class.path");
        this.jvmOptions = launcherOptions(root.resolve("console-app").resolve("jvm.options"));
        this.archive = root.resolve("console-app").resolve("target").resolve("gridside.jsa");
        this.display = display;
    }

    public static void main(String[] args) throws Exception {
        int runs = intOption(args, "--runs", 5);
        int meters = intOption(args, "--meters", 5000);
        boolean startupOnly = Arrays.asList(args).contains("--startup-only");
        Path root = Path.of(System.getProperty("user.dir"));
        Path work = Files.createTempDirectory("gridside-startup-bench-");
        PrivateDisplay display = PrivateDisplay.start();
        // Stopped by a signal, the benchmark ends what it started: the display, the site and any console.
        Thread cleanUp = new Thread(() -> {
            OUTPUTS.keySet().forEach(Process::destroy);
            display.server().destroy();
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            new StartupBench(root, work, display.name()).run(runs, meters, startupOnly);
        } finally {
            display.close();
            deleteTree(work);
        }
    }

    private void run(int runs, int meters, boolean startupOnly) throws Exception {
        System.out.println("jvm_options=" + String.join(" ", jvmOptions));
        Path minimalClasses = compileMinimalWindow();
        List<String> minimal = command(minimalClasses + File.pathSeparator + classpath, "MinimalWindow");
        List<String> console = command(classpath, MAIN);

        // One start of each, untimed, so that both find the jars and libraries in the page cache; the console's
        // makes the class data archive as ./gridside's first window does, if the build has none or an older one.
        firstWindowMillis(minimal, freshHome());
        if (Files.exists(archive) && olderThanTheJars(archive)) {
            Files.delete(archive);
        }
        if (!Files.exists(archive)) {
            List<String> training = new ArrayList<>(console);
            training.add(1, "-XX:ArchiveClassesAtExit=" + archive);
            firstWindowMillis(training, freshHome());
            System.out.println("class_data_archive=made");
        }
        console = command(classpath, MAIN);
        firstWindowMillis(console, freshHome());
        double[] minimalMillis = new double[runs];
        double[] consoleMillis = new double[runs];
        double[] minimalCpu = new double[runs];
        double[] consoleCpu = new double[runs];
        for (int run = 0; run < runs; run++) {
            minimalMillis[run] = firstWindowMillis(minimal, freshHome());
            minimalCpu[run] = lastCpuMillis;
            consoleMillis[run] = firstWindowMillis(console, freshHome());
            consoleCpu[run] = lastCpuMillis;
            System.err.printf(Locale.ROOT, "run %d: minimal %.0f ms (cpu %.0f ms), console %.0f ms (cpu %.0f ms)%n",
                    run + 1, minimalMillis[run], minimalCpu[run], consoleMillis[run], consoleCpu[run]);
        }
        double minimalMs = median(minimalMillis);
        double startupMs = median(consoleMillis);

        printKey("runs", runs);
        printKey("minimal_window_ms", minimalMs);
        printKey("startup_ms_runs", Arrays.toString(rounded(consoleMillis)));
        printKey("minimal_window_cpu_ms", median(minimalCpu));
        printKey("startup_cpu_ms", median(consoleCpu));
        printKey("startup_cpu_vs_minimal_ratio", median(consoleCpu) / median(minimalCpu));
        if (!startupOnly) {
            siteMemory(meters, Math.max(1, Math.min(runs, 3)));
        }
        printKey("startup_vs_minimal_ratio", startupMs / minimalMs);
        printKey("startup_to_goal_ratio", startupMs / GOAL_STARTUP_MS);
        System.out.printf(Locale.ROOT, "goals: startup %.0f ms, ratio %.1f, resident %.0f MB%n", GOAL_STARTUP_MS,
                GOAL_RATIO, GOAL_RSS_MB);
        printKey("startup_ms", startupMs);
    }

    /**
     * Starts a simulated site of {@code meters} on loopback, then opens the console on it {@code runs} times, each
     * with a fresh data folder that pulls the site whole, and reads the console's resident memory once the site is
     * shown on the mesh screen and has settled.
     */
    private void siteMemory(int meters, int runs) throws Exception {
        List<String> simCommand = new ArrayList<>(List.of(javaExecutable(), "-cp", classpath, MAIN, "sim",
                "--meters", Integer.toString(meters), "--tcp"));
        Process sim = start(simCommand, freshHome());
        try {
            String address = awaitLine(sim, "tcp=", TimeUnit.MINUTES.toMillis(10)).substring("tcp=".length());
            double[] residentMb = new double[runs];
            double[] peakMb = new double[runs];
            double[] shownSeconds = new double[runs];
            for (int run = 0; run < runs; run++) {
                Path home = freshHome();
                issueCredential(home);
                List<String> console = command(classpath, MAIN);
                console.addAll(List.of("--tcp", address, "--screen", "mesh"));
                long started = System.nanoTime();
                Process process = start(console, home);
                try {
                    awaitLine(process, MARK + SITE_SHOWN, TimeUnit.MINUTES.toMillis(15));
                    shownSeconds[run] = (System.nanoTime() - started) / 1e9;
                    Thread.sleep(SETTLE_MILLIS);
                    residentMb[run] = statusKilobytes(process, "VmRSS") / 1024.0;
                    peakMb[run] = statusKilobytes(process, "VmHWM") / 1024.0;
                } finally {
                    stop(process);
                }
                System.err.printf(Locale.ROOT, "site run %d: shown after %.1f s, resident %.0f MB, peak %.0f MB%n",
                        run + 1, shownSeconds[run], residentMb[run], peakMb[run]);
            }
            printKey("rss_meters", meters);
            printKey("site_shown_s", median(shownSeconds));
            printKey("rss_peak_mb", median(peakMb));
            printKey("rss_to_goal_ratio", median(residentMb) / GOAL_RSS_MB);
            printKey("rss_mb", median(residentMb));
        } finally {
            stop(sim);
        }
    }

    /**
     * Starts {@code command} and times it from the start to its mark of the first usable window; then ends it. The
     * processor time the process had used by then (all its threads, the compilers' too) goes to {@link #cpuMillis}:
     * on a shared machine it moves less with the load than the wall time does.
     */
    private double firstWindowMillis(List<String> command, Path home) throws Exception {
        long started = System.nanoTime();
        Process process = start(command, home);
        try {
            awaitLine(process, MARK + FIRST_USABLE_WINDOW, TimeUnit.MINUTES.toMillis(2));
            double millis = (System.nanoTime() - started) / 1e6;
            lastCpuMillis = cpuMillis(process);
            return millis;
        } finally {
            stop(process);
        }
    }

    /**
     * The launcher's command: java, the console's JVM options and its class data archive if there is one (as
     * ./gridside gives them), the marks turned on, the class path and the class.
     */
    private List<String> command(String path, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-Dgridside.startup.marks=true", "-cp", path, mainClass));
        return command;
    }

    private Process start(List<String> command, Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(home.resolve("stderr.log").toFile());
        builder.environment().put("DISPLAY", display);
        builder.environment().put("GRIDSIDE_HOME", home.toString());
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1024);
        Thread reader = new Thread(() -> readLines(process, lines), "output of " + process.pid());
        reader.setDaemon(true);
        reader.start();
        OUTPUTS.put(process, lines);
        ERRORS.put(process, home.resolve("stderr.log"));
        return process;
    }


    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.offer(line);
            }
        } catch (IOException e) {
            lines.offer("output ended: " + e.getMessage());
        }
    }

    /** Waits for a line of {@code process}'s output that starts with {@code prefix}. */
    private static String awaitLine(Process process, String prefix, long timeoutMillis) throws Exception {
        BlockingQueue<String> lines = OUTPUTS.get(process);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = lines.poll(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200))),
                    TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException("a process ended with exit code " + process.exitValue()
                        + " before it printed " + prefix + "; its error output: " + ERRORS.get(process));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no line " + prefix + " within " + timeoutMillis + " ms");
            }
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        OUTPUTS.remove(process);
        ERRORS.remove(process);
    }

    /** The processor time {@code process} has used, user and system, from {@code /proc/PID/stat}. */
    private static double cpuMillis(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // The fields after the command's name, which is in brackets and may hold spaces: utime and stime are the
        // 14th and 15th of the whole line, in clock ticks of 10 ms.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    /** A kilobyte figure of {@code /proc/PID/status}, such as VmRSS. */
    private static long statusKilobytes(Process process, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException("/proc/" + process.pid() + "/status has no " + key);
    }

    /**
     * A demo supervisor's credential in the config folder, which the simulated site accepts. It is valid from an
     * hour ago: the simulated gateway's clock starts behind the real one by the time the site took to build.
     */
    private void issueCredential(Path home) throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Process issue = start(List.of(javaExecutable(), "-cp", classpath, MAIN, "credential", "issue", "--demo",
                "--role", "supervisor", "--technician", "bench", "--from", Instant.now().minus(Duration.ofHours(1))
                        .truncatedTo(ChronoUnit.SECONDS).toString(), "--out",
                config.resolve("credential.json").toString()), home);
        if (!issue.waitFor(2, TimeUnit.MINUTES) || issue.exitValue() != 0) {
            throw new IllegalStateException("gridside credential issue failed; see " + home.resolve("stderr.log"));
        }
    }

    private boolean olderThanTheJars(Path file) throws IOException {
        for (String entry : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (Files.isRegularFile(jar)
                    && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(file)) > 0) {
                return true;
            }
        }
        return false;
    }

    private Path freshHome() throws IOException {
        return Files.createTempDirectory(work, "home-");
    }

    private Path compileMinimalWindow() throws IOException {
        Path folder = Files.createDirectories(work.resolve("minimal"));
        Path source = folder.resolve("MinimalWindow.java");
        Files.writeString(source, MINIMAL_WINDOW);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", classpath, "-d",
                folder.toString(), source.toString());
        if (exit != 0) {
            throw new IllegalStateException("the minimal window did not compile");
        }
        return folder;
    }

    /** The JVM options the launchers give the console: one a line, # starts a comment. */
    static List<String> launcherOptions(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String option = line.replaceFirst("#.*", "").strip();
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int intOption(String[] args, String name, int fallback) {
        List<String> list = Arrays.asList(args);
        int at = list.indexOf(name);
        return at >= 0 && at + 1 < list.size() ? Integer.parseInt(list.get(at + 1)) : fallback;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long[] rounded(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    private static void printKey(String key, Object value) {
        String text = value instanceof Double number ? String.format(Locale.ROOT, "%.3f", number) : value.toString();
        System.out.println(key + "=" + text);
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * A virtual X display of this benchmark's own, on a local socket only (-nolisten tcp), 1366x768 as a field
     * laptop. The console and the minimal window open real windows through GTK on it, as on a desktop.
     */
    private record PrivateDisplay(Process server, String name) implements AutoCloseable {

        static PrivateDisplay start() throws Exception {
            for (int number = 140; number < 200; number++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number
                        + "-lock"))) {
                    continue;
                }
                Process server = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1366x768x24",
                        "-nolisten", "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                for (int wait = 0; wait < 50 && server.isAlive(); wait++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + number))) {
                        return new PrivateDisplay(server, ":" + number);
                    }
                    Thread.sleep(100);
                }
                server.destroy();
            }
            throw new IllegalStateException("no virtual display could be started: is Xvfb installed (apt-get "
                    + "install xvfb)?");
        }

        @Override
        public void close() throws InterruptedException {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
