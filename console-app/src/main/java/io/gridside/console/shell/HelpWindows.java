package io.gridside.console.shell;

import io.gridside.console.I18n;
import io.gridside.console.about.AboutView;
import java.nio.file.Path;
import javafx.scene.Node;

/** Opens the windows a technician looks something up in: the shortcut sheet and the about screen. */
public final class HelpWindows {

    private HelpWindows() {
    }

    /** Opens the shortcut sheet beside the window of {@code from}, in the language in use. */
    public static void shortcuts(Node from) {
        // Sized to the sheet: its two lists show whole, with nothing to scroll.
        SideWindow.open(from, I18n.text("settings.shortcuts"), new ShortcutSheet());
    }

    /** Opens the about screen beside the window of {@code from}; {@code dataFolder} is the site data's folder. */
    public static void about(Node from, Path dataFolder) {
        SideWindow.open(from, I18n.text("settings.about"), new AboutView(dataFolder), 640, 560);
    }
}
