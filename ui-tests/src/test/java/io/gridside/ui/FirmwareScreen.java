package io.gridside.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the Firmware screen's tests do alike: open the screen, bring a tab forward, check an image, read a label,
 * and wait generously, saying what the screen showed when the wait runs out. Lookups run on the FX thread, since
 * the screens fill in while a test looks.
 */
final class FirmwareScreen {

    static final long WAIT_SECONDS = 120;

    private FirmwareScreen() {
    }

    /** Clicks the Firmware button of a connected console and waits for the screen. */
    static void open(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node nav = onFx(() -> robot.lookup("#nav-firmware").query());
        robot.clickOn(nav);
        waitFor("the firmware screen", () -> onFx(() -> robot.lookup("#firmware-view").query().isVisible()),
                () -> "it stayed hidden; the Firmware button selected: " + onFx(((ToggleButton) nav)::isSelected));
    }

    /** Brings the tab {@code name} (fleet, image, gateway, campaign or history) forward. */
    static void showTab(FxRobot robot, String name) {
        TabPane tabs = onFx(() -> robot.lookup("#fw-tabs").queryAs(TabPane.class));
        robot.interact(() -> tabs.getTabs().stream().filter(tab -> tab.getId().equals("fw-tab-" + name))
                .findFirst().ifPresent(tab -> tabs.getSelectionModel().select(tab)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code image}'s path on the Image tab and waits for its checks' verdict, which it answers. */
    static String check(FxRobot robot, Path image) {
        showTab(robot, "image");
        TextField path = onFx(() -> robot.lookup("#fw-image-path").queryAs(TextField.class));
        robot.interact(() -> path.setText(image.toString()));
        robot.clickOn(path).type(KeyCode.ENTER);
        waitFor("the checks of " + image, () -> text(robot, "#fw-image-message").startsWith("Refused:")
                || text(robot, "#fw-image-message").startsWith("This image passed every check"),
                () -> "the screen said '" + text(robot, "#fw-image-message") + "'");
        return text(robot, "#fw-image-message");
    }

    /** Clicks {@code query}'s button once it is enabled. */
    static void clickWhenEnabled(FxRobot robot, String query, Supplier<String> shown) {
        Button button = onFx(() -> robot.lookup(query).queryAs(Button.class));
        waitFor(query + " enabled", () -> onFx(() -> !button.isDisabled()), shown);
        robot.clickOn(button);
    }

    static Scene scene(FxRobot robot) {
        return onFx(() -> robot.lookup("#firmware-view").query().getScene());
    }

    static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("(not shown)"));
    }

    static <T> T onFx(Callable<T> lookup) {
        try {
            return WaitForAsyncUtils.asyncFx(lookup).get(60, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new AssertionError("the lookup on the FX thread failed", failure);
        }
    }

    static void waitFor(String what, Callable<Boolean> condition, Supplier<String> shown) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what + ": " + shown.get(), e);
        }
    }
}
