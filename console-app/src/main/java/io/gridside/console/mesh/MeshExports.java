package io.gridside.console.mesh;

import io.gridside.site.mesh.MeshExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Where the mesh view's exports go and how the data ones are written: the picture, JSON and GraphML. */
public final class MeshExports {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    /** What the technician can export. */
    public enum Format {
        PNG("png"), JSON("json"), GRAPHML("graphml");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private MeshExports() {
    }

    /**
     * The file an export of the mesh at its moment goes to in {@code folder}: the site, the moment in the site's time
     * zone, and the format's extension, such as {@code mesh-SITE-1-20260603-0907.json}.
     */
    public static Path file(Path folder, String siteId, MeshFacts facts, ZoneId zone, Format format) {
        String stamp = STAMP.format(facts.graph().at().atZone(zone));
        return folder.resolve("mesh-" + siteId + "-" + stamp + "." + format.extension());
    }

    /** Writes the mesh with its radios' facts as JSON or GraphML to {@code file}, making its folder; returns it. */
    public static Path writeData(MeshFacts facts, Format format, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        if (format == Format.JSON) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                MeshExport.writeJson(facts.graph(), facts.exported(), out);
            }
        } else if (format == Format.GRAPHML) {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                MeshExport.writeGraphMl(facts.graph(), facts.exported(), out);
            }
        } else {
            throw new IllegalArgumentException("A picture is taken of the view, not written from the data: " + format);
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
