package io.gridside.console.cli;

import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.mesh.MeshExport;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside mesh ... export}: the mesh with its metrics as a JSON or GraphML file for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the mesh with its metrics to a file: every radio with its place, hops, parent and "
            + "whether only the past knows it, its customer and serial; every link with both directions' signal "
            + "and packet success, ETX, age, whether it is the preferred parent and whether it is stale.",
            "json is Gridside's own shape (format gridside-mesh, version 1); graphml has typed keys for graph tools "
                + "such as Gephi, yEd or NetworkX."})
final class MeshExportCommand implements Callable<Integer> {

    /** The formats a mesh is written in. */
    enum Format { JSON, GRAPHML }

    @ParentCommand
    MeshCommand mesh;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    MeshOptions own;

    @Option(names = "--format", paramLabel = "json|graphml", required = true, converter = FormatConverter.class,
            description = "The file's format.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
    Path out;

    @Option(names = "--replace", description = "Write over the file if it exists.")
    boolean replace;

    /** What was written, as JSON carries it. */
    record ExportJson(String file, String format, int nodes, int links) {
    }

    @Override
    public Integer call() {
        MeshOptions options = own.or(mesh.options);
        MeshGraph graph;
        Map<String, Map<String, String>> attributes;
        SiteInfo site;
        try (SiteStore store = SiteFiles.openExisting(options.requireSite())) {
            site = MeshCommand.siteOf(store, options);
            graph = StoredMesh.load(store, options.siteFile, site, options.at,
                    command.commandLine().getErr());
            attributes = attributes(store.meters());
        } catch (StoreException e) {
            throw SiteFiles.damaged(options.siteFile, e);
        }
        refuseUnsafeTarget(options.siteFile);
        if (Files.exists(out) && !replace) {
            throw new RefusedException("The file " + out + " exists; give --replace to write over it, or another "
                    + "name.", "FILE_EXISTS");
        }
        write(graph, attributes);
        if (options.json) {
            command.commandLine().getOut().println(Json.write(new ExportJson(out.toString(),
                    format.name().toLowerCase(Locale.ROOT), graph.nodeCount(), graph.linkCount())));
        } else {
            command.commandLine().getOut().printf("Wrote the mesh at %s (%s) as %s to %s: %d radios, %d links.%n",
                    StoredMesh.local(graph.at(), site.zone()), site.zone(), format == Format.JSON ? "JSON" : "GraphML",
                    out, graph.nodeCount(), graph.linkCount());
        }
        return ExitCode.OK;
    }

    /**
     * Refuses to write over the site database itself, or over anything that is not a plain file (a folder, a link,
     * a device), which {@code --replace} is not meant to replace.
     */
    private void refuseUnsafeTarget(Path siteFile) {
        if (siteFile != null && isCompanion(siteFile)) {
            throw new RefusedException(out + " is a file SQLite keeps beside the site database; give another name.",
                    "FILE_NOT_WRITTEN");
        }
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(out + " is not a plain file (a folder, a link or a device); give the name of "
                    + "a file to write.", "FILE_NOT_WRITTEN");
        }
        try {
            if (siteFile != null && Files.exists(siteFile) && Files.isSameFile(out, siteFile)) {
                throw new RefusedException(out + " is the site database the mesh is read from; give another name.",
                        "FILE_NOT_WRITTEN");
            }
        } catch (IOException e) {
            throw new RefusedException("Could not check " + out + ": " + e.getMessage() + ".", e, "FILE_NOT_WRITTEN");
        }
    }

    /** Whether {@code out} is the site database's journal, write-ahead log or shared memory file. */
    private boolean isCompanion(Path siteFile) {
        Path target = out.toAbsolutePath().normalize();
        Path site = siteFile.toAbsolutePath().normalize();
        for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
            if (target.equals(site.resolveSibling(site.getFileName() + suffix))) {
                return true;
            }
        }
        return false;
    }

    /** Writes beside the file and then moves it in, so that a failure leaves no half-written mesh behind. */
    private void write(MeshGraph graph, Map<String, Map<String, String>> attributes) {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            if (format == Format.JSON) {
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    MeshExport.writeJson(graph, attributes, stream);
                }
            } else {
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    MeshExport.writeGraphMl(graph, attributes, writer);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The failure that matters is the one reported below.
            }
            throw new RefusedException("The mesh could not be written to " + out + ": " + e.getMessage()
                    + "; check that the folder can be written to.", e, "FILE_NOT_WRITTEN");
        }
    }

    private static Map<String, Map<String, String>> attributes(List<Meter> meters) {
        Map<String, Map<String, String>> attributes = new HashMap<>();
        meters.forEach(meter -> attributes.put(meter.meterId(), Map.of("customer", meter.customerId(),
                "serial", meter.serial())));
        return attributes;
    }

    /** Reads json or graphml in any case, and says which it takes otherwise. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {

        @Override
        public Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "graphml" -> Format.GRAPHML;
                default -> throw new picocli.CommandLine.TypeConversionException("--format takes json or graphml, "
                        + "was " + value);
            };
        }
    }
}
