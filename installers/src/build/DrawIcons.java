import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws Gridside's icon and writes it in the three forms the installers need: {@code gridside.png} (256 pixels,
 * for Linux), {@code gridside.ico} (Windows) and {@code gridside.icns} (macOS). The icon is a mini-grid seen from
 * above: a lightning bolt for the gateway, with six meters around it joined to it by the mesh. It is drawn as
 * shapes on a 256-unit square and scaled, so every size is sharp; both containers hold PNG images, which Windows
 * (since Vista) and macOS (since 10.5) read.
 *
 * <p>Run by the installers profile as a single-file program: {@code java DrawIcons.java OUTPUT-FOLDER}.
 */
public final class DrawIcons {

    private static final Color BACKGROUND = new Color(0x12, 0x4E, 0x4A);
    private static final Color MESH = new Color(0x8F, 0xC9, 0xC2);
    private static final Color METER = new Color(0xF4, 0xF7, 0xF6);
    private static final Color BOLT = new Color(0xFF, 0xC8, 0x2E);
    private static final int METERS = 6;

    private DrawIcons() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java DrawIcons.java OUTPUT-FOLDER");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        Files.write(folder.resolve("gridside.png"), png(256));
        Files.write(folder.resolve("gridside.ico"), ico(List.of(16, 32, 48, 256)));
        Files.write(folder.resolve("gridside.icns"), icns());
        System.out.println("icons written to " + folder);
    }

    /** The icon drawn at {@code size} pixels square. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(BACKGROUND);
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        double centre = 128;
        double radius = 84;
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(MESH);
        for (int i = 0; i < METERS; i++) {
            double angle = Math.toRadians(90 + i * 360.0 / METERS);
            double x = centre + radius * Math.cos(angle);
            double y = centre - radius * Math.sin(angle);
            double nextAngle = Math.toRadians(90 + (i + 1) * 360.0 / METERS);
            g.draw(new Line2D.Double(x, y, centre + radius * Math.cos(nextAngle),
                    centre - radius * Math.sin(nextAngle)));
            g.draw(new Line2D.Double(x, y, centre, centre));
        }
        g.setColor(BACKGROUND);
        g.fill(new Ellipse2D.Double(centre - 50, centre - 50, 100, 100));
        g.setColor(METER);
        for (int i = 0; i < METERS; i++) {
            double angle = Math.toRadians(90 + i * 360.0 / METERS);
            double x = centre + radius * Math.cos(angle);
            double y = centre - radius * Math.sin(angle);
            g.fill(new Ellipse2D.Double(x - 15, y - 15, 30, 30));
        }
        Path2D bolt = new Path2D.Double();
        bolt.moveTo(140, 78);
        bolt.lineTo(100, 136);
        bolt.lineTo(126, 136);
        bolt.lineTo(114, 180);
        bolt.lineTo(158, 118);
        bolt.lineTo(131, 118);
        bolt.closePath();
        g.setColor(BOLT);
        g.fill(bolt);
        g.dispose();
        return image;
    }

    static byte[] png(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(draw(size), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A Windows icon: a directory of little-endian entries, then each size's PNG. */
    static byte[] ico(List<Integer> sizes) {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(size));
        }
        int offset = 6 + 16 * sizes.size();
        int total = offset + images.stream().mapToInt(image -> image.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            out.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            out.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    /** A macOS icon: big-endian elements of a type and a length, each a PNG (128, 256 and 512 pixels). */
    static byte[] icns() throws IOException {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(elements);
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            out.writeBytes(types[i]);
            out.writeInt(8 + image.length);
            out.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + elements.size());
        header.write(elements.toByteArray());
        return file.toByteArray();
    }
}
