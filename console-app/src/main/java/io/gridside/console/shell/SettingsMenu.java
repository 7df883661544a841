package io.gridside.console.shell;

import io.gridside.console.I18n;
import io.gridside.console.Theme;
import java.util.Locale;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The settings menu at the start of the status bar: the console's language and theme, each taking effect at once,
 * and the export of diagnostics for support. It is on every screen, the connect screen included, so a technician who
 * cannot read the language shown finds it in the same corner everywhere; each language is named in itself.
 */
public final class SettingsMenu extends MenuButton {

    private final Appearance appearance;

    public SettingsMenu(Appearance appearance) {
        this.appearance = appearance;
        createControls();
    }

    private void createControls() {
        setId("settings-menu");
        setGraphic(new FontIcon(Material2MZ.SETTINGS));
        setText(I18n.text("settings.menu"));
        setTooltip(new Tooltip(getText()));
        setAccessibleText(getText());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setMinWidth(USE_PREF_SIZE);
        getItems().setAll(languageMenu(), themeMenu(), helpMenu(), new SeparatorMenuItem(),
                new DiagnosticsExportItem(appearance.session()));
    }

    /**
     * The shortcut sheet and the about screen, in a submenu of their own: their words and keys in the settings menu
     * itself would widen it, and a wide menu puts its language and theme submenus out of a straight reach.
     */
    private Menu helpMenu() {
        Menu menu = new Menu(I18n.text("settings.help"));
        menu.setId("settings-help");
        menu.getItems().setAll(helpItem("settings-shortcuts", "settings.shortcuts", Shortcuts.Action.SHEET,
                () -> HelpWindows.shortcuts(this)),
                helpItem("settings-about", "settings.about", Shortcuts.Action.ABOUT,
                        () -> HelpWindows.about(this, appearance.dataFolder())));
        return menu;
    }

    /**
     * An item that opens a help window and shows the first of its keyboard shortcuts beside its words. Opening a
     * help window twice brings the open one forward, so the key that both the item and the frame answer is harmless.
     */
    private static MenuItem helpItem(String id, String textKey, Shortcuts.Action action, Runnable open) {
        MenuItem item = new MenuItem(I18n.text(textKey));
        item.setId(id);
        item.setAccelerator(Shortcuts.of(action, "").keys().get(0));
        item.setOnAction(event -> open.run());
        return item;
    }

    private Menu languageMenu() {
        Menu menu = new Menu(I18n.text("settings.language"));
        menu.setId("settings-language");
        ToggleGroup group = new ToggleGroup();
        for (Locale language : I18n.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(nameInItself(language));
            item.setId("language-" + language.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(language.equals(I18n.locale()));
            item.setOnAction(event -> appearance.useLanguage(language));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** "English", "Français", "Português", "Kiswahili": a language named as its speakers write it. */
    static String nameInItself(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.getLanguage() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    private Menu themeMenu() {
        Menu menu = new Menu(I18n.text("settings.theme"));
        menu.setId("settings-theme");
        ToggleGroup group = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(I18n.text("settings.theme." + theme.key()));
            item.setId("theme-" + theme.key());
            item.setToggleGroup(group);
            item.setSelected(theme == appearance.theme());
            item.setOnAction(event -> appearance.useTheme(theme));
            menu.getItems().add(item);
        }
        return menu;
    }
}
